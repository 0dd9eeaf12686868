package dev.modeltest.behaviour;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.model.Model;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data and models the behavioural checks' tests share. {@value #DATA}: {@value #ROWS} rows, {@code x1 = r / 30},
 * {@code x2 = (7r mod 30) / 30}, {@code color} red, green, blue in turn, {@code label} b where {@code x1 ≥ 0.5}.
 */
final class BehaviourFixtures {

    static final String DATA = "behaviour.csv";
    static final int ROWS = 30;
    static final List<String> CLASSES = List.of("a", "b");

    private BehaviourFixtures() {}

    /** Writes the data to {@code dir} and runs the check on it with the model. */
    static CheckResult run(Path dir, Check check, Model model) throws IOException {
        try (Subject subject = subject(dir, new ModelSource.Instance(model))) {
            return check.run(subject);
        }
    }

    /** Writes the data to {@code dir} and runs the check on it with a regressor of label {@code x2}. */
    static CheckResult runRegressor(Path dir, Check check, Model model) throws IOException {
        try (Subject subject = subject(dir, new ModelSource.Instance(model), "x2")) {
            return check.run(subject);
        }
    }

    /** Writes the data to {@code dir} and returns a subject of it with the model source. */
    static Subject subject(Path dir, ModelSource source) throws IOException {
        return subject(dir, source, "label");
    }

    /** Writes the data to {@code dir} and returns a subject of it with the model source and label column. */
    static Subject subject(Path dir, ModelSource source, String label) throws IOException {
        Path csv = dir.resolve(DATA);
        StringBuilder text = new StringBuilder("x1,x2,color,label\n");
        String[] colors = {"red", "green", "blue"};
        for (int r = 0; r < ROWS; r++) {
            double x1 = r / 30.0;
            text.append(x1)
                    .append(',')
                    .append((7 * r % 30) / 30.0)
                    .append(',')
                    .append(colors[r % 3])
                    .append(',')
                    .append(x1 >= 0.5 ? "b" : "a")
                    .append('\n');
        }
        Files.writeString(csv, text);
        SubjectSpec spec = new SubjectSpec("@ModelTest on T", csv.toString(), label, source, List.of(), null);
        return Subject.of(spec);
    }

    /** Predicts b with probability x1: ignores color and x2, and its score rises with x1. */
    static Model byX1() {
        return Model.probabilisticClassifier(CLASSES, (row, p) -> {
            double x = Math.min(1, Math.max(0, row.getDouble("x1")));
            p[0] = 1 - x;
            p[1] = x;
        });
    }

    /** Predicts b for every blue row, else as {@link #byX1}: not invariant to color. */
    static Model blueIsB() {
        return Model.probabilisticClassifier(CLASSES, (row, p) -> {
            double x = "blue".equals(row.getString("color")) ? 1 : Math.min(1, Math.max(0, row.getDouble("x1")));
            p[0] = 1 - x;
            p[1] = x;
        });
    }

    /**
     * Predicts b with probability x1 below 0.5 and {@code 1.5 − x1} from there: its score falls as x1 rises past 0.5,
     * a deliberately non-monotonic model.
     */
    static Model dipsPastHalf() {
        return Model.probabilisticClassifier(CLASSES, (row, p) -> {
            double x = row.getDouble("x1");
            double score = x < 0.5 ? Math.max(0, x) : Math.min(1, 1.5 - x);
            p[0] = 1 - score;
            p[1] = score;
        });
    }
}
