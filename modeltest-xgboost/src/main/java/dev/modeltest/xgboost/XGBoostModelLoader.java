package dev.modeltest.xgboost;

import dev.modeltest.data.Resource;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Loads XGBoost boosters saved in XGBoost's JSON ({@code .json}) or Universal Binary JSON ({@code .ubj}) format:
 * binary and multiclass classifiers and regressors. Registered for {@link java.util.ServiceLoader}, so a project that
 * has {@code modeltest-xgboost} on its test class path can write {@code @ModelTest(model = "model.json", ...)}.
 *
 * <p>A {@code .json} file is taken only when it looks like an XGBoost model (a JSON object with a {@code "learner"}
 * key near its start), so that other loaders can read other JSON files. Class names come from the booster attribute
 * {@code class_names} or a side file {@code <model>.classes}; see the module documentation.
 *
 * <p>This class names no XGBoost4J type, so it can be instantiated, and report itself unavailable, without XGBoost4J.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class XGBoostModelLoader implements ModelLoader {

    /** How much of a {@code .json} file is read to decide whether it is an XGBoost model. */
    private static final int PEEK_BYTES = 4096;

    @Override
    public String name() {
        return "XGBoost";
    }

    @Override
    public List<String> fileTypes() {
        return List.of(".json", ".ubj");
    }

    @Override
    public boolean isAvailable() {
        try {
            Class.forName("ml.dmlc.xgboost4j.java.Booster", false, XGBoostModelLoader.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean accepts(Resource model) {
        return format(model) != null;
    }

    @Override
    public Model load(Resource model) {
        // Read by its name alone: for a file handed over without accepts(), the parser says what is wrong with it.
        BoosterDocument.Format format = nameFormat(model);
        return XGBoostModels.load(model, format == null ? BoosterDocument.Format.JSON : format);
    }

    private static BoosterDocument.Format nameFormat(Resource model) {
        String name = model.fileName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ubj")) {
            return BoosterDocument.Format.UBJ;
        }
        if (name.endsWith(".json")) {
            return BoosterDocument.Format.JSON;
        }
        return null;
    }

    /** Returns the format of a file this loader reads, or null. */
    private static BoosterDocument.Format format(Resource model) {
        BoosterDocument.Format format = nameFormat(model);
        if (format == BoosterDocument.Format.JSON && !looksLikeXGBoostJson(model)) {
            return null;
        }
        return format;
    }

    /** XGBoost writes the keys of its model in sorted order, so {@code "learner"} is the first key of the file. */
    private static boolean looksLikeXGBoostJson(Resource model) {
        try (InputStream in = model.open()) {
            String head = new String(in.readNBytes(PEEK_BYTES), StandardCharsets.ISO_8859_1).stripLeading();
            return head.startsWith("{") && head.contains("\"learner\"");
        } catch (IOException e) {
            return false;
        }
    }
}
