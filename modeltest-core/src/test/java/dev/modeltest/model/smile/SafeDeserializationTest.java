package dev.modeltest.model.smile;

import static dev.modeltest.model.smile.SmileFixtures.irisForest;
import static dev.modeltest.model.smile.SmileFixtures.load;
import static dev.modeltest.model.smile.SmileFixtures.resource;
import static dev.modeltest.model.smile.SmileFixtures.serialize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.classification.RandomForest;

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
    void refusesAnObjectGraphDeeperThanTheLimit() throws Exception {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> inner = root;
        for (int i = 0; i < 1100; i++) {
            Map<String, Object> next = new HashMap<>();
            inner.put("k", next);
            inner = next;
        }
        Path file = dir.resolve("deep.ser");
        // Java serialization recurses once per level; give it a stack that a thousand levels fit on.
        FutureTask<Throwable> task = new FutureTask<>(() -> {
            serialize(root, file);
            try {
                load(file);
                return null;
            } catch (ModelException e) {
                return e;
            }
        });
        Thread thread = new Thread(null, task, "deep-graph", 64L << 20);
        thread.start();

        assertThat(task.get())
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(
                        "model file '" + file + "' contains an object graph beyond the allowed size" + " (depth 1001");
    }

    @Test
    void refusesAnArrayLongerThanTheLimitNamingTheLimit() throws IOException {
        // A byte[1] whose length field claims 300 million: the filter must refuse it before allocating anything.
        byte[] bytes = bytesOf(new byte[] {7});
        ByteBuffer.wrap(bytes).putInt(bytes.length - 5, 300_000_000);
        Path file = write("huge-array.ser", bytes);

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + file + "' contains an object graph beyond the allowed size")
                .hasMessageContaining("array length 300000000");
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
