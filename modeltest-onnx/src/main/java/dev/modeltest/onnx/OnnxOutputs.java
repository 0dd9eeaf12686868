package dev.modeltest.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Output;
import dev.modeltest.model.Task;
import java.lang.reflect.Array;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decodes what ONNX Runtime returns for a run of rows into an {@link Output}: a label tensor (int64, int32 or string)
 * into class indexes, a {@code [N, C]} probability tensor or a sequence of maps (ZipMap) into class probabilities, a
 * float or double tensor into regression values. An output with the wrong number of values, or naming a class the
 * model does not have, fails naming the model and the output.
 */
final class OnnxOutputs {

    private final String model;
    private final OnnxSignature.OutputNames names;
    private final OnnxClassNames classes;

    /**
     * Decodes the outputs {@code names} of a model with the classes {@code classes}; messages name the model as
     * {@code model}.
     */
    OnnxOutputs(String model, OnnxSignature.OutputNames names, OnnxClassNames classes) {
        this.model = model;
        this.names = names;
        this.classes = classes;
    }

    /**
     * Writes the predictions for rows {@code [from, from + n)} of the batch.
     *
     * @param result the outputs ONNX Runtime returned, by name (e.g. {@code OrtSession.Result::get})
     */
    void read(Function<String, Optional<OnnxValue>> result, int from, int n, Output out) throws OrtException {
        if (names.task() == Task.REGRESSION) {
            double[] values = numbers(tensor(result, names.value()), n, 1);
            for (int i = 0; i < n; i++) {
                out.setValue(from + i, values[i]);
            }
            return;
        }
        if (names.label() != null) {
            String[] labels = labels(tensor(result, names.label()), n);
            for (int i = 0; i < n; i++) {
                Integer k = classes.indexOf(labels[i]);
                if (k == null) {
                    throw new ModelException(model + ": its label output '" + names.label() + "' gave '"
                            + labels[i] + "' for a row, which is not among its classes " + classes.names()
                            + " (read from " + classes.source()
                            + "). Add the metadata property classes to the model to name them");
                }
                out.setClass(from + i, k);
            }
        }
        if (names.probabilities() != null) {
            if (names.probabilityMaps()) {
                OnnxValue value = result.apply(names.probabilities()).orElseThrow();
                List<? extends OnnxValue> rows = ((OnnxSequence) value).getValue();
                List<Map<?, ?>> maps = new ArrayList<>(rows.size());
                for (OnnxValue row : rows) {
                    maps.add(((OnnxMap) row).getValue());
                }
                readMaps(maps, from, n, out);
            } else {
                int count = classes.size();
                double[] p = new double[count];
                double[] table = numbers(tensor(result, names.probabilities()), n, count);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(table, i * count, p, 0, count);
                    out.setProbabilities(from + i, p);
                }
            }
        }
    }

    /** Writes the class probabilities of a sequence of maps (class name to probability), one map per row. */
    void readMaps(List<? extends Map<?, ?>> maps, int from, int n, Output out) {
        if (maps.size() != n) {
            throw new ModelException(model + ": its output '" + names.probabilities() + "' gave " + maps.size()
                    + " maps for " + n + " rows");
        }
        double[] p = new double[classes.size()];
        for (int i = 0; i < n; i++) {
            Arrays.fill(p, Double.NaN);
            for (Map.Entry<?, ?> e : maps.get(i).entrySet()) {
                Integer k = classes.indexOf(String.valueOf(e.getKey()));
                if (k == null) {
                    throw new ModelException(model + ": its output '" + names.probabilities()
                            + "' gave a probability for class '" + e.getKey() + "', which is not among its"
                            + " classes " + classes.names());
                }
                p[k] = ((Number) e.getValue()).doubleValue();
            }
            out.setProbabilities(from + i, p);
        }
    }

    private OnnxTensor tensor(Function<String, Optional<OnnxValue>> result, String output) {
        return (OnnxTensor) result.apply(output)
                .orElseThrow(() -> new ModelException(model + " returned no output '" + output + "'"));
    }

    /** Returns a float or double tensor's values as doubles, checking it has {@code n * perRow} of them. */
    private double[] numbers(OnnxTensor tensor, int n, int perRow) {
        double[] values;
        if (tensor.getInfo().type == OnnxJavaType.DOUBLE) {
            DoubleBuffer buffer = tensor.getDoubleBuffer();
            values = new double[buffer.remaining()];
            buffer.get(values);
        } else {
            FloatBuffer buffer = tensor.getFloatBuffer();
            values = new double[buffer.remaining()];
            for (int i = 0; i < values.length; i++) {
                values[i] = buffer.get(i);
            }
        }
        requireCount(tensor, values.length, n * perRow, n);
        return values;
    }

    private String[] labels(OnnxTensor tensor, int n) throws OrtException {
        String[] labels;
        switch (tensor.getInfo().type) {
            case INT64 -> {
                LongBuffer buffer = tensor.getLongBuffer();
                labels = new String[buffer.remaining()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = Long.toString(buffer.get(i));
                }
            }
            case INT32 -> {
                IntBuffer buffer = tensor.getIntBuffer();
                labels = new String[buffer.remaining()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = Integer.toString(buffer.get(i));
                }
            }
            default -> {
                List<String> flat = new ArrayList<>();
                flatten(tensor.getValue(), flat);
                labels = flat.toArray(String[]::new);
            }
        }
        requireCount(tensor, labels.length, n, n);
        return labels;
    }

    private static void flatten(Object array, List<String> into) {
        if (array instanceof String s) {
            into.add(s);
            return;
        }
        for (int i = 0; i < Array.getLength(array); i++) {
            flatten(Array.get(array, i), into);
        }
    }

    private void requireCount(OnnxTensor tensor, int got, int wanted, int rows) {
        if (got != wanted) {
            throw new ModelException(model + ": its output " + OnnxSignature.describeValue(tensor.getInfo()) + " gave "
                    + got + " values for " + rows + " rows, expected " + wanted);
        }
    }
}
