package dev.modeltest.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LeakageCheck}: test rows whose features also appear in the training data. */
class LeakageCheckTest {

    private static final String WHERE = "@NoLeakage on IrisTest.unseen()";

    private static final String TRAIN = "x1,x2,label\n0.1,1,a\n0.2,2,b\n0.3,,a\n0.2,2,a\n";

    /** Rows 1, 3 and 4 have the features of training rows 1, 3 and 2; row 2 is new. Labels do not matter. */
    private static final String TEST = "x1,x2,label,pred\n0.1,1.0,b,a\n0.5,5,a,a\n0.3,,a,a\n0.2,2,b,b\n";

    @TempDir
    Path dir;

    private String write(String name, String csv) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, csv);
        return path.toString();
    }

    private Subject subject(String csv) throws IOException {
        return Subject.of(new SubjectSpec(
                "@ModelTest on IrisTest",
                write("test.csv", csv),
                "label",
                new ModelSource.Columns("pred", List.of()),
                List.of(),
                null));
    }

    @Test
    void passesWhenNoTestRowIsInTheTrainingData() throws IOException {
        LeakageCheck check = new LeakageCheck(WHERE, write("train.csv", TRAIN));

        CheckResult result = check.run(subject("x1,x2,label,pred\n0.1,2,a,a\n0.9,1,a,a\n"));

        assertThat(result.passed()).isTrue();
        assertThat(result.check()).isEqualTo("no-leakage");
        assertThat(result.family()).isEqualTo(Family.DATA);
        assertThat(result.measured()).isZero();
        assertThat(result.n()).isEqualTo(2);
        assertThat(result.title()).isEqualTo("no rows of test.csv in train.csv");
        assertThat(result.message())
                .isEqualTo("Expecting no row of test.csv (n=2) to appear in the training data train.csv (n=4),"
                        + " comparing 2 feature(s): x1, x2\nand none does.");
    }

    @Test
    void failsListingEachLeakedRowWithTheTrainingRowItMatches() throws IOException {
        LeakageCheck check = new LeakageCheck(WHERE, write("train.csv", TRAIN));

        CheckResult result = check.run(subject(TEST));

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isEqualTo(3);
        assertThat(result.message()).isEqualTo("""
                        Expecting no row of test.csv (n=4) to appear in the training data train.csv (n=4), \
                        comparing 2 feature(s): x1, x2
                        but 3 test row(s) do (0.7500 of the test rows):
                          test row 1 = train row 1: x1=0.1, x2=1
                          test row 3 = train row 3: x1=0.3, x2=missing
                          test row 4 = train row 2: x1=0.2, x2=2""");
        assertThat(result.details())
                .containsEntry("trainRows", 4)
                .containsEntry("features", List.of("x1", "x2"))
                .containsEntry("leakedRows", 3L)
                .containsEntry("leakedFraction", 0.75);
        assertThat(result.details().get("firstLeaks"))
                .isEqualTo(List.of(
                        Map.of("testRow", 1, "trainRow", 1, "values", "x1=0.1, x2=1"),
                        Map.of("testRow", 3, "trainRow", 3, "values", "x1=0.3, x2=missing"),
                        Map.of("testRow", 4, "trainRow", 2, "values", "x1=0.2, x2=2")));
    }

    @Test
    void comparesAsTextWhenOneSideReadsAColumnAsText() throws IOException {
        LeakageCheck check = new LeakageCheck(WHERE, write("train.csv", "x1,label\n1,a\n2.5,a\n"));

        CheckResult result = check.run(subject("x1,label,pred\n1.0,a,a\nabc,a,a\n2.5,b,a\n"));

        assertThat(result.measured()).isEqualTo(1);
        assertThat(result.message()).endsWith("\n  test row 3 = train row 2: x1='2.5'");
    }

    @Test
    void rejectsAnEmptyTrainingDataLocation() {
        assertThatThrownBy(() -> new LeakageCheck(WHERE, " "))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NoLeakage on IrisTest.unseen(): 'train' must name the training data file, was ' '");
    }

    @Test
    void reportsAMissingTrainingDataFileWhenTheCheckIsCreated() {
        String location = dir.resolve("nope.csv").toString();

        assertThatThrownBy(() -> new LeakageCheck(WHERE, location))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NoLeakage on IrisTest.unseen(): training data file '" + location + "' does not exist"
                        + " (looked at " + location + ")");
    }

    @Test
    void reportsAFeatureTheTrainingDataLacks() throws IOException {
        LeakageCheck check = new LeakageCheck(WHERE, write("train.csv", "x1,widht,label\n0.1,1,a\n"));
        Subject subject = subject("x1,width,label,pred\n0.1,1,a,a\n");

        assertThatThrownBy(() -> check.run(subject))
                .isInstanceOf(DataException.class)
                .hasMessage("@NoLeakage on IrisTest.unseen(): training data: data set train.csv has no feature column"
                        + " 'width' (did you mean 'widht'?); its columns are x1, widht, label");
    }
}
