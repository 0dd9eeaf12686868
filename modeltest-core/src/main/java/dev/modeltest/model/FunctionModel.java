package dev.modeltest.model;

import dev.modeltest.error.ConfigurationException;
import java.util.HashSet;
import java.util.List;

/** The shared part of the models built by {@link Model}'s factories. */
abstract class FunctionModel implements Model {

    private final Task task;
    private final List<String> classes;
    private final boolean probabilities;
    private final String description;

    FunctionModel(Task task, List<String> classes, boolean probabilities, String description) {
        this.task = task;
        this.classes = List.copyOf(classes);
        this.probabilities = probabilities;
        this.description = description;
        if (task == Task.CLASSIFICATION) {
            if (this.classes.size() < 2) {
                throw new ConfigurationException("a classifier needs at least two classes, was " + this.classes);
            }
            if (new HashSet<>(this.classes).size() != this.classes.size()) {
                throw new ConfigurationException("a classifier's class names must be distinct, were " + this.classes);
            }
        }
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public boolean hasProbabilities() {
        return probabilities;
    }

    @Override
    public String describe() {
        return task == Task.CLASSIFICATION ? description + " (" + classes.size() + " classes)" : description;
    }
}
