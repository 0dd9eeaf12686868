package dev.modeltest.testing;

import dev.modeltest.data.Resource;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.nio.file.Path;
import java.util.List;

/**
 * What the adapter modules' test fixtures share: where each module keeps its committed models and data, and how a test
 * resolves a file or runs a model on a data set the way {@code @ModelTest} does. Each module's own fixtures name its
 * model files and load them with its loader.
 */
public final class AdapterFixtures {

    /** The committed models, relative to the module's directory (where Maven runs its tests). */
    public static final Path MODELS = Path.of("src/test/resources/models");
    /** The committed data sets, relative to the module's directory. */
    public static final Path DATA = Path.of("src/test/resources/data");

    private AdapterFixtures() {}

    public static Resource resource(Path file) {
        return resource(file.toString());
    }

    public static Resource resource(String location) {
        return Resource.resolve(location, IllegalArgumentException::new);
    }

    public static Subject subject(Path model, Path data, String label, List<String> features) {
        return subject(model.toString(), data.toString(), label, features);
    }

    public static Subject subject(String model, String data, String label, List<String> features) {
        return Subject.of(new SubjectSpec("test", data, label, new ModelSource.File(model), features, TaskHint.AUTO));
    }

    /** Returns the model's predictions on the data set, the model's inputs found by their names. */
    public static Predictions predict(Path model, Path data, String label) {
        try (Subject subject = subject(model, data, label, List.of())) {
            return subject.predictions();
        }
    }
}
