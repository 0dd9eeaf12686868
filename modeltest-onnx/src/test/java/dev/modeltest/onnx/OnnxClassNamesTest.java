package dev.modeltest.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.ModelException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link OnnxClassNames} takes the class names from the graph first, then the metadata property {@code classes}, then
 * the probability columns, and fails saying what it looked for when nothing names at least two distinct classes.
 */
class OnnxClassNamesTest {

    private static final Optional<OnnxGraph.Labels> NO_LABELS = Optional.empty();

    @Test
    void graphLabelsComeBeforeMetadata() {
        OnnxClassNames names = OnnxClassNames.find(
                "m",
                Optional.of(new OnnxGraph.Labels(List.of("a", "b"), "the classlabels_strings of its ZipMap node")),
                Map.of("classes", "x,y"),
                "output_probability",
                -1);

        assertThat(names.names()).containsExactly("a", "b");
        assertThat(names.source()).isEqualTo("the classlabels_strings of its ZipMap node");
        assertThat(names.indexOf("b")).isEqualTo(1);
        assertThat(names.indexOf("x")).isNull();
    }

    @Test
    void metadataClassesAreReadAsAJsonArray() {
        OnnxClassNames names =
                OnnxClassNames.find("m", NO_LABELS, Map.of("classes", " [\"no\", \"yes\"] "), "probabilities", 2);

        assertThat(names.names()).containsExactly("no", "yes");
        assertThat(names.source()).isEqualTo("its metadata property 'classes'");
    }

    @Test
    void metadataClassesAreReadAsCommaSeparatedNames() {
        OnnxClassNames names = OnnxClassNames.find("m", NO_LABELS, Map.of("classes", "low, mid ,high"), null, -1);

        assertThat(names.names()).containsExactly("low", "mid", "high");
    }

    @Test
    void metadataClassesThatAreNotJsonFail() {
        assertThatThrownBy(() -> OnnxClassNames.find("m", NO_LABELS, Map.of("classes", "[\"a\","), null, -1))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("m: its metadata property 'classes' is not a JSON array of names: ");
    }

    @Test
    void metadataClassesMustMatchTheProbabilityColumns() {
        assertThatThrownBy(() -> OnnxClassNames.find("m", NO_LABELS, Map.of("classes", "a,b"), "probabilities", 3))
                .isInstanceOf(ModelException.class)
                .hasMessage("m: its metadata property 'classes' names 2 classes [a, b], but its output"
                        + " 'probabilities' has 3 probability columns");
    }

    @Test
    void probabilityColumnsNameTheClassesWhenNothingElseDoes() {
        OnnxClassNames names = OnnxClassNames.find("m", NO_LABELS, Map.of(), "probabilities", 3);

        assertThat(names.names()).containsExactly("0", "1", "2");
        assertThat(names.source())
                .isEqualTo("the column indexes of its output 'probabilities' (no node or metadata names the classes)");
    }

    @Test
    void probabilityOutputWithAFreeNumberOfColumnsNamesNoClasses() {
        assertThatThrownBy(() -> OnnxClassNames.find("m", NO_LABELS, Map.of(), "probabilities", -1))
                .isInstanceOf(ModelException.class)
                .hasMessage("m is a classifier, but nothing in it names its classes: no ZipMap or classifier node with"
                        + " class labels, no metadata property 'classes', and its probability output 'probabilities'"
                        + " has no fixed number of columns. Add the metadata property classes, e.g. [\"setosa\","
                        + " \"versicolor\", \"virginica\"]");
    }

    @Test
    void repeatedClassNamesFail() {
        assertThatThrownBy(() -> OnnxClassNames.find("m", NO_LABELS, Map.of("classes", "a,a"), null, -1))
                .isInstanceOf(ModelException.class)
                .hasMessage("m: a classifier needs at least two distinct class names, its metadata property 'classes'"
                        + " gives [a, a]");
    }

    @Test
    void aRegressorHasNoClasses() {
        assertThat(OnnxClassNames.none().names()).isEmpty();
        assertThat(OnnxClassNames.none().size()).isZero();
    }
}
