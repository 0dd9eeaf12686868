package dev.modeltest.xgboost;

import dev.modeltest.model.Task;
import java.util.Optional;

/** What an XGBoost objective makes {@code Booster.predict} return, and how modeltest reads it. */
enum Objective {
    /** {@code binary:logistic}: one probability of class 1 per row. */
    BINARY_PROBABILITY(Task.CLASSIFICATION, true, false),
    /** {@code binary:logitraw}: one margin per row; class 1 when it is above 0 (probability above 0.5). */
    BINARY_MARGIN(Task.CLASSIFICATION, false, false),
    /** {@code binary:hinge}: the class itself, 0 or 1. */
    BINARY_HINGE(Task.CLASSIFICATION, false, false),
    /** {@code multi:softprob}: one probability per class and row. */
    MULTI_PROBABILITY(Task.CLASSIFICATION, true, true),
    /** {@code multi:softmax}: the class index itself. */
    MULTI_CLASS(Task.CLASSIFICATION, false, true),
    /** {@code reg:*}, {@code count:poisson}, {@code survival:*}: one value per row. */
    REGRESSION(Task.REGRESSION, false, false);

    private final Task task;
    private final boolean probabilities;
    private final boolean multiclass;

    Objective(Task task, boolean probabilities, boolean multiclass) {
        this.task = task;
        this.probabilities = probabilities;
        this.multiclass = multiclass;
    }

    /** Returns the objective of an XGBoost objective name, or empty for one modeltest does not check (ranking). */
    static Optional<Objective> of(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "binary:logistic" -> BINARY_PROBABILITY;
                    case "binary:logitraw" -> BINARY_MARGIN;
                    case "binary:hinge" -> BINARY_HINGE;
                    case "multi:softprob" -> MULTI_PROBABILITY;
                    case "multi:softmax" -> MULTI_CLASS;
                    default ->
                        name.startsWith("reg:") || name.startsWith("count:") || name.startsWith("survival:")
                                ? REGRESSION
                                : null;
                });
    }

    Task task() {
        return task;
    }

    boolean hasProbabilities() {
        return probabilities;
    }

    boolean isMulticlass() {
        return multiclass;
    }

    /** Returns the number of classes of a classifier with {@code numClass} set in the model (0 for binary). */
    int classCount(int numClass) {
        return task == Task.REGRESSION ? 0 : multiclass ? numClass : 2;
    }

    /** Returns how many numbers {@code Booster.predict} returns per row. */
    int outputsPerRow(int numClass) {
        return this == MULTI_PROBABILITY ? numClass : 1;
    }

    /** Returns how many output groups (trees per round) the booster has. */
    int outputGroups(int numClass) {
        return multiclass ? numClass : 1;
    }
}
