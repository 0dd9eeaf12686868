package dev.modeltest.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.modeltest.error.DataException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Row;
import dev.modeltest.onnx.OnnxSignature.Input;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the input tensors of a model for a run of rows of a batch, converting each cell to its input's element type
 * (float, double, int64, int32, bool or string). A cell an input cannot take (missing, not a whole number for an
 * integer input, not true/false for a bool input) fails naming its row, its column and the input.
 */
final class OnnxInputs {

    private final OrtEnvironment environment;
    private final List<Input> inputs;

    /** Builds tensors in {@code environment} for {@code inputs}: one tensor holding every column, or one per column. */
    OnnxInputs(OrtEnvironment environment, List<Input> inputs) {
        this.environment = environment;
        this.inputs = List.copyOf(inputs);
    }

    /**
     * Puts the tensor of every input, for rows {@code [from, from + n)}, into {@code feed}, keyed by input name. The
     * caller closes the tensors, also those put before a failure.
     *
     * @param columns the feature feeding each input (or each column of a single input), from {@link OnnxColumns}
     */
    void feed(Map<String, OnnxTensor> feed, Batch batch, int from, int n, int[] columns) throws OrtException {
        if (inputs.size() > 1) {
            for (int c = 0; c < inputs.size(); c++) {
                Input input = inputs.get(c);
                feed.put(input.name(), tensor(input, batch, from, n, new int[] {columns[c]}));
            }
        } else {
            feed.put(inputs.get(0).name(), tensor(inputs.get(0), batch, from, n, columns));
        }
    }

    /** Builds the tensor of one input from rows {@code [from, from + n)}: {@code columns.length} values per row. */
    private OnnxTensor tensor(Input input, Batch batch, int from, int n, int[] columns) throws OrtException {
        int width = columns.length;
        long[] shape = input.shape().length == 1 ? new long[] {n} : new long[] {n, width};
        List<String> features = batch.featureNames();
        switch (input.type()) {
            case FLOAT -> {
                FloatBuffer buffer = direct(n * width * Float.BYTES).asFloatBuffer();
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        buffer.put((float) row.getDouble(columns[c]));
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.rewind(), shape);
            }
            case DOUBLE -> {
                DoubleBuffer buffer = direct(n * width * Double.BYTES).asDoubleBuffer();
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        buffer.put(row.getDouble(columns[c]));
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.rewind(), shape);
            }
            case INT64 -> {
                LongBuffer buffer = direct(n * width * Long.BYTES).asLongBuffer();
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        buffer.put(whole(row, columns[c], features, input, Long.MIN_VALUE, Long.MAX_VALUE));
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.rewind(), shape);
            }
            case INT32 -> {
                IntBuffer buffer = direct(n * width * Integer.BYTES).asIntBuffer();
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        buffer.put((int) whole(row, columns[c], features, input, Integer.MIN_VALUE, Integer.MAX_VALUE));
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.rewind(), shape);
            }
            case BOOL -> {
                ByteBuffer buffer = direct(n * width);
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        buffer.put(bool(row, columns[c], features, input) ? (byte) 1 : (byte) 0);
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.rewind(), shape, OnnxJavaType.BOOL);
            }
            case STRING -> {
                String[] values = new String[n * width];
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        String value = row.getString(columns[c]);
                        if (value == null) {
                            throw missing(row, features.get(columns[c]), input);
                        }
                        values[i * width + c] = value;
                    }
                }
                return OnnxTensor.createTensor(environment, values, shape);
            }
            default -> throw new IllegalStateException("unsupported input type " + input.type());
        }
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    private static long whole(Row row, int column, List<String> features, Input input, long min, long max) {
        double value = row.getDouble(column);
        if (Double.isNaN(value)) {
            throw missing(row, features.get(column), input);
        }
        if (value != Math.rint(value) || value < min || value > max) {
            throw new DataException("row " + (row.index() + 1) + ", column '" + features.get(column) + "' is "
                    + row.getString(column) + ", but the model's input " + input.describe()
                    + " takes whole numbers only");
        }
        return (long) value;
    }

    private static boolean bool(Row row, int column, List<String> features, Input input) {
        String text = row.getString(column);
        if (text == null) {
            throw missing(row, features.get(column), input);
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default ->
                throw new DataException("row " + (row.index() + 1) + ", column '" + features.get(column)
                        + "' is '" + text + "', but the model's input " + input.describe()
                        + " takes true/false (or 1/0) only");
        };
    }

    private static DataException missing(Row row, String column, Input input) {
        return new DataException("row " + (row.index() + 1) + ", column '" + column + "' is missing, but the model's"
                + " input " + input.describe() + " cannot take a missing value");
    }
}
