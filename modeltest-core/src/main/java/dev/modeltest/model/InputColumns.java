package dev.modeltest.model;

import dev.modeltest.error.DataException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Finds a model's inputs among the columns of a {@link Batch} and checks, before anything is predicted, that they are
 * numeric. For modeltest's own adapter modules (Smile, Tribuo, XGBoost); not API.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class InputColumns {

    private InputColumns() {}

    /**
     * Returns, for each of the model's inputs in order, the index of the batch column that feeds it: inputs are matched
     * by name, in any order, and columns the model does not name are ignored.
     *
     * @param model the model's description, which starts the message
     * @param wanted the model's input names, in its order
     * @param given the batch's column names
     * @throws DataException naming the inputs no column feeds, what the model expects and what the test gives
     */
    public static int[] byName(String model, List<String> wanted, List<String> given) {
        int[] map = new int[wanted.size()];
        List<String> missing = new ArrayList<>();
        for (int f = 0; f < map.length; f++) {
            map[f] = given.indexOf(wanted.get(f));
            if (map[f] < 0) {
                missing.add(wanted.get(f));
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException(model + " expects input column(s) " + missing + " that the test does not give it;"
                    + " the model expects " + wanted + ", the test gives " + given);
        }
        return map;
    }

    /**
     * A model's inputs, matched by name to the columns of each batch as {@link #byName} does, keeping the last match:
     * a latency check hands the model the same columns on each of its many single-row calls, which then neither match
     * names again nor describe the model.
     */
    public static final class ByName {

        private final List<String> wanted;
        private volatile Match last;

        private record Match(List<String> given, int[] map) {}

        /** Creates the matcher of a model's input names, in its order. */
        public ByName(List<String> wanted) {
            this.wanted = List.copyOf(wanted);
        }

        /**
         * Returns, for each input, the index of the batch column that feeds it, as {@link #byName}; the array is shared
         * between calls and must not be changed.
         *
         * @param model the model's description, asked for only when the columns differ from the last call's
         * @throws DataException as {@link #byName}
         */
        public int[] map(Supplier<String> model, List<String> given) {
            Match known = last;
            if (known != null && (known.given() == given || known.given().equals(given))) {
                return known.map();
            }
            int[] map = byName(model.get(), wanted, given);
            last = new Match(List.copyOf(given), map);
            return map;
        }
    }

    /**
     * Fails, before anything is predicted, when an input column is not numeric. A column is numeric or not as a whole,
     * so the first row tells; the message shows the first cell that is not a number.
     *
     * @param model the model's description, which starts the message
     * @param batch a batch of at least one row
     * @param inputs the batch columns that feed the model, as {@link #byName} returns them
     * @param expected what the model expects, as the message ends "the model expects ...", e.g. {@code "numbers for
     *     [a, b]"}
     * @throws DataException naming each non-numeric column with its first non-number, and the columns used
     */
    public static void requireNumeric(String model, Batch batch, int[] inputs, String expected) {
        Row first = batch.row(0);
        List<String> names = batch.featureNames();
        List<String> wrong = new ArrayList<>();
        for (int input : inputs) {
            try {
                first.getDouble(input);
            } catch (DataException e) {
                wrong.add("'" + names.get(input) + "' (" + firstNonNumber(batch, input) + ")");
            }
        }
        if (!wrong.isEmpty()) {
            List<String> used = new ArrayList<>();
            for (int input : inputs) {
                used.add(names.get(input));
            }
            throw new DataException(model + " reads every input as a number, but the test gives it non-numeric"
                    + " column(s) " + String.join(", ", wrong) + "; the model expects " + expected + ", the test gives "
                    + used);
        }
    }

    private static String firstNonNumber(Batch batch, int input) {
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.row(i);
            String text = row.getString(input);
            if (text != null && !isNumber(text)) {
                return "row " + (row.index() + 1) + " is '" + text + "'";
            }
        }
        Row row = batch.row(0);
        String text = row.getString(input);
        return "row " + (row.index() + 1) + " is " + (text == null ? "empty" : "'" + text + "'");
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
