package dev.modeltest.tribuo;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/** Reads Tribuo protobuf model files into {@link TribuoModel}s. */
final class TribuoModels {

    private TribuoModels() {}

    static TribuoModel<?> load(Resource file) {
        ModelProto proto = readProto(file);
        String className = proto.getClassName();
        boolean onClassPath = checkModelClass(file, className);
        org.tribuo.Model<?> model;
        try {
            model = org.tribuo.Model.deserialize(proto);
        } catch (RuntimeException | LinkageError e) {
            if (!onClassPath && causedBy(e, ClassNotFoundException.class)) {
                throw new ModelException("model file '" + file.location() + "' holds a " + className + ", which is not"
                        + " on the class path: add the Tribuo module that has it " + moduleHint(className)
                        + "to the test dependencies");
            }
            throw new ModelException(
                    "model file '" + file.location() + "' is corrupt or not a Tribuo model: Tribuo could not rebuild"
                            + " its " + className + ": " + rootMessage(e),
                    e);
        }
        return wrap(model, file);
    }

    private static ModelProto readProto(Resource file) {
        byte[] bytes;
        try (InputStream in = file.open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("cannot read model file '" + file.location() + "': " + e, e);
        }
        if (bytes.length >= 2 && bytes[0] == (byte) 0xAC && bytes[1] == (byte) 0xED) {
            throw new ModelException("model file '" + file.location() + "' is Java-serialized (as Tribuo 4.2 and"
                    + " earlier saved models), but modeltest reads Tribuo's protobuf format only, because deserializing"
                    + " an untrusted Java stream can run code. Convert the model once with Tribuo 4.3:"
                    + " model.serializeToFile(path)");
        }
        try {
            return ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelException(
                    "model file '" + file.location() + "' is corrupt or not a Tribuo model: " + sentence(e.getMessage())
                            + ". Save Tribuo models with model.serializeToFile(path)",
                    e);
        }
    }

    /**
     * Tribuo instantiates whatever class a model file names (ProtoUtil loads it by name and calls its static {@code
     * deserializeFromProto}). The class is checked here first, without initialising it, so that a file can only make
     * Tribuo build a Tribuo model.
     *
     * @return whether the class is on the class path; a class of Tribuo's own packages that is not may be one Tribuo
     *     renamed and still reads, so it is left to Tribuo
     */
    private static boolean checkModelClass(Resource file, String className) {
        if (className.isEmpty()) {
            throw new ModelException("model file '" + file.location() + "' is empty or not a Tribuo model: it names no"
                    + " model class. Save Tribuo models with model.serializeToFile(path)");
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, TribuoModels.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            if (!className.startsWith("org.tribuo.")) {
                throw notAModel(file, className);
            }
            return false;
        }
        if (!org.tribuo.Model.class.isAssignableFrom(type)) {
            throw notAModel(file, className);
        }
        return true;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ModelException notAModel(Resource file, String className) {
        return new ModelException("model file '" + file.location() + "' names the class " + className + ", which is"
                + " not a Tribuo model, so modeltest does not let Tribuo build it");
    }

    /**
     * Names the artifact when the package tells it, {@code org.tribuo.classification.xgboost.XGBoostClassificationModel}
     * is in {@code tribuo-classification-xgboost}, as "(for example ...) "; otherwise returns an empty string.
     */
    private static String moduleHint(String className) {
        String[] parts = className.split("\\.");
        if (parts.length >= 5
                && Set.of("classification", "regression", "clustering", "anomaly", "multilabel")
                        .contains(parts[2])) {
            return "(for example org.tribuo:tribuo-" + parts[2] + "-" + parts[3] + ":${tribuo.version}) ";
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private static TribuoModel<?> wrap(org.tribuo.Model<?> model, Resource file) {
        Set<? extends Output<?>> domain = model.getOutputIDInfo().getDomain();
        if (!domain.isEmpty() && model.validate(Label.class)) {
            return new TribuoModel.Classifier((org.tribuo.Model<Label>) model, file.fileName());
        }
        if (!domain.isEmpty() && model.validate(Regressor.class)) {
            org.tribuo.Model<Regressor> regressor = (org.tribuo.Model<Regressor>) model;
            int dimensions = regressor.getOutputIDInfo().size();
            if (dimensions != 1) {
                throw new ModelException("model file '" + file.location() + "' holds a Tribuo regressor with "
                        + dimensions + " outputs " + regressor.getOutputIDInfo().getDomain() + "; modeltest gates"
                        + " models with one output");
            }
            return new TribuoModel.Regression(regressor, file.fileName());
        }
        String kind = domain.isEmpty()
                ? "no outputs"
                : "outputs of type " + domain.iterator().next().getClass().getSimpleName();
        throw new ModelException("model file '" + file.location() + "' holds a Tribuo "
                + model.getClass().getSimpleName() + " with " + kind + "; modeltest gates classification (Label) and"
                + " regression (Regressor) models");
    }

    /** Returns protobuf's message as a clause: single spaces, no final full stop. */
    private static String sentence(String message) {
        String text = String.valueOf(message).trim().replaceAll("\\s+", " ");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e.getMessage() + " (" + root + ")";
    }
}
