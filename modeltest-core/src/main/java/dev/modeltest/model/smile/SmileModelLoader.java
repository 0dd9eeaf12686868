package dev.modeltest.model.smile;

import dev.modeltest.data.Resource;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Loads Java-serialized Smile 3.x classifiers and regressors ({@code .ser} files, or any file that starts with the
 * Java serialization header). Available when {@code smile-core} is on the class path; modeltest never forces Smile
 * (GPL-3.0) on users.
 *
 * <p>This class names no Smile type, so it loads, and reports itself unavailable, without Smile.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SmileModelLoader implements ModelLoader {

    private static final byte[] JAVA_SERIALIZATION_MAGIC = {(byte) 0xAC, (byte) 0xED};

    @Override
    public String name() {
        return "Smile";
    }

    @Override
    public List<String> fileTypes() {
        return List.of(".ser", ".smile");
    }

    @Override
    public boolean isAvailable() {
        try {
            Class.forName("smile.classification.Classifier", false, SmileModelLoader.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean accepts(Resource model) {
        String name = model.fileName().toLowerCase(Locale.ROOT);
        if (fileTypes().stream().anyMatch(name::endsWith)) {
            return true;
        }
        try (InputStream in = model.open()) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == JAVA_SERIALIZATION_MAGIC[0] && head[1] == JAVA_SERIALIZATION_MAGIC[1];
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Model load(Resource model) {
        return SmileModels.wrap(SafeDeserialization.read(model), model.location());
    }
}
