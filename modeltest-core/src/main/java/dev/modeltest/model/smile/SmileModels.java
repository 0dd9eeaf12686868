package dev.modeltest.model.smile;

import dev.modeltest.error.DataException;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.InputColumns;
import dev.modeltest.model.Model;
import dev.modeltest.model.Output;
import dev.modeltest.model.Row;
import dev.modeltest.model.Task;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import smile.base.cart.CART;
import smile.classification.Classifier;
import smile.classification.DataFrameClassifier;
import smile.data.Tuple;
import smile.data.measure.CategoricalMeasure;
import smile.data.measure.Measure;
import smile.data.type.DataType;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.regression.DataFrameRegression;
import smile.regression.Regression;

/** Adapts deserialized Smile models to {@link Model}. Only loaded when Smile is on the class path. */
final class SmileModels {

    private SmileModels() {}

    @SuppressWarnings("unchecked")
    static Model wrap(Object object, String location) {
        if (object instanceof DataFrameClassifier classifier) {
            return new TupleClassifier(classifier);
        }
        if (object instanceof DataFrameRegression regression) {
            return new TupleRegressor(regression);
        }
        if (object instanceof Classifier<?> classifier) {
            return new ArrayClassifier((Classifier<double[]>) classifier);
        }
        if (object instanceof Regression<?> regression) {
            return new ArrayRegressor((Regression<double[]>) regression);
        }
        throw new ModelException("model file '" + location + "' holds a "
                + (object == null ? "null" : object.getClass().getName())
                + ", which is not a Smile classifier or regressor");
    }

    /** Returns the class names of a classifier: the response's levels when it was trained on a nominal label. */
    static List<String> classNames(Classifier<?> classifier) {
        int[] labels = classifier.classes();
        CategoricalMeasure levels = responseLevels(classifier);
        List<String> names = new ArrayList<>(labels.length);
        for (int label : labels) {
            names.add(levels != null ? levels.level(label) : Integer.toString(label));
        }
        return names;
    }

    // Smile keeps the response's nominal scale only in the protected field CART.response of each tree; no public
    // accessor exposes it, so it is read reflectively and we fall back to the numeric labels when that fails.
    private static CategoricalMeasure responseLevels(Classifier<?> classifier) {
        CART tree = firstTree(classifier);
        if (tree == null) {
            return null;
        }
        try {
            Field field = CART.class.getDeclaredField("response");
            field.setAccessible(true);
            Object response = field.get(tree);
            if (response instanceof StructField structField
                    && structField.measure instanceof CategoricalMeasure measure) {
                return measure;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static CART firstTree(Classifier<?> classifier) {
        if (classifier instanceof CART cart) {
            return cart;
        }
        if (classifier instanceof smile.classification.RandomForest forest && forest.trees().length > 0) {
            return forest.trees()[0];
        }
        if (classifier instanceof smile.classification.AdaBoost boost && boost.trees().length > 0) {
            return boost.trees()[0];
        }
        return null;
    }

    static String simpleName(Object model) {
        return "Smile " + model.getClass().getSimpleName();
    }

    /** Builds Smile tuples on the model's own schema instance (sharing it keeps Smile's formula binding stable). */
    private static final class TupleFactory {
        private final StructType schema;
        private final StructField[] fields;
        private final List<String> names;
        private final InputColumns.ByName inputs;
        private final boolean allDouble;

        TupleFactory(StructType schema) {
            this.schema = schema;
            this.fields = schema.fields();
            // Built once: every batch's columns are matched against it by name.
            this.names = List.of(schema.names());
            this.inputs = new InputColumns.ByName(names);
            this.allDouble = Arrays.stream(fields)
                    .allMatch(f -> f.type.id() == DataType.ID.Double && !(f.measure instanceof CategoricalMeasure));
        }

        List<String> names() {
            return names;
        }

        /** Returns, for each schema field, the index of the batch feature that feeds it (see InputColumns.ByName). */
        int[] mapping(List<String> featureNames, Supplier<String> model) {
            return inputs.map(model, featureNames);
        }

        Tuple tuple(Row row, int[] map) {
            if (allDouble) {
                double[] values = new double[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    values[i] = row.getDouble(map[i]);
                }
                return Tuple.of(values, schema);
            }
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = value(fields[i], row, map[i]);
            }
            return Tuple.of(values, schema);
        }

        private static Object value(StructField field, Row row, int i) {
            Measure measure = field.measure;
            if (measure instanceof CategoricalMeasure categorical) {
                String text = row.getString(i);
                if (text == null) {
                    return null;
                }
                Number code = categorical.valueOf(text);
                if (code == null) {
                    throw new DataException(
                            "row " + (row.index() + 1) + ", column '" + field.name + "' has value '" + text
                                    + "', which is not one of the levels the model was trained on: "
                                    + Arrays.toString(categorical.levels()));
                }
                return convert(field, code.doubleValue());
            }
            if (field.type.id() == DataType.ID.String) {
                return row.getString(i);
            }
            if (field.type.id() == DataType.ID.Boolean) {
                String text = row.getString(i);
                return text == null ? null : Boolean.parseBoolean(text);
            }
            double value = row.getDouble(i);
            if (Double.isNaN(value) && field.type.id() != DataType.ID.Double && field.type.id() != DataType.ID.Float) {
                // A cast would turn the gap into 0 and predict on a value nobody wrote.
                throw new DataException("row " + (row.index() + 1) + ", column '" + field.name
                        + "' is missing, but the model reads it as " + field.type + ", which has no missing value");
            }
            return convert(field, value);
        }

        private static Object convert(StructField field, double v) {
            return switch (field.type.id()) {
                case Integer -> (int) v;
                case Long -> (long) v;
                case Short -> (short) v;
                case Byte -> (byte) v;
                case Float -> (float) v;
                default -> v;
            };
        }
    }

    private abstract static class SmileModel implements Model {
        private final Object model;

        SmileModel(Object model) {
            this.model = model;
        }

        @Override
        public String describe() {
            return simpleName(model);
        }
    }

    private abstract static class SmileClassifier extends SmileModel {
        private final Classifier<?> classifier;
        private final List<String> classes;
        private final int[] labels;
        private final boolean soft;

        SmileClassifier(Classifier<?> classifier) {
            super(classifier);
            this.classifier = classifier;
            this.classes = classNames(classifier);
            this.labels = classifier.classes();
            this.soft = classifier.soft();
        }

        @Override
        public Task task() {
            return Task.CLASSIFICATION;
        }

        @Override
        public List<String> classes() {
            return classes;
        }

        @Override
        public boolean hasProbabilities() {
            return soft;
        }

        /** Maps a label Smile returned to its index in {@link #classes()}. */
        int indexOf(int label) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    return i;
                }
            }
            throw new ModelException(describe() + " predicted label " + label + ", which is not among its classes "
                    + Arrays.toString(labels));
        }

