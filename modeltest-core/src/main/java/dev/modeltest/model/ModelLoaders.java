package dev.modeltest.model;

import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * Finds the {@link ModelLoader} for a model file among those on the class path.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ModelLoaders {

    private ModelLoaders() {}

    /** Returns every model loader on the class path, available or not. */
    public static List<ModelLoader> all() {
        List<ModelLoader> loaders = new ArrayList<>();
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        ServiceLoader.load(ModelLoader.class, classLoader == null ? ModelLoaders.class.getClassLoader() : classLoader)
                .forEach(loaders::add);
        return loaders;
    }

    /**
     * Loads a model file with the first available loader that accepts it.
     *
     * @throws ModelException naming the file and the loaders that were tried when none reads it
     */
    public static Model load(Resource file) {
        List<ModelLoader> loaders = all();
        List<String> tried = new ArrayList<>();
        for (ModelLoader loader : loaders) {
            boolean available = loader.isAvailable();
            if (available && loader.accepts(file)) {
                return loader.load(file);
            }
            tried.add(loader.name() + " " + loader.fileTypes() + (available ? "" : " (library not on the class path)"));
        }
        throw new ModelException("no model loader reads '" + file.location() + "'; loaders on the class path: "
                + (tried.isEmpty() ? "none" : String.join(", ", tried))
                + ". Use @ModelTest(provider = ...) to load other models in code.");
    }
}
