package dev.modeltest.junit;

import dev.modeltest.data.MissingValues;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.SampleMethod;
import dev.modeltest.subject.Sampling;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Translates {@link ModelTest} into a {@link SubjectSpec}, validating every attribute first. */
final class SubjectSpecs {

    /**
     * The JUnit configuration parameter with the project's missing-value tokens, comma-separated; {@link
     * ModelTest#missingValues()} overrides it for one class.
     */
    static final String MISSING_VALUES_PARAMETER = "modeltest.data.missingValues";

    /**
     * The JUnit configuration parameter (or system property) with the most rows a model test evaluates: a test whose
     * data has more evaluates a sample of this many; {@link ModelTest#sample()} overrides it for one class.
     */
    static final String SAMPLE_PARAMETER = "modeltest.data.sample";

    private SubjectSpecs() {}

    static SubjectSpec from(ModelTest annotation, Class<?> annotated) {
        return from(annotation, annotated, Optional.empty());
    }

    /**
     * Translates the annotation, with the project's missing-value tokens (the {@link #MISSING_VALUES_PARAMETER}
     * configuration parameter) when it gives some.
     */
    static SubjectSpec from(ModelTest annotation, Class<?> annotated, Optional<String> projectMissingValues) {
        return from(annotation, annotated, projectMissingValues, Optional.empty());
    }

    /**
     * Translates the annotation, with the project's missing-value tokens and the project's most rows (the {@link
     * #SAMPLE_PARAMETER} configuration parameter) when they are given.
     */
    static SubjectSpec from(
            ModelTest annotation,
            Class<?> annotated,
            Optional<String> projectMissingValues,
            Optional<String> projectSample) {
        String origin = "@ModelTest on " + annotated.getSimpleName();
        requireText(origin, "data", annotation.data());
        requireText(origin, "label", annotation.label());
        List<String> sources = new ArrayList<>();
        if (!annotation.model().isBlank()) {
            sources.add("'model'");
        }
        if (annotation.provider() != ModelProvider.class) {
            sources.add("'provider'");
        }
        if (!annotation.predictions().isBlank()) {
            sources.add("'predictions'");
        }
        if (sources.size() != 1) {
            throw new ConfigurationException(
                    origin + ": give exactly one model source, 'model', 'provider' or" + " 'predictions', "
                            + (sources.isEmpty() ? "found none" : "found " + String.join(" and ", sources)));
        }
        if (annotation.scores().length > 0 && annotation.predictions().isBlank()) {
            throw new ConfigurationException(
                    origin + ": 'scores' goes with 'predictions' (probability columns of predictions made elsewhere)");
        }
        // The label as its own prediction or score would pass every check with a perfect model, judging nothing.
        if (annotation.predictions().equals(annotation.label())) {
            throw ConfigurationException.badAttribute(
                    origin,
                    "predictions",
                    "must not be the label column '" + annotation.label() + "'",
                    "'" + annotation.predictions() + "'");
        }
        if (List.of(annotation.scores()).contains(annotation.label())) {
            throw ConfigurationException.badAttribute(
                    origin,
                    "scores",
                    "must not include the label column '" + annotation.label() + "'",
                    List.of(annotation.scores()));
        }
        if (annotation.task() != TaskHint.AUTO && annotation.predictions().isBlank()) {
            throw ConfigurationException.badAttribute(
                    origin, "task", "goes with 'predictions' only (a model says what it predicts)", annotation.task());
        }
        Class<?> provider = annotation.provider();
        if (provider != ModelProvider.class
                && (provider.isInterface() || Modifier.isAbstract(provider.getModifiers()))) {
            throw ConfigurationException.badAttribute(
                    origin, "provider", "must be a concrete class", provider.getName());
        }
        List<String> features = List.of(annotation.features());
        Set<String> seen = new HashSet<>();
        for (String feature : features) {
            if (feature.isBlank()) {
                throw ConfigurationException.badAttribute(origin, "features", "must not contain blank names", features);
            }
            if (!seen.add(feature)) {
                throw ConfigurationException.badAttribute(
                        origin, "features", "names '" + feature + "' twice", features);
            }
            if (feature.equals(annotation.label())) {
                throw ConfigurationException.badAttribute(
                        origin, "features", "must not include the label column '" + feature + "'", features);
            }
        }
        String weights = annotation.weights();
        if (!weights.isEmpty()) {
            if (weights.isBlank()) {
                throw ConfigurationException.badAttribute(origin, "weights", "must not be blank", "'" + weights + "'");
            }
            if (weights.equals(annotation.label())) {
                throw ConfigurationException.badAttribute(
                        origin, "weights", "must not be the label column", "'" + weights + "'");
            }
            if (seen.contains(weights)) {
                throw ConfigurationException.badAttribute(
                        origin, "features", "must not include the weight column '" + weights + "'", features);
            }
        }
        ModelSource source;
        if (!annotation.model().isBlank()) {
            source = new ModelSource.File(annotation.model());
        } else if (annotation.provider() != ModelProvider.class) {
            source = new ModelSource.Provider(annotation.provider());
        } else {
            source = new ModelSource.Columns(annotation.predictions(), List.of(annotation.scores()));
        }
        return new SubjectSpec(
                origin,
                annotation.data(),
                annotation.label(),
                source,
                features,
                annotation.task(),
                missingValues(origin, annotation, projectMissingValues),
                sampling(origin, annotation, projectSample),
                weights);
    }

