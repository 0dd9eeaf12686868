package dev.modeltest.model.smile;

import static dev.modeltest.model.smile.SmileFixtures.irisForest;
import static dev.modeltest.model.smile.SmileFixtures.load;
import static dev.modeltest.model.smile.SmileFixtures.resource;
import static dev.modeltest.model.smile.SmileFixtures.serialize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.modeltest.error.ModelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * Reading model files through the allow-list: Smile models load, anything else fails with a message that says what
 * the file is, and no code of a refused class runs.
 */
class SafeDeserializationTest {

    private static byte[] irisForestBytes;

    @TempDir
    Path dir;

    @BeforeAll
    static void serializeIrisForest() throws IOException {
        irisForestBytes = bytesOf(irisForest());
    }

    @BeforeEach
    void resetGadget() {
        Gadget.readObjectRan = false;
    }

    @Test
    void readsASmileModel() throws IOException {
        Path file = write("iris-rf.ser", irisForestBytes);

        assertThat(SafeDeserialization.read(resource(file))).isInstanceOf(RandomForest.class);
    }

    @Test
    void refusesAClassOutsideTheAllowListWithoutRunningItsCode() throws IOException {
        Path file = serialize(new Gadget(), dir.resolve("gadget.ser"));

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + file + "' contains " + Gadget.class.getName()
                        + ", which modeltest refuses to deserialize: only Smile model classes and plain JDK values"
                        + " are allowed, so that a crafted file cannot run code. Load other models with"
                        + " @ModelTest(provider = ...)");
        assertThat(Gadget.readObjectRan).isFalse();
    }

    @Test
    void gadgetRunsItsCodeWhenReadWithoutTheFilter() throws Exception {
        // Shows that the check above can fail: unfiltered Java serialization runs the gadget's readObject.
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytesOf(new Gadget())))) {
            assertThat(in.readObject()).isInstanceOf(Gadget.class);
        }

        assertThat(Gadget.readObjectRan).isTrue();
    }

    @Test
    void refusesAJdkClassOutsideTheAllowList() throws IOException {
        Path file = serialize(new AtomicLong(42), dir.resolve("atomic.ser"));

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(
                        "contains java.util.concurrent.atomic.AtomicLong, which modeltest refuses to" + " deserialize");
    }

    @Test
    void refusesAClassOutsideTheAllowListNestedInAnAllowedCollection() throws IOException {
        Map<String, Object> map = new HashMap<>();
        map.put("model", new ArrayList<>(List.of(1, 2, new File("/tmp/x"))));
        Path file = serialize(map, dir.resolve("nested.ser"));

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("contains java.io.File, which modeltest refuses to deserialize");
    }

    @Test
    void saysAFileThatIsNotJavaSerializationIsNotASerializedModel() throws IOException {
        Path file = dir.resolve("model.ser");
        Files.writeString(file, "sepal_length,sepal_width\n5.1,3.5\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + file + "' is not a Java-serialized model (");
    }

    @Test
    void saysATruncatedModelFileIsTruncated() throws IOException {
        byte[] half = Arrays.copyOf(irisForestBytes, irisForestBytes.length / 2);
        Path file = write("iris-rf.ser", half);

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + file + "' is truncated: it ends in the middle of the model (" + half.length
                        + " bytes)");
    }

    @Test
    void saysAnAllowedObjectThatIsNoModelIsNotASmileClassifierOrRegressor() throws IOException {
        Path file = serialize(new ArrayList<>(List.of(1, 2, 3)), dir.resolve("list.ser"));

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + file + "' holds a java.util.ArrayList, which is not a Smile classifier or"
                        + " regressor");
    }

    @Test
    void namesAnAllowedClassThatIsNotOnTheClassPath() throws IOException {
        String gadget = Gadget.class.getName();
        // Same length, so that the stream stays well-formed: only the class name changes.
        String missing = "smile.classification.Missing";
        missing = missing + "X".repeat(gadget.length() - missing.length());
        Path file = write("missing.ser", replace(bytesOf(new Gadget()), gadget, missing));

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(
                        "model file '" + file + "' needs class " + missing + ", which is not on the class path");
    }

    @Test
    void refusesAnObjectGraphDeeperThanTheLimitBeforeTheStackOverflows() throws IOException {
        Path file = write("deep.ser", CraftedModels.deepGraph(900));

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + file + "' is refused before it could exhaust memory, stack or time:"
                        + " its objects nest 201 deep, more than the 200 allowed");
    }

    @Test
    void readsAGraphAsDeepAsTheLimit() throws IOException {
        // The outermost list is depth 1, so 199 lists inside it make the 200 allowed.
        Path file = write("deep-enough.ser", CraftedModels.deepGraph(SafeDeserialization.MAX_DEPTH - 1));

        assertThat(SafeDeserialization.read(resource(file))).isInstanceOf(ArrayList.class);
    }

    @Test
    void readsAnUnprunedTreeGrownOnNoise() throws IOException {
        // The deepest kind of real model: a tree split down to single rows of random labels (depth 81 when measured).
        Random random = new Random(1);
        int n = 20_000;
        double[][] x = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            y[i] = random.nextInt(2);
        }
        DataFrame frame = DataFrame.of(x, "a", "b", "c").merge(IntVector.of("y", y));
        DecisionTree tree = DecisionTree.fit(Formula.lhs("y"), frame, SplitRule.GINI, 1000, Integer.MAX_VALUE, 1);
        Path file = serialize(tree, dir.resolve("deep-tree.ser"));

        assertThat(SafeDeserialization.read(resource(file))).isInstanceOf(DecisionTree.class);
    }

    @Test
    void refusesALongArrayHeaderClaimingMoreThanTheFileHolds() throws IOException {
        byte[] bytes = CraftedModels.longArrayHeader(200_000_000);
        Path file = write("long-array.ser", bytes);

        assertThat(bytes).hasSize(27);
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + file + "' is refused before it could exhaust memory, stack or time:"
                        + " it claims an array of 200000000 long elements (1600000000 bytes), more than the file's 27"
                        + " bytes can hold");
    }

    @Test
    void refusesAnArrayListClaimingMoreElementsThanTheFileHolds() throws IOException {
        byte[] bytes = CraftedModels.arrayListBomb(100_000_000);
        Path file = write("list-bomb.ser", bytes);

        assertThat(bytes.length).isLessThan(60);
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + file + "' is refused before it could exhaust memory, stack or time:"
                        + " it claims an array of 100000000 Object elements (100000000 bytes), more than the file's "
                        + bytes.length + " bytes can hold");
    }

    @Test
    void refusesArraysClaimingMoreBytesInAllThanTheFileHolds() throws IOException {
        // Lists nested in lists, each claiming nearly the whole file: each alone fits, together they do not.
        List<Object> root = new ArrayList<>();
        List<Object> inner = root;
        for (int i = 0; i < 20; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        byte[] bytes = CraftedModels.bytesOf(root);
        int claimed = bytes.length - 10;
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        // Every list but the innermost holds one element: its size field (4 bytes) precedes TC_BLOCKDATA 4 <capacity>.
        for (int i = 0; i + 5 < bytes.length; i++) {
            if (bytes[i] == 0x77 && bytes[i + 1] == 4 && buffer.getInt(i - 4) == 1 && buffer.getInt(i + 2) == 1) {
                buffer.putInt(i - 4, claimed);
            }
        }
        Path file = write("lists.ser", bytes);

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + file + "' is refused before it could exhaust memory, stack"
                        + " or time: its arrays claim " + 2L * claimed + " bytes in all, more than the file's "
                        + bytes.length + " bytes can hold");
    }

    @Test
    void refusesNestedHashMapKeysTwentySixDeepWithinASecond() throws IOException {
        assertHashMapBombIsRefusedFast(26);
    }

    @Test
    void refusesNestedHashMapKeysAHundredDeepWithinASecond() throws IOException {
        assertHashMapBombIsRefusedFast(100);
    }

    @Test
    void readsNestedHashMapKeysWhoseHashCodesTakeFewSteps() throws IOException {
        // 2^17 steps: under the limit of a million, and read in milliseconds.
        Path file = write("nested-maps.ser", CraftedModels.hashMapBomb(15));

        assertThat(SafeDeserialization.read(resource(file))).isInstanceOf(HashMap.class);
    }

    private void assertHashMapBombIsRefusedFast(int depth) throws IOException {
        byte[] bytes = CraftedModels.hashMapBomb(depth);
        Path file = write("maps-" + depth + ".ser", bytes);

        assertThat(bytes.length).isLessThan(10_000);
        assertTimeoutPreemptively(
                Duration.ofSeconds(1),
                () -> assertThatThrownBy(() -> load(file))
                        .isInstanceOf(ModelException.class)
                        .hasMessage(
                                "model file '" + file + "' is refused before it could exhaust memory, stack or time:"
                                        + " it nests collections whose hash codes take more than 1000000 steps to compute"));
    }

    @Test
    void refusesALoadThatTakesLongerThanItsTimeLimit() throws IOException {
        Path file = write("iris-rf.ser", irisForestBytes);
        SafeDeserialization.Guard expired = new SafeDeserialization.Guard(irisForestBytes.length, 0);

        assertThatThrownBy(() -> SafeDeserialization.read(resource(file), expired))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + file + "' is refused before it could exhaust memory, stack or time:"
                        + " reading it took longer than 0 ms, the limit for a file of " + irisForestBytes.length
                        + " bytes");
    }

    @Test
    void turnsAStackOverflowIntoAModelExceptionNamingTheFile() throws Exception {
        Path file = write("deep-enough.ser", CraftedModels.deepGraph(SafeDeserialization.MAX_DEPTH - 1));
        // A thread with a tiny stack overflows on a graph that the limit allows.
        FutureTask<Throwable> task = new FutureTask<>(() -> {
            try {
                SafeDeserialization.read(resource(file));
                return null;
            } catch (ModelException e) {
                return e;
            }
        });
        Thread thread = new Thread(null, task, "small-stack", 64L << 10);
        thread.start();

        assertThat(task.get())
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + file + "' is refused before it could exhaust memory, stack or time:"
                        + " reading it overflowed the stack");
    }

    @Test
    void listsTheSmileLoaderWhenNoLoaderReadsAFile() throws IOException {
        Path file = dir.resolve("model.onnx");
        Files.writeString(file, "not a model anyone here reads");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessage("no model loader reads '" + file + "'; loaders on the class path: Smile [.ser, .smile]."
                        + " Use @ModelTest(provider = ...) to load other models in code.");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] bytesOf(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] search = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + search.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + search.length, search, 0, search.length)) {
                byte[] copy = bytes.clone();
                System.arraycopy(replacement, 0, copy, i, replacement.length);
                return copy;
            }
        }
        throw new IllegalArgumentException("'" + from + "' is not in the stream");
    }

    /** Stands for a deserialization gadget: its {@code readObject} would run attacker-chosen code. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;

        static volatile boolean readObjectRan;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            readObjectRan = true;
            in.defaultReadObject();
        }
    }
}
