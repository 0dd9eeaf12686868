package dev.modeltest.latency;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads live counters of this JVM's HotSpot performance data ({@code hsperfdata}), the memory-mapped file behind
 * {@code jstat} and {@code jcmd PerfCounter.print}, without any JVM flag. It is the one place where the JDK exposes
 * safepoint counts to an unprivileged program: {@code sun.management.HotspotRuntimeMBean} needs
 * {@code --add-exports java.management/sun.management=ALL-UNNAMED}, and the {@code jdk.internal.perf} API is not
 * exported. No library reads this format, so it is read here by hand (HotSpot's {@code perfMemory.hpp} layout).
 *
 * <p>Absent when the JVM runs with {@code -XX:-UsePerfData} or {@code -XX:+PerfDisableSharedMem}, or is not HotSpot.
 */
final class PerfData {

    /** The first four bytes of the file, in big-endian order. */
    private static final int MAGIC = 0xcafec0c0;

    private static final int BYTE_ORDER_OFFSET = 4;
    private static final int MAJOR_VERSION_OFFSET = 5;
    private static final int ENTRY_OFFSET_OFFSET = 24;
    private static final int ENTRY_COUNT_OFFSET = 28;
    private static final byte TYPE_LONG = 'J';

    private final MappedByteBuffer buffer;
    private final Map<String, Integer> longOffsets;

    private PerfData(MappedByteBuffer buffer, Map<String, Integer> longOffsets) {
        this.buffer = buffer;
        this.longOffsets = longOffsets;
    }

    /** Maps this JVM's performance data file, when there is one. */
    static Optional<PerfData> open() {
        String file = "hsperfdata_" + System.getProperty("user.name");
        String pid = Long.toString(ProcessHandle.current().pid());
        for (String dir : List.of(System.getProperty("java.io.tmpdir"), "/tmp")) {
            Path path = Path.of(dir, file, pid);
            if (Files.isRegularFile(path)) {
                try {
                    return Optional.of(read(path));
                } catch (IOException | RuntimeException e) {
                    // An unreadable or unexpected file: treat as absent, the message then says so.
                }
            }
        }
        return Optional.empty();
    }

    static PerfData read(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            if (buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
                throw new IOException(path + " is not HotSpot performance data");
            }
            if (buffer.get(MAJOR_VERSION_OFFSET) != 2) {
                throw new IOException(path + " has performance data version " + buffer.get(MAJOR_VERSION_OFFSET));
            }
            buffer.order(buffer.get(BYTE_ORDER_OFFSET) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            Map<String, Integer> offsets = new HashMap<>();
            int entry = buffer.getInt(ENTRY_OFFSET_OFFSET);
            int entries = buffer.getInt(ENTRY_COUNT_OFFSET);
            for (int i = 0; i < entries; i++) {
                // struct PerfDataEntry { jint entry_length, name_offset, vector_length; jbyte data_type, flags,
                // data_units, data_variability; jint data_offset; }
                int length = buffer.getInt(entry);
                int nameOffset = buffer.getInt(entry + 4);
                int vectorLength = buffer.getInt(entry + 8);
                byte type = buffer.get(entry + 12);
                int dataOffset = buffer.getInt(entry + 16);
                if (length <= 0) {
                    break;
                }
                if (type == TYPE_LONG && vectorLength == 0) {
                    offsets.put(name(buffer, entry + nameOffset), entry + dataOffset);
                }
                entry += length;
            }
            return new PerfData(buffer, offsets);
        }
    }

    private static String name(MappedByteBuffer buffer, int at) {
        StringBuilder name = new StringBuilder();
        for (int i = at; i < buffer.limit() && buffer.get(i) != 0; i++) {
            name.append((char) buffer.get(i));
        }
        return name.toString();
    }

    /** Returns whether the file has a long counter of that name, e.g. {@code sun.rt.safepoints}. */
    boolean has(String counter) {
        return longOffsets.containsKey(counter);
    }

    /** Returns the counter's current value; the JVM updates it in place. */
    long get(String counter) {
        Integer offset = longOffsets.get(counter);
        if (offset == null) {
            throw new IllegalArgumentException("no performance counter " + counter);
        }
        return buffer.getLong(offset);
    }
}
