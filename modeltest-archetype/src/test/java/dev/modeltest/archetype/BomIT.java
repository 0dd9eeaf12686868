package dev.modeltest.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM lists every module the project publishes, at the project's version, and imports JUnit's BOM first. */
class BomIT {

    static final Path ROOT = Paths.get(System.getProperty("it.docs", "../docs")).resolve("..");

    @Test
    void listsEveryPublishedModuleAtTheProjectVersion() {
        String parent = MavenRun.read(ROOT.resolve("pom.xml"));
        String bom = MavenRun.read(ROOT.resolve("modeltest-bom/pom.xml"));

        List<String> published = new ArrayList<>();
        for (String module : all(parent, "<module>([^<]+)</module>")) {
            String pom = MavenRun.read(ROOT.resolve(module).resolve("pom.xml"));
            boolean notInstalled =
                    pom.contains("<artifactId>maven-install-plugin</artifactId>") && pom.contains("<skip>true</skip>");
            boolean library = !pom.contains("<packaging>");
            if (library && !notInstalled) {
                published.add(module);
            }
        }
        assertThat(published).contains("modeltest-core", "modeltest-junit").doesNotContain("modeltest-examples");
        assertThat(all(
                        bom.substring(bom.indexOf("<dependencyManagement>")),
                        "<artifactId>(modeltest-[^<]+)</artifactId>"))
                .containsExactlyInAnyOrderElementsOf(published);
        assertThat(first(bom, "<version>([^<]+)</version>")).isEqualTo(System.getProperty("it.modeltestVersion"));
        assertThat(bom).doesNotContain("<parent>");
    }

    @Test
    void importsJUnitsBomBeforeAnyModule() {
        String bom = MavenRun.read(ROOT.resolve("modeltest-bom/pom.xml"));
        String management = bom.substring(bom.indexOf("<dependencyManagement>"));

        assertThat(management.indexOf("<artifactId>junit-bom</artifactId>"))
                .isPositive()
                .isLessThan(management.indexOf("<artifactId>modeltest-core</artifactId>"));
        assertThat(first(bom, "<junit.version>([^<]+)</junit.version>"))
                .isEqualTo(first(MavenRun.read(ROOT.resolve("pom.xml")), "<junit.version>([^<]+)</junit.version>"));
    }

    static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1).trim());
        }
        return found;
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
