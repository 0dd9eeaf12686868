package dev.modeltest.tribuo;

import static dev.modeltest.tribuo.TribuoFixtures.DIABETES_CART;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_FEATURES;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_LOGISTIC;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_TEST;
import static dev.modeltest.tribuo.TribuoFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Features;
import dev.modeltest.testing.Mutants;
import dev.modeltest.testing.RecordingOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupt model file fails with a {@link ModelException} naming the file. */
class TribuoCorruptFileTest {

    @TempDir
    Path dir;

    @Test
    void failsOnAnEmptyFile() throws IOException {
        Path model = write("empty.tribuo", new byte[0]);

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' is empty or not a Tribuo model: it names no model class. Save"
                        + " Tribuo models with model.serializeToFile(path)");
    }

    @Test
    void failsOnATruncatedFile() throws IOException {
        byte[] bytes = Files.readAllBytes(IRIS_LOGISTIC);
        Path model = write("truncated.tribuo", Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' is corrupt or not a Tribuo model: While parsing a protocol"
                        + " message, the input ended unexpectedly in the middle of a field. This could mean either"
                        + " that the input has been truncated or that an embedded message misreported its own length."
                        + " Save Tribuo models with model.serializeToFile(path)");
    }

    @Test
    void failsOnAJavaSerializedFile() throws IOException {
        // What Tribuo 4.2 and earlier wrote: a Java serialization stream (AC ED 00 05 ...).
        byte[] header = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05, 0x73, 0x72, 0x00, 0x10};
        Path model = write("old.tribuo", header);

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' is Java-serialized (as Tribuo 4.2 and earlier saved models),"
                        + " but modeltest reads Tribuo's protobuf format only, because deserializing an untrusted Java"
                        + " stream can run code. Convert the model once with Tribuo 4.3: model.serializeToFile(path)");
    }

    @Test
    void failsOnAGitLfsPointerInsteadOfTheModel() throws IOException {
        Path model = write(
                "lfs.tribuo",
                "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 7784\n"
                        .getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' is corrupt or not a Tribuo model: Protocol message tag had"
                        + " invalid wire type. Save Tribuo models with model.serializeToFile(path)");
    }

    @Test
    void failsOnAModelThatTribuoCannotRebuild() throws IOException {
        // The right model class, but none of the model's data.
        Path model = dir.resolve("hollow.tribuo");
        try (var out = Files.newOutputStream(model)) {
            org.tribuo.protos.core.ModelProto.newBuilder()
                    .setVersion(0)
                    .setClassName("org.tribuo.classification.sgd.linear.LinearSGDModel")
                    .build()
                    .writeTo(out);
        }

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + model + "' is corrupt or not a Tribuo model: Tribuo could not"
                        + " rebuild its org.tribuo.classification.sgd.linear.LinearSGDModel: ");
    }

    /**
     * Truncates and flips bytes of the committed models at seeded random places: every mutant either loads and
     * predicts, or fails with a modeltest error, never with another exception.
     */
    @Test
    void turnsEveryCorruptionIntoAModeltestError() throws IOException {
        TestData iris = DataLoader.load(IRIS_TEST.toString());
        Features features = Features.of(iris, IRIS_FEATURES);
        TestData diabetes = DataLoader.load(TribuoFixtures.DIABETES_TEST.toString());
        Features inputs = Features.of(diabetes, diabetes.columnNames().subList(0, 10));
        Random random = new Random(20261127);

        Mutants.Outcome logistic = Mutants.sweep(
                IRIS_LOGISTIC,
                150,
                random,
                dir,
                TribuoFixtures::load,
                m -> m.predict(features.batch(0, iris.rowCount()), new RecordingOutput(iris.rowCount(), 3)));
        Mutants.Outcome cart = Mutants.sweep(
                DIABETES_CART,
                150,
                random,
                dir,
                TribuoFixtures::load,
                m -> m.predict(inputs.batch(0, diabetes.rowCount()), new RecordingOutput(diabetes.rowCount(), 3)));

        assertThat(logistic.refused() + cart.refused()).isGreaterThan(100);
        assertThat(logistic.loaded() + cart.loaded()).isGreaterThan(5);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
