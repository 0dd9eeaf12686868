package dev.modeltest.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads XGBoost's Universal Binary JSON into a Jackson tree, checking every length against the bytes that are there.
 *
 * <p>Written by hand because no maintained Java library reads UBJSON, and because it must be stricter than XGBoost's
 * own reader: XGBoost trusts the lengths in the file, so a truncated {@code .ubj} file makes its native code read
 * past the buffer and crash the JVM. modeltest parses the file here first and hands it to XGBoost only when it is
 * well-formed. It reads the subset XGBoost writes (src/common/json.cc, {@code UBJWriter}): objects whose keys are
 * {@code L}-sized strings, arrays with or without a count, typed arrays ({@code [$<type>#L<count>}), strings, the
 * integer types, {@code float32}, booleans and null. Numbers are big-endian.
 */
final class UbjReader {

    /** XGBoost models nest about six levels deep; the limit only stops a file from exhausting the stack. */
    static final int MAX_DEPTH = 64;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ByteBuffer in;

    private UbjReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    }

    /**
     * Parses one value that must fill the whole input.
     *
     * @throws MalformedModelException saying what is wrong and at which byte
     */
    static JsonNode read(byte[] bytes) {
        UbjReader reader = new UbjReader(bytes);
        JsonNode value = reader.value(0);
        if (reader.in.hasRemaining()) {
            throw reader.error(reader.in.remaining() + " unexpected byte(s) after the end of the model");
        }
        return value;
    }

    private JsonNode value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("values nested deeper than " + MAX_DEPTH + " levels");
        }
        byte marker = next("a value");
        return switch (marker) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case 'Z' -> NODES.nullNode();
            case 'T' -> NODES.booleanNode(true);
            case 'F' -> NODES.booleanNode(false);
            case 'S' -> NODES.textNode(string());
            case 'i' -> NODES.numberNode(take(1, "an int8").get());
            case 'U' -> NODES.numberNode(take(1, "a uint8").get() & 0xFF);
            case 'C' -> NODES.numberNode(take(1, "a char").get());
            case 'I' -> NODES.numberNode(take(2, "an int16").getShort());
            case 'l' -> NODES.numberNode(take(4, "an int32").getInt());
            case 'L' -> NODES.numberNode(take(8, "an int64").getLong());
            case 'd' -> NODES.numberNode(take(4, "a float32").getFloat());
            case 'D' -> NODES.numberNode(take(8, "a float64").getDouble());
            default -> throw unknown(marker, "a value");
        };
    }

    private ObjectNode object(int depth) {
        ObjectNode object = NODES.objectNode();
        while (peek("a key or '}'") != '}') {
            int at = in.position();
            String key = string();
            if (object.has(key)) {
                throw error(at, "the key \"" + key + "\" appears twice in one object");
            }
            object.set(key, value(depth + 1));
        }
        in.get();
        return object;
    }

    private ArrayNode array(int depth) {
        ArrayNode array = NODES.arrayNode();
        byte marker = peek("an array element or ']'");
        if (marker == '$') {
            in.get();
            byte type = next("the type of a typed array");
            int size = switch (type) {
                case 'i', 'U' -> 1;
                case 'l', 'd' -> 4;
                case 'L', 'D' -> 8;
                default -> throw unknown(type, "the type of a typed array");
            };
            int count = count(size);
            ByteBuffer values = take(count * size, "the elements of a typed array");
            for (int i = 0; i < count; i++) {
                switch (type) {
                    case 'i' -> array.add(values.get());
                    case 'U' -> array.add(values.get() & 0xFF);
                    case 'l' -> array.add(values.getInt());
                    case 'd' -> array.add(values.getFloat());
                    case 'L' -> array.add(values.getLong());
                    default -> array.add(values.getDouble());
                }
            }
            return array;
        }
        if (marker == '#') {
            // Each element takes at least one byte: a count beyond the bytes left is a lie, not a big array.
            int count = count(1);
            for (int i = 0; i < count; i++) {
                array.add(value(depth + 1));
            }
            return array;
        }
        while (peek("an array element or ']'") != ']') {
            array.add(value(depth + 1));
        }
        in.get();
        return array;
    }

    /** Reads {@code #L<int64>} and checks that that many elements of {@code size} bytes can follow. */
    private int count(int size) {
        int at = in.position();
        if (next("'#' before an array length") != '#') {
            throw error(at, "expected '#' before an array length");
        }
        long count = length("an array length");
        if (count > in.remaining() / size) {
            throw error(
                    at,
                    "an array of " + count + " element(s) does not fit in the " + in.remaining()
                            + " byte(s) left: the file is truncated or corrupt");
        }
        return (int) count;
    }

    /** Reads an {@code L}-sized UTF-8 string, the only kind of string XGBoost writes. */
    private String string() {
        int at = in.position();
        long length = length("a string length");
        if (length > in.remaining()) {
            throw error(
                    at,
                    "a string of " + length + " byte(s) does not fit in the " + in.remaining()
                            + " byte(s) left: the file is truncated or corrupt");
        }
        ByteBuffer bytes = take((int) length, "a string");
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw error(at, "a string that is not valid UTF-8");
        }
    }

    private long length(String what) {
        int at = in.position();
        if (next(what) != 'L') {
            throw error(at, "expected 'L' before " + what);
        }
        long length = take(8, what).getLong();
        if (length < 0) {
            throw error(at, "negative " + what + " " + length);
        }
        return length;
    }

    private byte next(String what) {
        if (!in.hasRemaining()) {
            throw error("the file ends where " + what + " should be: it is truncated");
        }
        return in.get();
    }

    private byte peek(String what) {
        if (!in.hasRemaining()) {
            throw error("the file ends where " + what + " should be: it is truncated");
        }
        return in.get(in.position());
    }

    /** Returns the next {@code n} bytes as a big-endian view and moves past them. */
    private ByteBuffer take(int n, String what) {
        if (in.remaining() < n) {
            throw error("the file ends in the middle of " + what + ": it is truncated");
        }
        ByteBuffer slice = in.slice(in.position(), n).order(ByteOrder.BIG_ENDIAN);
        in.position(in.position() + n);
        return slice;
    }

    private MalformedModelException unknown(byte marker, String what) {
        int at = in.position() - 1;
        String shown = marker >= 0x20 && marker < 0x7F ? "'" + (char) marker + "'" : String.format("0x%02X", marker);
        return error(at, "unknown marker " + shown + " where " + what + " should be");
    }

    private MalformedModelException error(String message) {
        return error(in.position(), message);
    }

    private static MalformedModelException error(int at, String message) {
        return new MalformedModelException("invalid UBJSON at byte " + at + ": " + message);
    }
}
