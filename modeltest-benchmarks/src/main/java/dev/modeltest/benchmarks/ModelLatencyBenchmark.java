package dev.modeltest.benchmarks;

import dev.modeltest.check.CheckResult;
import dev.modeltest.latency.Batches;
import dev.modeltest.latency.LatencyCheck;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.model.Outputs;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The latency of any model on any data, under JMH: the deep look behind a failing {@code @LatencyUnder}. It calls the
 * model exactly as the check does (same loader, same feature columns, the same rows cut into the same cycle of batches
 * by {@link Batches#cycle}, the same validating output), but with JMH's forks, warm-up iterations and
 * {@link Blackhole}, so that its figures can be compared with the check's, and profiled ({@code -prof gc},
 * {@code -prof stack}, {@code -prof perfasm}).
 *
 * <p>Point it at a model with JMH parameters ({@code -p name=value}): {@code model} (a model file, e.g. a Smile
 * {@code .ser}) or
 * {@code provider} (a {@code ModelProvider} class name on the class path), {@code data}, {@code label},
 * {@code features} (comma-separated; empty: every column but the label) and {@code batchSize}. Paths are relative to
 * the working directory. The defaults are the examples' iris random forest, from the repository root.
 *
 * <pre>
 * scripts/bench/run_model_latency.sh                           # iris RF: JMH and the in-test check, side by side
 * scripts/bench/run_model_latency.sh -p model=my.ser -p data=my.csv -p label=y -p batchSize=32
 * </pre>
 *
 * <p>Its {@link #main} runs the in-test measurement instead (the {@code @LatencyUnder} check, in this JVM), with
 * {@code key=value} arguments of the same names plus the check's own ({@code millis}, {@code percentile},
 * {@code warmup}, {@code maxWarmupMillis}, {@code samples}, {@code confidence}, {@code maxRounds}); it prints the check's
 * message and a last line of {@code key=value} figures, and exits 0 on PASS, 1 on FAIL and 2 on INCONCLUSIVE.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ModelLatencyBenchmark {

    /** A model file; ignored when {@code provider} is set. */
    @Param("modeltest-examples/models/iris-rf.ser")
    public String model;

    /** A {@code ModelProvider} class name, instead of a model file. */
    @Param("")
    public String provider;

    /** The data file. */
    @Param("modeltest-examples/src/test/resources/iris-test.csv")
    public String data;

    /** The label column, left out of the features. */
    @Param("species")
    public String label;

    /** The feature columns, comma-separated; empty means every column but the label. */
    @Param("")
    public String features;

    /** Rows per call. */
    @Param("1")
    public int batchSize;

    private Subject subject;
    private Model loaded;
    private Batch[] batches;
    private Outputs.Discarding out;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        subject = Subject.of(spec(settings(
                Map.of("model", model, "provider", provider, "data", data, "label", label, "features", features))));
        loaded = subject.requireModel("ModelLatencyBenchmark");
        batches = Batches.cycle(subject.features(), batchSize, Batches.MAX_PREBUILT_BATCHES);
        out = Outputs.discarding(loaded, batchSize);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subject.close();
    }

    /** One call of the model on the next batch of the cycle, as one {@code @LatencyUnder} sample. */
    @Benchmark
    public void predict(Blackhole blackhole) {
        Batch batch = batches[next];
        next = next + 1 == batches.length ? 0 : next + 1;
        out.clear();
        loaded.predict(batch, out);
        blackhole.consume(out.fingerprint());
    }

    /**
     * Runs the in-test measurement ({@code @LatencyUnder}'s check) on the same model and data, in this JVM.
     *
     * @param args {@code key=value} settings, see the class comment
     */
    public static void main(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value, was " + arg);
            }
            given.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Map<String, String> s = settings(given);
        LatencyCheck check = LatencyCheck.builder("ModelLatencyBenchmark", Double.parseDouble(s.get("millis")))
                .percentile(Double.parseDouble(s.get("percentile")))
                .warmup(Integer.parseInt(s.get("warmup")))
                .maxWarmupMillis(Integer.parseInt(s.get("maxWarmupMillis")))
                .samples(Integer.parseInt(s.get("samples")))
                .batchSize(Integer.parseInt(s.get("batchSize")))
                .confidence(Double.parseDouble(s.get("confidence")))
                .maxRounds(Integer.parseInt(s.get("maxRounds")))
                .build();
        CheckResult result;
        try (Subject subject = Subject.of(spec(s))) {
            result = check.run(subject);
        }
        System.out.println(result.verdict() + "\n" + result.message());
        Map<String, Object> d = result.details();
        System.out.println(String.format(
                Locale.ROOT,
                "verdict=%s p50Millis=%s p90Millis=%s p99Millis=%s p999Millis=%s maxMillis=%s meanMillis=%s"
                        + " rounds=%s warmupCalls=%s warmupMillis=%s callsPerSample=%s",
                result.verdict(),
                d.get("p50Millis"),
                d.get("p90Millis"),
                d.get("p99Millis"),
                d.get("p999Millis"),
                d.get("maxMillis"),
                d.get("meanMillis"),
                d.get("rounds"),
                d.get("warmupCalls"),
                d.get("warmupMillis"),
                d.get("callsPerSample")));
        System.exit(
                switch (result.verdict()) {
                    case PASS -> 0;
                    case FAIL -> 1;
                    case INCONCLUSIVE -> 2;
                });
    }

    /** Returns the settings: the given ones, else the defaults (the JMH parameters' and {@code @LatencyUnder}'s). */
    static Map<String, String> settings(Map<String, String> given) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("model", "modeltest-examples/models/iris-rf.ser");
        defaults.put("provider", "");
        defaults.put("data", "modeltest-examples/src/test/resources/iris-test.csv");
        defaults.put("label", "species");
        defaults.put("features", "");
        defaults.put("batchSize", "1");
        defaults.put("millis", "1000");
        defaults.put("percentile", Double.toString(LatencyCheck.DEFAULT_PERCENTILE));
        defaults.put("warmup", Integer.toString(LatencyCheck.DEFAULT_WARMUP));
        defaults.put("maxWarmupMillis", Integer.toString(LatencyCheck.DEFAULT_MAX_WARMUP_MILLIS));
        defaults.put("samples", Integer.toString(LatencyCheck.DEFAULT_SAMPLES));
        defaults.put("confidence", Double.toString(LatencyCheck.DEFAULT_CONFIDENCE));
        defaults.put("maxRounds", Integer.toString(LatencyCheck.DEFAULT_MAX_ROUNDS));
        for (String key : given.keySet()) {
            if (!defaults.containsKey(key)) {
                throw new IllegalArgumentException("unknown setting " + key + "; known: " + defaults.keySet());
            }
        }
        Map<String, String> settings = new LinkedHashMap<>(defaults);
        settings.putAll(given);
        return settings;
    }

    @SuppressWarnings("unchecked")
    static SubjectSpec spec(Map<String, String> s) {
        ModelSource source;
        if (!s.get("provider").isEmpty()) {
            try {
                source = new ModelSource.Provider((Class<? extends ModelProvider>)
                        Class.forName(s.get("provider")).asSubclass(ModelProvider.class));
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(
                        "provider class " + s.get("provider") + " is not on the class path", e);
            }
        } else {
            source = new ModelSource.File(s.get("model"));
        }
        List<String> features = s.get("features").isEmpty()
                ? List.of()
                : Arrays.stream(s.get("features").split(",")).map(String::trim).toList();
        return new SubjectSpec("ModelLatencyBenchmark", s.get("data"), s.get("label"), source, features, null);
    }
}