    private static Sampling sampling(String origin, ModelTest annotation, Optional<String> projectSample) {
        if (annotation.sample() != ModelTest.ALL_ROWS) {
            if (annotation.sample() < 1) {
                throw ConfigurationException.badAttribute(
                        origin, "sample", "must be at least 1 (a number of rows)", annotation.sample());
            }
            return new Sampling(annotation.sample(), annotation.seed(), annotation.sampleMethod(), false);
        }
        if (projectSample.isPresent() && !projectSample.get().isBlank()) {
            int rows;
            try {
                rows = Integer.parseInt(projectSample.get().strip());
            } catch (NumberFormatException e) {
                rows = 0;
            }
            if (rows < 1) {
                throw new ConfigurationException("configuration parameter " + SAMPLE_PARAMETER
                        + " must be a whole number of rows, at least 1, was '" + projectSample.get() + "'");
            }
            return new Sampling(rows, annotation.seed(), annotation.sampleMethod(), true);
        }
        if (annotation.sampleMethod() != SampleMethod.UNIFORM) {
            throw ConfigurationException.badAttribute(
                    origin, "sampleMethod", "goes with 'sample' (how a sample is drawn)", annotation.sampleMethod());
        }
        return Sampling.EVERY_ROW;
    }

    private static MissingValues missingValues(
            String origin, ModelTest annotation, Optional<String> projectMissingValues) {
        MissingValues missing = MissingValues.pandas();
        if (annotation.missingValues().length > 0) {
            missing = missing.withTokens(List.of(annotation.missingValues()));
        } else if (projectMissingValues.isPresent()) {
            missing = missing.withTokens(MissingValues.parseTokens(projectMissingValues.get()));
        }
        List<String> literal = List.of(annotation.literalColumns());
        Set<String> seen = new HashSet<>();
        for (String column : literal) {
            if (column.isBlank()) {
                throw ConfigurationException.badAttribute(
                        origin, "literalColumns", "must not contain blank names", literal);
            }
            if (!seen.add(column)) {
                throw ConfigurationException.badAttribute(
                        origin, "literalColumns", "names '" + column + "' twice", literal);
            }
        }
        return missing.withLiteralColumns(literal);
    }

    private static void requireText(String origin, String attribute, String value) {
        if (value.isBlank()) {
            throw ConfigurationException.badAttribute(origin, attribute, "must not be blank", "'" + value + "'");
        }
    }
}
