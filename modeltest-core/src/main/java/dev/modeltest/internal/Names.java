package dev.modeltest.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the nearest known name for a misspelt one ("did you mean 'species'?"). */
public final class Names {

    private Names() {}

    /**
     * Returns the candidate nearest to {@code name} by edit distance, ignoring case, when it is close enough to be a
     * plausible typo: at most a third of the longer name's length, and at least one edit.
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.max(name.length(), best.length()) / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Formats " (did you mean 'x'?)" or an empty string, for appending to a "not found" message. */
    public static String didYouMean(String name, Collection<String> candidates) {
        return nearest(name, candidates)
                .map(n -> " (did you mean '" + n + "'?)")
                .orElse("");
    }

    // Levenshtein distance with two rows; names are short, so a library dependency is not worth it.
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
