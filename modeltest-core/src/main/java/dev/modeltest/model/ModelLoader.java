package dev.modeltest.model;

import dev.modeltest.data.Resource;
import org.apiguardian.api.API;

/**
 * Loads model files of one library. Found through {@link java.util.ServiceLoader}: list implementations in {@code
 * META-INF/services/dev.modeltest.model.ModelLoader}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface ModelLoader {

    /** Returns a short name for messages, e.g. {@code Smile}. */
    String name();

    /** Returns the file name endings this loader reads, e.g. {@code .ser}, for messages. */
    java.util.List<String> fileTypes();

    /** Returns whether the loader can be used now (its library is on the class path). */
    default boolean isAvailable() {
        return true;
    }

    /** Returns whether this loader reads the file, judged by its name (and, if needed, its first bytes). */
    boolean accepts(Resource model);

    /**
     * Loads the model.
     *
     * @throws dev.modeltest.error.ModelException naming the file when it is corrupt or not a supported model
     */
    Model load(Resource model);
}
