package dev.modeltest.onnx;

import dev.modeltest.error.DataException;
import dev.modeltest.internal.Names;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Row;
import dev.modeltest.onnx.OnnxSignature.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the feature columns of a batch to a model's inputs, once per feature list, and checks that every input can take
 * its column, so that a mismatch between the model and the test's data fails before anything is predicted.
 */
final class OnnxColumns {

    private final OnnxSignature signature;
    private final Map<List<String>, int[]> bindings = new ConcurrentHashMap<>();

    OnnxColumns(OnnxSignature signature) {
        this.signature = signature;
    }

    /**
     * Returns which feature feeds each input.
     *
     * <p>Per-column models and single tensors with known column names: {@code columns[c]} is the feature feeding
     * input (or tensor column) {@code c}. A single tensor without names: the features in their configured order.
     *
     * @throws DataException naming the columns and the inputs when the batch's features do not fit the model
     */
    int[] bind(Batch batch) {
        List<String> features = batch.featureNames();
        int[] bound = bindings.get(features);
        if (bound != null) {
            return bound;
        }
        int[] columns;
        List<String> wanted = signature.requiredFeatures();
        Input single = signature.perColumn() ? null : signature.inputs().get(0);
        if (wanted.isEmpty() && single != null && single.width() == 1 && features.contains(single.name())) {
            wanted = List.of(single.name());
        }
        if (!wanted.isEmpty()) {
            List<String> missing = new ArrayList<>();
            columns = new int[wanted.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = features.indexOf(wanted.get(c));
                if (columns[c] < 0) {
                    missing.add(wanted.get(c) + Names.didYouMean(wanted.get(c), features));
                }
            }
            if (!missing.isEmpty()) {
                throw new DataException(signature.describe() + " expects input column(s) " + String.join(", ", missing)
                        + " that the test does not give it; the model expects " + signature.expects()
                        + ", the test gives " + features);
            }
        } else {
            long width = single.width();
            if (width >= 0 && width != features.size()) {
                throw new DataException(signature.describe() + " takes " + width + " feature(s) in its input "
                        + single.describe() + ", but the test gives it " + features.size() + ": " + features
                        + ". Name the model's columns, in training order, in @ModelTest(features = {...})");
            }
            columns = new int[features.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = c;
            }
        }
        checkTypes(batch, columns);
        bindings.put(List.copyOf(features), columns);
        return columns;
    }

    /** Reads the first row of every numeric input's column: a text column fails here, before any prediction. */
    private void checkTypes(Batch batch, int[] columns) {
        Row first = batch.row(0);
        for (int c = 0; c < columns.length; c++) {
            Input input = signature.perColumn()
                    ? signature.inputs().get(c)
                    : signature.inputs().get(0);
            if (!input.numeric()) {
                continue;
            }
            try {
                first.getDouble(columns[c]);
            } catch (DataException e) {
                String column = batch.featureNames().get(columns[c]);
                throw new DataException(
                        signature.describe() + " cannot feed column '" + column + "' to its input " + input.describe()
                                + ": the column holds text, not numbers" + firstText(batch, columns[c])
                                + ". The model expects " + signature.expects() + ", the test gives "
                                + batch.featureNames(),
                        e);
            }
        }
    }

    /** Returns " (row 7 is 'big')" for the batch's first cell that is not a number, or "" if every cell reads as one. */
    private static String firstText(Batch batch, int column) {
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.row(i);
            String text = row.getString(column);
            if (text == null) {
                continue;
            }
            try {
                Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return " (row " + (row.index() + 1) + " is '" + text + "')";
            }
        }
        return "";
    }
}
