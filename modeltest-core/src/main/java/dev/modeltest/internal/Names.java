package dev.modeltest.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** Suggests the nearest known name for a misspelt one ("did you mean 'species'?"). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Names {

    private Names() {}

    /**
     * Returns the candidate nearest to {@code name} by edit distance, ignoring case, when it is close enough to be a
     * plausible typo (at most a third of the longer name's length, and at least one edit), or else a candidate that
     * one name starts with the other.
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        if (name.length() > Echo.MAX_CHARS) {
            // No name is that long; comparing would take a matrix of its length for each candidate.
            return Optional.empty();
        }
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
        if (bestDistance <= allowed) {
            return Optional.of(best);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (c.length() > 1 && lower.length() > 1 && (c.startsWith(lower) || lower.startsWith(c))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Formats " (did you mean 'x'?)" or an empty string, for appending to a "not found" message. */
    public static String didYouMean(String name, Collection<String> candidates) {
        return nearest(name, candidates)
                .map(n -> " (did you mean '" + n + "'?)")
                .orElse("");
    }

    // Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, the commonest typo); names are
    // short, so a library dependency is not worth it.
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
