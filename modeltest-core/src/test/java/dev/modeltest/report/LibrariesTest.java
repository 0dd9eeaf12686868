package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibrariesTest {

    @Test
    void listsTheVersionsOfLibrariesOnTheClassPath() {
        assertThat(Libraries.versions())
                .containsEntry(
                        "lib.junit-jupiter",
                        org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion())
                .containsKey("lib.tablesaw")
                .containsKey("lib.smile");
        assertThat(Libraries.versions().get("lib.tablesaw")).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void leavesOutLibrariesThatAreAbsent() {
        assertThat(Libraries.versions()).doesNotContainKeys("lib.onnxruntime", "lib.tribuo", "lib.allure");
    }
}
