package dev.modeltest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries of modeltest-core: it knows nothing of JUnit or reporting tools, and only the Smile adapter names
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
    void rulesReportAViolatingClass() {
        JavaClasses violators = new ClassFileImporter().importClasses(ArchitectureTest.class, UsesSmile.class);

        assertThat(NO_TEST_FRAMEWORK.evaluate(violators).hasViolation()).isTrue();
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
