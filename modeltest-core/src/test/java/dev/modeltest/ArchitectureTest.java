package dev.modeltest;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module and package boundaries of modeltest-core: no package cycles (feature packages depend on the vocabulary in
 * {@code dev.modeltest.check}, never the reverse), public classes declare their API status, it knows nothing of JUnit
 * or reporting tools, and only the Smile adapter names
 * Smile, so that smile-core stays an optional dependency.
 */
class ArchitectureTest {

    private static final ArchRule NO_TEST_FRAMEWORK = noClasses()
            .that()
            .resideInAPackage("dev.modeltest..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.junit..", "org.opentest4j..", "io.qameta..")
            .because("modeltest-core is used by the JUnit extension, not the other way round");

    private static final ArchRule SMILE_ONLY_IN_ITS_ADAPTER = noClasses()
            .that()
            .resideInAPackage("dev.modeltest..")
            .and()
            .resideOutsideOfPackage("dev.modeltest.model.smile..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("smile..")
            .because("smile-core is optional: only dev.modeltest.model.smile may name its classes");

    /** The classes kept under their first names after they moved; they forward to the moved class until 0.2.0. */
    private static final DescribedPredicate<JavaClass> DEPRECATED_FORWARDERS =
            DescribedPredicate.describe("deprecated forwarders", c -> c.isAnnotatedWith(Deprecated.class));

    private static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.modeltest.(**)")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(DEPRECATED_FORWARDERS, alwaysTrue())
            .because("each feature package depends on the shared vocabulary in dev.modeltest.check, never the other way"
                    + " round; see docs/dev/architecture.md");

    private static final ArchRule PUBLIC_CLASSES_DECLARE_THEIR_STATUS = classes()
            .that()
            .resideInAPackage("dev.modeltest..")
            .and()
            .arePublic()
            .and()
            .areTopLevelClasses()
            .should()
            .beAnnotatedWith(API.class)
            .because("a public class is API (STABLE, EXPERIMENTAL, ...) or says it is not (INTERNAL), as in JUnit");

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.modeltest");
    }

    @Test
    void importsTheMainClassesOfModeltestCoreOnly() {
        // Guards the rules below against passing on an empty or wrong import.
        assertThat(core.contain("dev.modeltest.model.Predictor")).isTrue();
        assertThat(core.contain("dev.modeltest.model.smile.SmileModels")).isTrue();
        assertThat(core.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void coreDoesNotDependOnJUnitOpenTest4jOrAllure() {
        NO_TEST_FRAMEWORK.check(core);
    }

    @Test
    void onlyTheSmileAdapterDependsOnSmile() {
        SMILE_ONLY_IN_ITS_ADAPTER.check(core);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        NO_PACKAGE_CYCLES.check(core);
    }

    @Test
    void onlyTheMovedChecksAreExemptFromTheCycleRule() {
        // The exemption must not grow by accident: a new class that needs it is a new cycle.
        List<String> forwarders = core.stream()
                .filter(DEPRECATED_FORWARDERS)
                .map(JavaClass::getName)
                .sorted()
                .collect(Collectors.toList());
        assertThat(forwarders)
                .containsExactly(
                        "dev.modeltest.check.AccuracyCheck",
                        "dev.modeltest.check.LatencyCheck",
                        "dev.modeltest.check.OutputRangeCheck");
    }

    @Test
    void cycleRuleReportsACycle() {
        JavaClasses cycle = new ClassFileImporter()
                .importClasses(dev.modeltest.archfixture.left.Left.class, dev.modeltest.archfixture.right.Right.class);

        assertThat(NO_PACKAGE_CYCLES.evaluate(cycle).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("Cycle detected"));
    }

    @Test
    void publicClassesDeclareTheirApiStatus() {
        PUBLIC_CLASSES_DECLARE_THEIR_STATUS.check(core);
    }

    @Test
    void rulesReportAViolatingClass() {
        JavaClasses violators = new ClassFileImporter().importClasses(ArchitectureTest.class, UsesSmile.class);

        assertThat(NO_TEST_FRAMEWORK.evaluate(violators).hasViolation()).isTrue();
        assertThat(PUBLIC_CLASSES_DECLARE_THEIR_STATUS
                        .evaluate(new ClassFileImporter().importClasses(dev.modeltest.archfixture.left.Left.class))
                        .hasViolation())
                .isTrue();
        assertThat(SMILE_ONLY_IN_ITS_ADAPTER
                        .evaluate(violators)
                        .getFailureReport()
                        .getDetails())
                .anySatisfy(line -> assertThat(line).contains(UsesSmile.class.getName()));
    }

    /** A class outside the Smile adapter that names a Smile type. */
    static final class UsesSmile {
        smile.classification.Classifier<double[]> classifier;
    }
}
