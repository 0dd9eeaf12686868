package dev.modeltest.subject;

import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where the model under test comes from: exactly one of a model file, a provider class, predictions already in the
 * data, or a model object.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public sealed interface ModelSource {

    /** Returns a short description for messages, e.g. {@code model file models/iris-rf.ser}. */
    String describe();

    /** A model file, read by a {@link dev.modeltest.model.ModelLoader}. */
    record File(String location) implements ModelSource {
        public File {
            Objects.requireNonNull(location, "location");
        }

        @Override
        public String describe() {
            return "model file " + location;
        }
    }

    /** A class of the user's that builds the model in code. */
    record Provider(Class<? extends ModelProvider> type) implements ModelSource {
        public Provider {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String describe() {
            return "model provider " + type.getName();
        }
    }

    /**
     * Predictions already present in the data set, scored elsewhere.
     *
     * @param predictions the predicted label or value column
     * @param scores for classifiers: the positive-class probability column (binary), or one column per class in class
     *     order; may be empty
     */
    record Columns(String predictions, List<String> scores) implements ModelSource {
        public Columns {
            Objects.requireNonNull(predictions, "predictions");
            scores = List.copyOf(scores);
        }

        @Override
        public String describe() {
            return "predictions column '" + predictions + "'";
        }
    }

    /** A model object already in memory (for programmatic use and tests). */
    record Instance(Model model) implements ModelSource {
        public Instance {
            Objects.requireNonNull(model, "model");
        }

        @Override
        public String describe() {
            return "model " + model.describe();
        }
    }
}
