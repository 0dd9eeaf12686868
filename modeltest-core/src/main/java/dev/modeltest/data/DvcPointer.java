package dev.modeltest.data;

import dev.modeltest.error.DataException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;

/**
 * The DVC pointer file beside a data file ({@code iris-test.csv.dvc} beside {@code iris-test.csv}): the MD5 that DVC
 * recorded for the data, checked against the local copy before a test reads it.
 *
 * <p>A pointer is YAML with an {@code outs} list; the entry whose {@code path} is the data file's name gives its
 * {@code md5}. DVC 3 marks such entries {@code hash: md5} and hashes the bytes as they are. Entries without
 * {@code hash} were written by DVC 2, which hashed text files after turning CRLF line ends into LF (DVC's
 * {@code md5-dos2unix}, kept by DVC 3 for those files): a file is text when its first 512 bytes hold no NUL byte and at
 * most 30% bytes outside printable ASCII and {@code \n \r \t \f \b}, and the conversion is applied to each 1 MiB chunk.
 * Both are computed here exactly as {@code dvc-data} does, so a pointer written by either version matches an unchanged
 * file.
 *
 * <pre>{@code
 * outs:
 * - md5: 3cbd53ba6c9f2f6e8d4fd7c3e5b6a1f0
 *   size: 1234
 *   hash: md5
 *   path: iris-test.csv
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DvcPointer {

    /** The file-name ending of DVC pointer files. */
    public static final String SUFFIX = ".dvc";

    private static final int CHUNK = 1 << 20;
    private static final int TEXT_PROBE = 512;

    private final String location;
    private final String path;
    private final String md5;
    private final boolean dos2unix;

    private DvcPointer(String location, String path, String md5, boolean dos2unix) {
        this.location = location;
        this.path = path;
        this.md5 = md5;
        this.dos2unix = dos2unix;
    }

    /**
     * What was checked: the pointer file, the MD5 it records (which the local copy has), and how it was computed.
     *
     * @param pointer the pointer file's location, e.g. {@code src/test/resources/iris-test.csv.dvc}
     * @param md5 the lower-case hex MD5 recorded by the pointer and found in the data file
     * @param hashName DVC's name for the hash: {@code md5} (DVC 3) or {@code md5-dos2unix} (DVC 2)
     */
    public record Verified(String pointer, String md5, String hashName) {
        public Verified {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(md5, "md5");
            Objects.requireNonNull(hashName, "hashName");
        }
    }

    /**
     * Checks a data file against the DVC pointer beside it, if there is one. This is the hook for data loading: call
     * it before reading the data.
     *
     * @return what was verified, or empty when the file has no pointer beside it
     * @throws DataException when the local copy is stale (its MD5 differs from the pointer's), or the pointer is
     *     malformed or does not list the file
     */
    public static Optional<Verified> check(Resource data) {
        return beside(data).map(pointer -> pointer.verify(data));
    }

    /**
     * Reads the pointer file beside a data file ({@code <data location>.dvc}), if there is one.
     *
     * @throws DataException naming the pointer when it is not YAML, has no {@code outs} entry for the file, or that
     *     entry has no {@code md5}
     */
    public static Optional<DvcPointer> beside(Resource data) {
        String pointerLocation = data.location() + SUFFIX;
        Resource pointer;
        try {
            pointer = Resource.resolve(pointerLocation, why -> new NoPointer());
        } catch (NoPointer e) {
            return Optional.empty();
        }
        return Optional.of(parse(pointer, data.fileName()));
    }

    /** The signal that no pointer file exists; never escapes this class. */
    private static final class NoPointer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoPointer() {
            super(null, null, false, false);
        }
    }

    private static DvcPointer parse(Resource pointer, String dataName) {
        Object root;
        LoadSettings settings = YamlLimits.settings(pointer.location()).build();
        try {
            try (InputStream in = pointer.open()) {
                Optional<String> deep = YamlLimits.tooDeep(new Parse(settings).parseInputStream(in));
                if (deep.isPresent()) {
                    throw new DataException("DVC pointer '" + pointer.location() + "' is refused: " + deep.get());
                }
            }
            // snakeyaml-engine builds only maps, lists and scalars (YAML 1.2 core schema), never objects named in the
            // file.
            try (InputStream in = pointer.open()) {
                root = new Load(settings).loadFromInputStream(in);
            }
        } catch (IOException e) {
            throw new DataException("cannot read DVC pointer '" + pointer.location() + "': " + e.getMessage(), e);
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            // snakeyaml-engine's YamlEngineException, or any other failure of the parser on a malformed file.
            throw new DataException(
                    "DVC pointer '" + pointer.location() + "' is not valid YAML: " + Echo.text(e.getMessage()), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("outs") instanceof List<?> outs)) {
            throw new DataException("DVC pointer '" + pointer.location() + "' has no 'outs' list, so it records no"
                    + " MD5 for " + dataName);
        }
        List<String> paths = new ArrayList<>();
        for (Object out : outs) {
            if (!(out instanceof Map<?, ?> entry)) {
                continue;
            }
            if (!(entry.get("path") instanceof String path)) {
                // A list or mapping (built from aliases, it can print as gigabytes) is no path: say what it is.
                Object value = entry.get("path");
                paths.add(
                        value instanceof List<?>
                                ? "a list, not a path"
                                : value instanceof Map<?, ?> ? "a mapping, not a path" : Echo.of(value));
                continue;
            }
            paths.add(Echo.text(path));
            if (!path.equals(dataName) && !path.equals("./" + dataName)) {
                continue;
            }
            Object md5 = entry.get("md5");
            if (!(md5 instanceof String hex) || !hex.matches("[0-9a-fA-F]{32}")) {
                throw new DataException("DVC pointer '" + pointer.location() + "' records no MD5 for " + dataName
                        + " (its entry has md5: " + Echo.of(md5) + ")");
            }
            boolean dos2unix = !"md5".equals(entry.get("hash"));
            return new DvcPointer(pointer.location(), path, hex.toLowerCase(java.util.Locale.ROOT), dos2unix);
        }
        throw new DataException("DVC pointer '" + pointer.location() + "' does not list " + dataName + "; it lists "
                + (paths.isEmpty() ? "no paths" : Echo.text(String.join(", ", paths))));
    }

    /** Returns the pointer file's location. */
    public String location() {
        return location;
    }

    /** Returns the data file's path as the pointer records it. */
    public String path() {
        return path;
    }

    /** Returns the recorded MD5, lower-case hex. */
    public String md5() {
        return md5;
    }

    /** Returns DVC's name for how the MD5 is computed: {@code md5} (DVC 3) or {@code md5-dos2unix} (DVC 2). */
    public String hashName() {
        return dos2unix ? "md5-dos2unix" : "md5";
    }

    /**
     * Computes the data file's MD5 the way DVC does for this pointer and compares it with the recorded one.
     *
     * @throws DataException "the local copy of X is stale: its MD5 is A but X.dvc records B (run `dvc pull`)"
     */
    public Verified verify(Resource data) {
        String actual;
        try (InputStream in = data.open()) {
            actual = md5(in, dos2unix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + data.location(), e);
        }
        if (!actual.equals(md5)) {
            throw new DataException("the local copy of " + data.location() + " is stale: its MD5 is " + actual + " but "
                    + location + " records " + md5 + " (run `dvc pull`)");
        }
        return new Verified(location, md5, hashName());
    }

    /**
     * Returns the lower-case hex MD5 of a stream as DVC computes it: of the bytes as they are, or (DVC 2's
     * {@code md5-dos2unix}) with CRLF turned into LF in each 1 MiB chunk when the first chunk looks like text.
     */
    static String md5(InputStream in, boolean dos2unix) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
        byte[] chunk = new byte[CHUNK];
        Boolean text = dos2unix ? null : Boolean.FALSE;
        int read;
        while ((read = in.readNBytes(chunk, 0, CHUNK)) > 0) {
            if (text == null) {
                text = isText(chunk, Math.min(read, TEXT_PROBE));
            }
            if (text) {
                update(digest, chunk, read);
            } else {
                digest.update(chunk, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Feeds the chunk to the digest with every CR that is directly followed by LF (within the chunk) left out. */
    private static void update(MessageDigest digest, byte[] chunk, int length) {
        int start = 0;
        for (int i = 0; i < length - 1; i++) {
            if (chunk[i] == '\r' && chunk[i + 1] == '\n') {
                digest.update(chunk, start, i - start);
                start = i + 1;
            }
        }
        digest.update(chunk, start, length - start);
    }

    /** DVC's {@code istextblock}: no NUL byte, and at most 30% of the bytes outside printable ASCII and \n\r\t\f\b. */
    static boolean isText(byte[] block, int length) {
        if (length == 0) {
            return true;
        }
        int nonText = 0;
        for (int i = 0; i < length; i++) {
            int b = block[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            boolean printable = b >= 32 && b < 127;
            boolean control = b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == '\b';
            if (!printable && !control) {
                nonText++;
            }
        }
        return (double) nonText / length <= 0.30;
    }

    @Override
    public String toString() {
        return location + " (" + hashName() + " " + md5 + " for " + path + ")";
    }
}
