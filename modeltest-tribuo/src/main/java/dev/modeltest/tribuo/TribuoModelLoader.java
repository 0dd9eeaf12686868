package dev.modeltest.tribuo;

import dev.modeltest.data.Resource;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelLoader;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Loads Tribuo 4.3 classification and regression models saved in Tribuo's protobuf format ({@code
 * model.serializeToFile(path)}) under a name ending in {@code .tribuo}. Registered for {@link
 * java.util.ServiceLoader}, so a project that has {@code modeltest-tribuo} on its test class path can write {@code
 * @ModelTest(model = "iris.tribuo", ...)}.
 *
 * <p>Tribuo's Java-serialized models (the format before 4.3) are not read: Java deserialization of an untrusted
 * file can run code, and {@code .ser} files and the Java serialization header belong to the Smile loader. Convert
 * such a model once, in a trusted setting: read it through an {@link java.io.ObjectInputFilter} built from the JEP 290
 * filter in Tribuo's documentation ({@code docs/jep-290-filter.txt}) and save it with {@code serializeToFile}.
 *
 * <p>This class names no Tribuo type, so it can be instantiated, and report itself unavailable, without Tribuo.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TribuoModelLoader implements ModelLoader {

    /** The file name ending this loader reads. */
    static final String EXTENSION = ".tribuo";

    @Override
    public String name() {
        return "Tribuo";
    }

    @Override
    public List<String> fileTypes() {
        return List.of(EXTENSION);
    }

    @Override
    public boolean isAvailable() {
        try {
            Class.forName("org.tribuo.Model", false, TribuoModelLoader.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Accepts files named {@code *.tribuo}: protobuf has no magic number to recognise a file by. */
    @Override
    public boolean accepts(Resource model) {
        return model.fileName().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    @Override
    public Model load(Resource model) {
        return TribuoModels.load(model);
    }
}
