package dev.modeltest.subject;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.Resource;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.error.ModelException;
import dev.modeltest.error.ModelTestException;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelLoaders;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Predictor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The model test's shared state: the data, the model and the predictions, each computed at most once, on first use,
 * and then read by every check.
 *
 * <p>Safe to use from several threads. A step that fails keeps failing with the same error for every check that
 * needs it, without being retried.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Subject implements AutoCloseable {

    private final SubjectSpec spec;
    private final Lazy<TestData> data;
    private final Lazy<Optional<Model>> model;
    private final Lazy<Features> features;
    private final Lazy<Predictions> predictions;
    private final Map<String, Long> stepNanos = new LinkedHashMap<>();
    private final Progress.Factory progress;
    private volatile String modelSha256 = "";
    private volatile Sampling.Drawn drawn;

    private Subject(SubjectSpec spec, Progress.Factory progress) {
        this.spec = spec;
        this.progress = progress;
        this.data = new Lazy<>(() -> timed("load data", "loading data " + spec.data(), -1, p -> loadData()));
        this.model =
                new Lazy<>(() -> timed("load model", "loading " + spec.model().describe(), -1, p -> loadModel()));
        this.features = new Lazy<>(this::selectFeatures);
        this.predictions = new Lazy<>(this::computePredictions);
    }

    /**
     * Creates the subject of a spec; nothing is loaded until asked for. A step that takes more than a few seconds
     * prints its progress on {@code System.err}.
     */
    public static Subject of(SubjectSpec spec) {
        return new Subject(spec, Progress.Factory.console());
    }

    /** Creates the subject of a spec whose steps report their progress to {@code progress}. */
    static Subject of(SubjectSpec spec, Progress.Factory progress) {
        return new Subject(spec, progress);
    }

    /** Returns the configuration. */
    public SubjectSpec spec() {
        return spec;
    }

    /** Returns the test data, reading it on first use. */
    public TestData data() {
        return data.get();
    }

    /** Returns the model, loading it on first use; empty when the test evaluates predictions columns. */
    public Optional<Model> model() {
        return model.get();
    }

    /**
     * Returns the model, or fails with a configuration error when the test has only predictions columns.
     *
     * @param who the check that needs it, for the message, e.g. {@code @LatencyUnder on IrisTest.fast()}
     */
    public Model requireModel(String who) {
        return model().orElseThrow(() -> new ConfigurationException(who + " needs a model to call, but " + spec.origin()
                + " evaluates " + spec.model().describe() + "; give 'model' or 'provider' instead"));
    }

    /** Returns the model's input columns of the test data. */
    public Features features() {
        return features.get();
    }

    /** Returns the predictions on every row, computing them on first use (once per subject). */
    public Predictions predictions() {
        return predictions.get();
    }

    /** Returns the model file's SHA-256, or an empty string when the model does not come from a file. */
    public String modelSha256() {
        model();
        return modelSha256;
    }

    /**
     * Returns the sample the test evaluates, once the data was read; empty before, and when it evaluates every row.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    public Optional<Sampling.Drawn> sample() {
        return Optional.ofNullable(drawn);
    }

    /** Returns the time each step took so far (load data, load model, predict), in nanoseconds, in order. */
    public Map<String, Long> stepNanos() {
        synchronized (stepNanos) {
            return new LinkedHashMap<>(stepNanos);
        }
    }

    /**
     * Runs a step, timing it and showing its progress.
     *
     * @param what the step for the progress line, e.g. {@code predicting iris-test.csv}
     * @param rows the rows it will do, or -1 when it cannot count them
     */
    private <T> T timed(String step, String what, long rows, Function<Progress, T> work) {
        long start = System.nanoTime();
        T result;
        try (Progress shown = progress.start(what, rows)) {
            result = work.apply(shown);
            shown.finish();
        }
        synchronized (stepNanos) {
            stepNanos.put(step, System.nanoTime() - start);
        }
        return result;
    }

    private TestData loadData() {
        // The label and predictions name categories: in a text column, NA is a class, not a missing value.
        List<String> categories = new ArrayList<>(List.of(spec.label()));
        spec.predictionColumns().ifPresent(c -> categories.add(c.predictions()));
        TestData all = DataLoader.load(
                Resource.resolve(spec.data(), why -> new DataException(spec.origin() + ": data file " + why)),
                spec.missingValues().withCategoryColumns(categories));
        return sample(all);
    }

    /**
     * Draws the configured sample of the data, named for what it is in every message and report ({@code a sample of
     * 100 000 of the 10 000 000 rows of big.csv}); the data itself when every row is evaluated.
     */
    private TestData sample(TestData all) {
        Sampling sampling = spec.sampling();
        int n = all.rowCount();
        if (sampling.rows() >= n) {
            if (sampling.rows() > n && !sampling.atMost()) {
                throw new ConfigurationException(spec.origin() + ": sample = " + sampling.rows() + " is more than the "
                        + n + " rows of " + all.name() + "; remove sample or lower it");
            }
            return all;
        }
        int[] rows = switch (sampling.method()) {
            case UNIFORM -> RowSampler.uniform(n, sampling.rows(), sampling.seed());
            case STRATIFIED -> {
                all.requireColumn(spec.label(), "label");
                yield RowSampler.stratified(all.strings(spec.label()), sampling.rows(), sampling.seed());
            }
        };
        drawn = new Sampling.Drawn(rows.length, n, sampling.seed(), sampling.method());
        return all.rows(
                rows,
                "a sample of " + Progress.count(rows.length) + " of the " + Progress.count(n) + " rows of "
                        + all.name());
    }

    private Optional<Model> loadModel() {
        ModelSource source = spec.model();
        if (source instanceof ModelSource.File file) {
            Resource resource =
                    Resource.resolve(file.location(), why -> new ModelException(spec.origin() + ": model file " + why));
            Model loaded = ModelLoaders.load(resource);
            modelSha256 = resource.sha256();
            return Optional.of(loaded);
        }
        if (source instanceof ModelSource.Provider provider) {
            return Optional.of(fromProvider(provider.type()));
        }
        if (source instanceof ModelSource.Instance instance) {
            return Optional.of(instance.model());
        }
        return Optional.empty();
    }

    private Model fromProvider(Class<? extends ModelProvider> type) {
        ModelProvider provider;
        try {
            Constructor<? extends ModelProvider> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            provider = constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConfigurationException(
                    spec.origin() + ": provider " + type.getName() + " needs a no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new ModelException(
                    spec.origin() + ": provider " + type.getName() + " failed in its constructor: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ConfigurationException(
                    spec.origin() + ": cannot create provider " + type.getName() + ": " + e, e);
        }
        Model loaded;
        try {
            loaded = provider.load();
        } catch (ModelTestException e) {
            throw new ModelException(spec.origin() + ": provider " + type.getName() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ModelException(
                    spec.origin() + ": provider " + type.getName() + " failed to load the model: " + e, e);
        }
        if (loaded == null) {
            throw new ModelException(spec.origin() + ": provider " + type.getName() + " returned no model (null)");
        }
        return loaded;
    }

    private Features selectFeatures() {
        TestData testData = data();
        testData.requireColumn(spec.label(), "label");
        if (!spec.features().isEmpty()) {
            return Features.of(testData, spec.features());
        }
        Optional<Model> loaded = model();
        if (loaded.isPresent() && !loaded.get().requiredFeatures().isEmpty()) {
            List<String> required = loaded.get().requiredFeatures();
            List<String> missing = new ArrayList<>();
            for (String name : required) {
                if (!testData.hasColumn(name)) {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                throw new DataException("data set " + testData.name() + " lacks column(s) " + missing + " that "
                        + loaded.get().describe() + " expects; the model expects " + required + ", the data offers "
                        + testData.columnNames());
            }
            return Features.of(testData, required);
        }
        List<String> excluded = new ArrayList<>();
        excluded.add(spec.label());
        spec.weightColumn().ifPresent(excluded::add);
        spec.predictionColumns().ifPresent(c -> {
            excluded.add(c.predictions());
            excluded.addAll(c.scores());
        });
        List<String> selected = new ArrayList<>(testData.columnNames());
        selected.removeAll(excluded);
        return Features.of(testData, selected);
    }

    /** Loads the data and the model first, so that the "predict" step times the predictions alone. */
    private Predictions computePredictions() {
        TestData testData = data();
        Optional<ModelSource.Columns> columns = spec.predictionColumns();
        if (columns.isPresent()) {
            return weighted(
                    testData,
                    timed(
                            "predict",
                            "reading predictions of " + testData.name(),
                            -1,
                            p -> ColumnPredictions.read(spec, testData, columns.get())));
        }
        Model m = model().orElseThrow();
        Features inputs = features();
        return weighted(
                testData,
                timed(
                        "predict",
                        "predicting " + testData.name(),
                        testData.rowCount(),
                        p -> Predictor.predict(testData, spec.label(), inputs, m, p::advance)));
    }

    /** The predictions with the spec's sample weights, read from the (sampled) test data, when it names a column. */
    private Predictions weighted(TestData testData, Predictions predictions) {
        Optional<String> column = spec.weightColumn();
        if (column.isEmpty()) {
            return predictions;
        }
        testData.requireColumn(column.get(), "weight");
        double[] weights;
        try {
            weights = testData.doubles(column.get());
        } catch (DataException notNumbers) {
            throw new DataException(
                    "the weight column '" + column.get() + "' ('weights') must hold numbers ≥ 0, but "
                            + notNumbers.getMessage(),
                    notNumbers);
        }
        return predictions.wrapWeights(column.get(), weights);
    }

    /**
     * Closes the model, if one was loaded. Never waits for a load in progress (a stuck one, say, whose test timed out):
     * a model that finishes loading after this call is closed as soon as it is there.
     */
    @Override
    public void close() {
        model.closeWith(loaded -> loaded.ifPresent(Model::close));
    }

    /**
     * A value computed once; a failure of any kind (an {@link Error} such as {@link OutOfMemoryError} too) is
     * remembered and thrown again, so that every check sees the first cause rather than a half-initialized subject.
     *
     * <p>Two locks: {@code computing} is held for the whole computation, so concurrent readers wait for one result;
     * the outcome itself is guarded by {@code this}, held only briefly, so that {@link #closeWith} never waits behind a
     * computation.
     */
    private static final class Lazy<T> {
        private final Supplier<T> supplier;
        private final Object computing = new Object();
        private T value;
        private Throwable failure;
        private boolean done;
        private Consumer<? super T> closer;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            synchronized (this) {
                if (done) {
                    return outcome();
                }
            }
            synchronized (computing) {
                synchronized (this) {
                    if (done) {
                        return outcome();
                    }
                }
                T computed = null;
                Throwable thrown = null;
                try {
                    computed = supplier.get();
                } catch (Throwable t) { // remembered and rethrown below, whatever its type
                    thrown = t;
                }
                Consumer<? super T> lateCloser;
                synchronized (this) {
                    value = computed;
                    failure = thrown;
                    done = true;
                    lateCloser = closer;
                }
                if (lateCloser != null && computed != null) {
                    lateCloser.accept(computed);
                }
                synchronized (this) {
                    return outcome();
                }
            }
        }

        /** Must hold {@code this}. */
        private T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new ModelException(failure.toString(), failure);
            }
            return value;
        }

        /** Passes the value to {@code closer} now if it is there, or when its computation ends; never waits. */
        void closeWith(Consumer<? super T> closeAction) {
            T current;
            synchronized (this) {
                if (!done) {
                    closer = closeAction;
                    return;
                }
                current = value;
            }
            if (current != null) {
                closeAction.accept(current);
            }
        }
    }
}
