package dev.modeltest.xgboost;

import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_JSON;
import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_TEST;
import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_UBJ;
import static dev.modeltest.xgboost.XGBoostFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.DataLoader;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.testing.Csv;
import dev.modeltest.testing.Mutants;
import dev.modeltest.testing.RecordingOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corrupt model file fails with a {@link ModelException} naming the file, and never reaches XGBoost's native code in
 * a state that could crash the JVM (a truncated UBJ file or a child index past the end of a tree does, unchecked).
 */
class XGBoostCorruptFileTest {

    private static final String SAVE_HINT =
            ". Save boosters with save_model(\"model.json\") or save_model(\"model.ubj\")";

    @TempDir
    Path dir;

    @Test
    void failsOnAnEmptyUbjFile() throws IOException {
        Path model = write("empty.ubj", new byte[0]);

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage(corrupt(
                        model,
                        "invalid UBJSON at byte 0: the file ends where a value should be: it is" + " truncated"));
    }

    @Test
    void failsOnATruncatedUbjFile() throws IOException {
        byte[] bytes = Files.readAllBytes(BREAST_CANCER_UBJ);
        Path model = write("truncated.ubj", Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(
                        "model file '" + model + "' is corrupt or not an XGBoost model: invalid UBJSON" + " at byte ")
                .hasMessageContaining("it is truncated");
    }

    @Test
    void failsOnAGitLfsPointerInsteadOfTheModel() throws IOException {
        Path model = write(
                "lfs.ubj",
                ("version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 31699\n")
                        .getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage(corrupt(model, "invalid UBJSON at byte 0: unknown marker 'v' where a value should be"));
    }

    @Test
    void failsOnAnArrayLengthBeyondTheEndOfTheFile() throws IOException {
        // {"a": [$d#L <2^40> ...]}: a typed array of a trillion floats in a 24-byte file.
        ByteBuffer ubj = ByteBuffer.allocate(24);
        ubj.put((byte) '{').put((byte) 'L').putLong(1).put((byte) 'a');
        ubj.put((byte) '[')
                .put((byte) '$')
                .put((byte) 'd')
                .put((byte) '#')
                .put((byte) 'L')
                .putLong(1L << 40);
        Path model = write("huge.ubj", Arrays.copyOf(ubj.array(), ubj.position()));

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage(corrupt(
                        model,
                        "invalid UBJSON at byte 14: an array of 1099511627776 element(s) does not fit"
                                + " in the 0 byte(s) left: the file is truncated or corrupt"));
    }

    @Test
    void failsOnATruncatedJsonFile() throws IOException {
        String json = Files.readString(BREAST_CANCER_JSON);
        Path model =
                write("truncated.json", json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + model + "' is corrupt or not an XGBoost model: invalid JSON: ")
                .hasMessageEndingWith(SAVE_HINT);
    }

    @Test
    void failsOnJsonThatIsNotAnXGBoostModel() throws IOException {
        Path model = write("other.json", "{\"weights\": [1, 2, 3]}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage(corrupt(model, "learner should be an object, but is missing"));
    }

    @Test
    void failsOnATreeWhoseChildIsOutsideTheTree() throws IOException {
        Path model =
                editJson("child.json", "\"left_children\":[1,3,5,7,9,-1,11,", "\"left_children\":[1,3,5,7,99,-1,11,");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage(corrupt(
                        model,
                        "learner.gradient_booster.model.trees[0]: node 4 has child 99 (children must"
                                + " be distinct nodes in 1..12, each with one parent)"));
    }

    @Test
    void failsOnATreeThatSplitsOnAFeatureTheModelDoesNotHave() throws IOException {
        Path model = editJson("split.json", "\"split_indices\":[20,27,11,", "\"split_indices\":[20,27,31,");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage(corrupt(
                        model,
                        "learner.gradient_booster.model.trees[0]: node 2 splits on feature 31, but"
                                + " the model has 30 features"));
    }

    @Test
    void failsOnATreeForAnOutputGroupTheModelDoesNotHave() throws IOException {
        Path model = editJson("group.json", "\"tree_info\":[0,0,", "\"tree_info\":[0,2,");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage(corrupt(
                        model,
                        "learner.gradient_booster.model.tree_info[1] is 2, but the model has 1 output" + " group(s)"));
    }

    @Test
    void reportsWhatXGBoostItselfRejects() throws IOException {
        Path model = editJson("param.json", "\"num_parallel_tree\":\"1\"", "\"num_parallel_tree\":\"one\"");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + model + "' is corrupt or not an XGBoost model: XGBoost says ")
                .hasMessageNotContaining("Stack trace");
    }

    /**
     * Truncates and flips bytes of both committed formats at seeded random places: every mutant either loads and
     * predicts, or fails with a modeltest error. Run against XGBoost4J directly, without the checks in {@link
     * BoosterDocument} and {@link UbjReader}, the same sweep crashes the JVM inside XGBoost at its 14th UBJ mutant.
     */
    @Test
    void neverLetsAMutatedFileCrashXGBoost() throws IOException {
        var data = DataLoader.load(BREAST_CANCER_TEST.toString());
        Features features = Features.of(data, Csv.read(BREAST_CANCER_TEST).features());
        Consumer<Model> predict =
                m -> m.predict(features.batch(0, data.rowCount()), new RecordingOutput(data.rowCount(), 2));
        Random random = new Random(20261127);

        Mutants.Outcome ubj = Mutants.sweep(BREAST_CANCER_UBJ, 150, random, dir, XGBoostFixtures::load, predict);
        Mutants.Outcome json = Mutants.sweep(BREAST_CANCER_JSON, 150, random, dir, XGBoostFixtures::load, predict);

        // Both outcomes occur, so the sweep exercises the checks and the native code.
        assertThat(ubj.refused() + json.refused()).isGreaterThan(200);
        assertThat(ubj.loaded() + json.loaded()).isGreaterThan(5);
    }

    private Path editJson(String name, String from, String to) throws IOException {
        String json = Files.readString(BREAST_CANCER_JSON);
        assertThat(json).contains(from);
        return write(
                name, json.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String corrupt(Path model, String why) {
        return "model file '" + model + "' is corrupt or not an XGBoost model: " + why + SAVE_HINT;
    }
}
