package dev.modeltest.xgboost;

import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Loads XGBoost model files into {@link XGBoostModel}s. The only class besides the model that names XGBoost4J. */
final class XGBoostModels {

    private XGBoostModels() {}

    static XGBoostModel load(Resource file, BoosterDocument.Format format) {
        byte[] bytes;
        try (InputStream in = file.open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("cannot read model file '" + file.location() + "': " + e, e);
        }
        // Parsed and checked in Java first: XGBoost's native reader crashes the JVM on some corrupt files.
        BoosterDocument document = BoosterDocument.parse(bytes, format, file.location());
        List<String> classes = ClassNames.of(file, document);
        int categorical = document.featureTypes().indexOf("c");
        if (categorical >= 0) {
            List<String> names = document.featureNames();
            throw new ModelException("model file '" + file.location() + "' holds an XGBoost model with the categorical"
                    + " feature " + (names.isEmpty() ? "#" + categorical : "'" + names.get(categorical) + "'")
                    + " (feature type 'c'); modeltest passes numbers only: load such a model with"
                    + " @ModelTest(provider = ...)");
        }
        Booster booster;
        try {
            booster = XGBoost.loadModel(bytes);
            // One thread per call; see XGBoostModel#isThreadSafe. It changes how rows are scheduled, not a value.
            booster.setParam("nthread", 1);
        } catch (XGBoostError e) {
            throw new ModelException(
                    "model file '" + file.location() + "' is corrupt or not an XGBoost model: XGBoost says "
                            + firstLine(e.getMessage()),
                    e);
        } catch (IOException e) {
            throw new ModelException("cannot read model file '" + file.location() + "': " + e, e);
        } catch (LinkageError e) {
            throw new ModelException(
                    "cannot load model file '" + file.location() + "': XGBoost4J's native library does not load"
                            + " on this machine (" + System.getProperty("os.name") + ", "
                            + System.getProperty("os.arch") + "): " + e,
                    e);
        }
        return new XGBoostModel(booster, document, classes, file.fileName());
    }

    /**
     * Returns the first line of an XGBoost error without its time stamp and source position: {@code [14:46:10]
     * /workspace/src/common/json.cc:434: Unknown construct} becomes {@code Unknown construct}. The native stack trace
     * that follows is of no use to a reader of a test failure.
     */
    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.lines().findFirst().orElse("").trim();
        return line.replaceFirst("^\\[[0-9:]+\\]\\s+\\S+:\\d+:\\s*", "");
    }
}
