package dev.modeltest.model.smile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;

/**
 * Crafted Java-serialization streams that attack the reader, built here in code rather than kept as opaque binaries:
 * each holds only allow-listed classes, so only the size, depth and time limits stand between it and the test JVM.
 */
public final class CraftedModels {

    private CraftedModels() {}

    /**
     * Maps nested {@code depth} levels deep where each level holds the two maps of the level below as keys: hashing a
     * map of level k hashes level k-1 twice, so reading it takes time doubling per level (2^depth), yet the file stays
     * small because each map is written once and referred to after.
     */
    public static byte[] hashMapBomb(int depth) {
        List<Map<Object, Object>> a = new ArrayList<>();
        List<Map<Object, Object>> b = new ArrayList<>();
        for (int level = 0; level <= depth; level++) {
            // Distinct markers keep the two maps of a level unequal, so both stay keys of the level above.
            Map<Object, Object> left = new HashMap<>();
            left.put("a" + level, null);
            Map<Object, Object> right = new HashMap<>();
            right.put("b" + level, null);
            a.add(left);
            b.add(right);
        }
        // Top down, so that each map is put as a key while it holds only its marker (a cheap hash code) and filled
        // after: writing stays fast, reading hashes the full maps.
        for (int level = depth; level > 0; level--) {
            for (Map<Object, Object> map : List.of(a.get(level), b.get(level))) {
                map.put(a.get(level - 1), null);
                map.put(b.get(level - 1), null);
            }
        }
        return onBigStack(() -> bytesOf(a.get(depth)));
    }

    /** A 27-byte stream of a {@code long[]} whose header claims {@code length} elements and holds none. */
    public static byte[] longArrayHeader(int length) {
        byte[] bytes = bytesOf(new long[0]);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, length);
        return bytes;
    }

    /** A stream of an empty {@code ArrayList} whose size field claims {@code size} elements. */
    public static byte[] arrayListBomb(int size) {
        byte[] bytes = bytesOf(new ArrayList<>());
        // The size field, then the capacity in a block: TC_BLOCKDATA, 4, int, TC_ENDBLOCKDATA.
        ByteBuffer.wrap(bytes).putInt(bytes.length - 11, size);
        return bytes;
    }

    /** Lists nested {@code depth} deep, each holding the next. */
    public static byte[] deepGraph(int depth) {
        List<Object> root = new ArrayList<>();
        List<Object> inner = root;
        for (int i = 0; i < depth; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        return onBigStack(() -> bytesOf(root));
    }

    /** A well-formed stream of one {@code byte[]} of {@code length} bytes: no larger than the file, so allowed. */
    public static byte[] bigByteArray(int length) {
        return bytesOf(new byte[length]);
    }

    /**
     * Writes the crafted streams as the safe deserializer's fuzzing seeds, into the directory given (the test
     * resources' {@code dev/modeltest/model/smile/SafeDeserializationFuzzTestInputs/safeDeserializerFailsOnlyWithItsOwnException}).
     */
    public static void main(String[] args) throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(args[0]));
        java.util.Map<String, byte[]> seeds = new java.util.LinkedHashMap<>();
        seeds.put("long-array-header", longArrayHeader(200_000_000));
        seeds.put("array-list-bomb", arrayListBomb(100_000_000));
        seeds.put("hash-map-bomb-26", hashMapBomb(26));
        seeds.put("deep-graph-300", deepGraph(300));
        seeds.put("small-map", bytesOf(new HashMap<>(Map.of("k", List.of(1, 2.5, "v")))));
        seeds.put("byte-array", bigByteArray(64));
        seeds.put("not-serialization", "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            java.nio.file.Files.write(dir.resolve(seed.getKey()), seed.getValue());
        }
    }

    static byte[] bytesOf(Object object) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Runs on a thread with a 256 MiB stack: writing deep graphs recurses once per level. */
    static <T> T onBigStack(java.util.concurrent.Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(null, task, "crafted-model-writer", 256L << 20);
        thread.start();
        try {
            return task.get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the crafted model", e);
        }
    }
}
