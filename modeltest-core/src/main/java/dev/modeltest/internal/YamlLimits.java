package dev.modeltest.internal;

import java.util.Optional;
import org.apiguardian.api.API;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.events.Event;

/**
 * The limits every YAML file modeltest reads is held to (schema files, {@code .dvc} pointers, MLflow {@code MLmodel}
 * files), so that a small crafted file can neither overflow the stack nor fill the heap.
 *
 * <p>Aliases and size are snakeyaml-engine's own settings. It has no setting for nesting (neither 2.10, used here, nor
 * 3.2), and its composer recurses once per level, so {@link #tooDeep} counts the levels on the parser's events, which
 * snakeyaml-engine produces without recursing, before anything is composed.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class YamlLimits {

    /**
     * The deepest nesting of mappings and lists accepted. Schema files nest four levels, {@code .dvc} and {@code
     * MLmodel} files three or four; snakeyaml-engine composes nodes recursively and overflows the stack near 20 000.
     */
    public static final int MAX_NESTING_DEPTH = 100;

    /** The most aliases to a mapping or list in one file (snakeyaml-engine's default, named here to be stated once). */
    public static final int MAX_ALIASES = 50;

    /** The most characters in one file: a schema of a thousand columns takes about 100 000. */
    public static final int MAX_CODE_POINTS = 1 << 20;

    private YamlLimits() {}

    /** Returns load settings holding the limits, for a file named {@code label} in the parser's messages. */
    public static LoadSettingsBuilder settings(String label) {
        return LoadSettings.builder()
                .setLabel(label)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS);
    }

    /**
     * Reads the file's events (from snakeyaml-engine's {@code Parse}, which keeps its own stack and does not recurse)
     * and says where it nests deeper than {@link #MAX_NESTING_DEPTH}, before a composer or constructor recurses that
     * deep. A file that is not valid YAML throws the parser's exception.
     *
     * @return the problem, e.g. "it nests mappings and lists more than 100 levels deep (line 101)", or empty
     */
    public static Optional<String> tooDeep(Iterable<Event> events) {
        int depth = 0;
        for (Event event : events) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    depth++;
                    if (depth > MAX_NESTING_DEPTH) {
                        String line = event.getStartMark()
                                .map(m -> " (line " + (m.getLine() + 1) + ")")
                                .orElse("");
                        return Optional.of(
                                "it nests mappings and lists more than " + MAX_NESTING_DEPTH + " levels deep" + line);
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {}
            }
        }
        return Optional.empty();
    }
}
