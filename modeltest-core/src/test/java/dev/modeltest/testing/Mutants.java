package dev.modeltest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.error.ModelTestException;
import dev.modeltest.model.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Corrupts a committed model file at seeded random places, for the adapter modules' corrupt-file tests: every third
 * mutant is the file truncated at a random length, the others have one to three random bytes overwritten.
 */
public final class Mutants {

    /**
     * How the mutants of one sweep ended.
     *
     * @param loaded the mutants that loaded and predicted
     * @param refused the mutants that failed with a modeltest error
     */
    public record Outcome(int loaded, int refused) {}

    private Mutants() {}

    /**
     * Writes {@code count} mutants of {@code source} to {@code dir} (named {@code <t>-<file name>}), loads each and,
     * when it loads, predicts with it: every mutant must either load and predict, or fail with a {@link
     * ModelTestException} that names the file, never with another exception.
     *
     * @param random the seeded source of the mutations; a sweep over several files shares it, so each file gets other
     *     mutations
     */
    public static Outcome sweep(
            Path source, int count, Random random, Path dir, Function<Path, Model> load, Consumer<Model> predict)
            throws IOException {
        byte[] original = Files.readAllBytes(source);
        String name = source.getFileName().toString();
        int loaded = 0;
        int refused = 0;
        for (int t = 0; t < count; t++) {
            byte[] mutant = original.clone();
            if (t % 3 == 0) {
                mutant = Arrays.copyOf(original, random.nextInt(original.length));
            } else {
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
                }
            }
            Path model = Files.write(dir.resolve(t + "-" + name), mutant);
            try (Model m = load.apply(model)) {
                predict.accept(m);
                loaded++;
            } catch (ModelTestException e) {
                assertThat(e.getMessage()).contains(name);
                refused++;
            }
        }
        return new Outcome(loaded, refused);
    }
}
