package dev.modeltest.junit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns modeltest's keys into valid MLflow keys, the same way every run. MLflow accepts letters, digits, underscores,
 * dashes, periods, spaces and slashes in a metric, param or tag key, at most {@value #MAX_KEY_LENGTH} characters, and
 * no key that a path normalisation would change; modeltest's check keys hold {@code :} ({@code
 * f1.metric-at-least:f1}), {@code =} ({@code f_beta:beta=2}), {@code #} (a second check with one key) and column names.
 *
 * <p>The rule: every character other than an ASCII letter, digit, {@code _}, {@code -}, {@code .} or space becomes
 * {@code _} (so slashes too: a key never reads as a path); a leading {@code .} becomes {@code _}; a key longer than
 * {@value #MAX_KEY_LENGTH} characters keeps its first {@value #KEPT} and ends with {@code -} and the first 8 hex digits
 * of the original key's SHA-256. Two original keys that become the same key are told apart by {@code _2},
 * {@code _3}... in the order of the original keys (sorted), so the result does not depend on the order checks ended.
 */
final class MlflowKeys {

    /** MLflow's limit on a key's length. */
    static final int MAX_KEY_LENGTH = 250;

    private static final int HASH_DIGITS = 8;
    private static final int KEPT = MAX_KEY_LENGTH - HASH_DIGITS - 1;
    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9_.\\- ]");

    private MlflowKeys() {}

    /** Returns a valid MLflow key for a key; see the class's rule. */
    static String valid(String key) {
        String valid = INVALID.matcher(key).replaceAll("_");
        if (valid.isEmpty()) {
            valid = "_";
        }
        if (valid.startsWith(".")) {
            valid = "_" + valid.substring(1);
        }
        return fit(valid, key);
    }

    /**
     * Returns the entries under valid keys, one for each original key, in the order of the original keys.
     *
     * @param entries the entries by original key
     */
    static <V> Map<String, V> valid(Map<String, V> entries) {
        Map<String, V> valid = new LinkedHashMap<>();
        for (Map.Entry<String, V> entry : new TreeMap<>(entries).entrySet()) {
            String key = valid(entry.getKey());
            String unique = key;
            for (int n = 2; valid.containsKey(unique); n++) {
                unique = fit(key + "_" + n, entry.getKey() + "\u0000" + n);
            }
            valid.put(unique, entry.getValue());
        }
        return valid;
    }

    private static String fit(String key, String original) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        return key.substring(0, KEPT) + "-" + sha256(original).substring(0, HASH_DIGITS);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
