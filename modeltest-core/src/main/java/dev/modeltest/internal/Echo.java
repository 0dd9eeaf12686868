package dev.modeltest.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes a value read from a user's file into a message, capped: a crafted file can hold a string of millions of
 * characters, or lists that share their elements through YAML aliases so that printing them would fill the heap.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Echo {

    /** The most characters of a value a message echoes. */
    public static final int MAX_CHARS = 200;

    /** The most characters of a list of names (such as a file's columns) a message echoes. */
    public static final int MAX_LIST_CHARS = 2000;

    private Echo() {}

    /**
     * Returns the names joined with ", ", each cut as {@link #text}, the whole cut after about {@link #MAX_LIST_CHARS}
     * characters with the number of names given, e.g. {@code a, b, … (10000 names)}.
     */
    public static String names(java.util.List<String> names) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (out.length() > MAX_LIST_CHARS) {
                return out.append("… (").append(names.size()).append(" names)").toString();
            }
            out.append(i == 0 ? "" : ", ").append(text(names.get(i)));
        }
        return out.toString();
    }

    /**
     * Returns the value as text of at most about {@link #MAX_CHARS} characters: strings are cut with their length
     * given, maps and lists are written element by element until the budget is spent, never by their {@code toString}.
     */
    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS) + "…" : out.toString();
    }

    /** Returns the text cut to {@link #MAX_CHARS} characters, saying how long it was when cut. */
    public static String text(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return String.valueOf(text);
        }
        return text.substring(0, MAX_CHARS) + "… (" + text.length() + " characters)";
    }

    private static void write(Object value, StringBuilder out) {
        if (out.length() > MAX_CHARS) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext() && out.length() <= MAX_CHARS) {
                Map.Entry<?, ?> entry = entries.next();
                write(entry.getKey(), out);
                out.append('=');
                write(entry.getValue(), out);
                if (entries.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            Iterator<?> elements = collection.iterator();
            while (elements.hasNext() && out.length() <= MAX_CHARS) {
                write(elements.next(), out);
                if (elements.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else if (value instanceof CharSequence text) {
            out.append(text, 0, Math.min(text.length(), MAX_CHARS + 1 - Math.min(out.length(), MAX_CHARS)));
        } else if (value instanceof byte[] bytes) {
            out.append("<").append(bytes.length).append(" bytes>");
        } else {
            out.append(text(String.valueOf(value)));
        }
    }
}
