package dev.modeltest.schema;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes YAML scalars so that the schema reader reads back exactly the text written. */
final class YamlText {

    // Names and values that need no quotes: letters, digits, _ . - / and inner spaces, starting with a letter or _.
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*");

    // Plain words that YAML 1.2 (or a YAML 1.1 tool reading the file) would take for null or a boolean.
    private static final Set<String> RESERVED =
            Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf");

    private YamlText() {}

    /** Returns the text as a YAML scalar: plain when that is unambiguous, else quoted. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        boolean control = text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (!control) {
            return "'" + text.replace("'", "''") + "'";
        }
        // Single quotes cannot hold line breaks or other control characters; double quotes escape them.
        StringBuilder quoted = new StringBuilder("\"");
        text.chars().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format(Locale.ROOT, "\\x%02x", c));
                    } else {
                        quoted.append((char) c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
