package dev.modeltest.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the data of {@link SlowScorerTest}: points of three colours around three centres on a plane, with a fixed
 * seed, so that the committed files can be made again byte for byte ({@code SlowScorerProgressTest} checks that they
 * are).
 *
 * <pre>{@code
 * java -cp modeltest-examples/target/test-classes dev.modeltest.examples.SlowScorerData modeltest-examples/src/test/resources
 * }</pre>
 */
final class SlowScorerData {

    static final String TRAIN = "slow-scorer-train.csv";
    static final String TEST = "slow-scorer-test.csv";
    static final int TRAIN_ROWS = 5_000;

    /** Four prediction batches of 4096 rows, so that the progress line has rows to count before the end. */
    static final int TEST_ROWS = 16_384;

    static final List<String> COLOURS = List.of("red", "green", "blue");

    /** The centre of each colour; the spread of 0.8 around them makes the colours overlap. */
    private static final double[][] CENTRES = {{0.0, 0.0}, {2.0, 0.0}, {1.0, 1.7}};

    private static final double SPREAD = 0.8;

    private SlowScorerData() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length == 0 ? "src/test/resources" : args[0]);
        Files.writeString(dir.resolve(TRAIN), csv(TRAIN_ROWS, 1), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(TEST), csv(TEST_ROWS, 2), StandardCharsets.UTF_8);
    }

    /** Returns {@code rows} points, colours in turn, as CSV with the header {@code x,y,colour}. */
    static String csv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("x,y,colour\n");
        for (int i = 0; i < rows; i++) {
            int colour = i % COLOURS.size();
            double x = CENTRES[colour][0] + SPREAD * random.nextGaussian();
            double y = CENTRES[colour][1] + SPREAD * random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.2f,%.2f,%s\n", x, y, COLOURS.get(colour)));
        }
        return csv.toString();
    }
}