        @Override
        public String describe() {
            return super.describe() + " (" + classes.size() + " classes)";
        }

        int numClasses() {
            return classifier.numClasses();
        }
    }

    private static final class TupleClassifier extends SmileClassifier {
        private final DataFrameClassifier model;
        private final TupleFactory tuples;
        private volatile boolean bound;

        TupleClassifier(DataFrameClassifier model) {
            super(model);
            this.model = model;
            this.tuples = new TupleFactory(model.schema());
        }

        @Override
        public List<String> requiredFeatures() {
            return tuples.names();
        }

        @Override
        public void predict(Batch batch, Output out) {
            int[] map = tuples.mapping(batch.featureNames(), this::describe);
            int start = 0;
            if (!bound && batch.size() > 0) {
                // The first prediction binds the formula to the schema; do it on one thread.
                synchronized (this) {
                    predictRow(batch, map, 0, out, new double[numClasses()]);
                    bound = true;
                }
                start = 1;
            }
            double[] posteriori = new double[numClasses()];
            for (int i = start; i < batch.size(); i++) {
                predictRow(batch, map, i, out, posteriori);
            }
        }

        private void predictRow(Batch batch, int[] map, int i, Output out, double[] posteriori) {
            Tuple tuple = tuples.tuple(batch.row(i), map);
            if (hasProbabilities()) {
                int label = model.predict(tuple, posteriori);
                out.setClass(i, indexOf(label));
                out.setProbabilities(i, posteriori);
            } else {
                out.setClass(i, indexOf(model.predict(tuple)));
            }
        }
    }

    private static final class ArrayClassifier extends SmileClassifier {
        private final Classifier<double[]> model;

        ArrayClassifier(Classifier<double[]> model) {
            super(model);
            this.model = model;
        }

        @Override
        public void predict(Batch batch, Output out) {
            double[] posteriori = new double[numClasses()];
            for (int i = 0; i < batch.size(); i++) {
                double[] x = batch.row(i).toDoubleArray();
                if (hasProbabilities()) {
                    out.setClass(i, indexOf(model.predict(x, posteriori)));
                    out.setProbabilities(i, posteriori);
                } else {
                    out.setClass(i, indexOf(model.predict(x)));
                }
            }
        }
    }

    private static final class TupleRegressor extends SmileModel {
        private final DataFrameRegression model;
        private final TupleFactory tuples;
        private volatile boolean bound;

        TupleRegressor(DataFrameRegression model) {
            super(model);
            this.model = model;
            this.tuples = new TupleFactory(model.schema());
        }

        @Override
        public Task task() {
            return Task.REGRESSION;
        }

        @Override
        public List<String> classes() {
            return List.of();
        }

        @Override
        public boolean hasProbabilities() {
            return false;
        }

        @Override
        public List<String> requiredFeatures() {
            return tuples.names();
        }

        @Override
        public void predict(Batch batch, Output out) {
            int[] map = tuples.mapping(batch.featureNames(), this::describe);
            int start = 0;
            if (!bound && batch.size() > 0) {
                synchronized (this) {
                    out.setValue(0, model.predict(tuples.tuple(batch.row(0), map)));
                    bound = true;
                }
                start = 1;
            }
            for (int i = start; i < batch.size(); i++) {
                out.setValue(i, model.predict(tuples.tuple(batch.row(i), map)));
            }
        }
    }

    private static final class ArrayRegressor extends SmileModel {
        private final Regression<double[]> model;

        ArrayRegressor(Regression<double[]> model) {
            super(model);
            this.model = model;
        }

        @Override
        public Task task() {
            return Task.REGRESSION;
        }

        @Override
        public List<String> classes() {
            return List.of();
        }

        @Override
        public boolean hasProbabilities() {
            return false;
        }

        @Override
        public void predict(Batch batch, Output out) {
            for (int i = 0; i < batch.size(); i++) {
                out.setValue(i, model.predict(batch.row(i).toDoubleArray()));
            }
        }
    }
}
