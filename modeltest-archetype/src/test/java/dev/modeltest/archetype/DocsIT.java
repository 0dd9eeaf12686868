package dev.modeltest.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The set-up the docs show, run as written: the complete pom and test class of docs/getting-started.md, and the Allure
 * part of docs/reports.md added to it. The snippets are read from the Markdown (the fenced block after a
 * {@code <!-- tested: <file> -->} line), so a doc that no longer works fails the build.
 */
class DocsIT {

    static final Path DOCS = Paths.get(System.getProperty("it.docs", "../docs"));
    static final Path SCORED =
            DOCS.resolve("../modeltest-archetype/src/main/resources/archetype-resources/src/test/resources/scored.csv");
    static final String TEST_CLASS = "src/test/java/com/example/ChurnModelTest.java";

    @Test
    void theGettingStartedPomAndTestClassRunTheirGatesAsWritten() {
        Map<String, String> snippets = tested(DOCS.resolve("getting-started.md"));
        assertThat(snippets).containsOnlyKeys("pom.xml", TEST_CLASS);
        Path project = project("getting-started", snippets);

        MavenRun.Result result = MavenRun.run(project, "docs-getting-started", "verify");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        String claimed = claimedTestsRun(MavenRun.read(DOCS.resolve("getting-started.md")));
        assertThat(claimed).isEqualTo("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(result.output())
                .contains(claimed)
                .contains("modeltest: 4 checks: 4 passed")
                .doesNotContain("No SLF4J providers");
    }

    @Test
    void theGettingStartedPomCannotPassEmptyEvenWithSurefireLeftUnpinned() {
        Map<String, String> snippets = new LinkedHashMap<>(tested(DOCS.resolve("getting-started.md")));
        String pom = snippets.get("pom.xml");
        String unpinned = pom.replaceAll(
                "(?s)\\s*<plugin>\\s*<groupId>org.apache.maven.plugins</groupId>\\s*"
                        + "<artifactId>maven-surefire-plugin</artifactId>.*?</plugin>",
                "");
        assertThat(unpinned).doesNotContain("maven-surefire-plugin").contains("maven-compiler-plugin");
        snippets.put("pom.xml", unpinned);
        Path project = project("getting-started-unpinned", snippets);

        MavenRun.Result result = MavenRun.run(project, "docs-getting-started-unpinned", "verify");

        if (result.output().contains("maven-surefire-plugin:2.12.4:test")) {
            // Maven 3.8's default Surefire: it runs no JUnit 5 test; failIfNoTests turns that into a failure.
            assertThat(result.exitCode()).as(result.describe()).isNotZero();
            assertThat(result.output()).contains("No tests were executed!").contains("BUILD FAILURE");
        } else {
            // A Maven whose default Surefire runs JUnit 5 (3.9 and later): the checks run.
            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.output()).contains("Tests run: 4, Failures: 0");
        }
    }

    @Test
    void theAllureSetUpWritesTheReportWhenAGateFailsAndStillFailsTheBuild() throws Exception {
        Map<String, String> snippets = new LinkedHashMap<>(tested(DOCS.resolve("getting-started.md")));
        Map<String, String> allure = tested(DOCS.resolve("reports.md"));
        assertThat(allure).containsOnlyKeys("merge into pom.xml", "src/test/resources/allure.properties");
        snippets.put("pom.xml", merge(snippets.get("pom.xml"), allure.get("merge into pom.xml")));
        snippets.put("src/test/resources/allure.properties", allure.get("src/test/resources/allure.properties"));
        String test = snippets.get(TEST_CLASS);
        assertThat(test).contains("@AccuracyAtLeast(0.80)");
        snippets.put(TEST_CLASS, test.replace("@AccuracyAtLeast(0.80)", "@AccuracyAtLeast(0.95)"));
        Path project = project("reports-allure", snippets);

        MavenRun.Result result = MavenRun.run(project, "docs-reports-allure", "verify");

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.output())
                .contains("Tests run: 4, Failures: 1, Errors: 0, Skipped: 0")
                .contains("Report successfully generated")
                .contains("modeltest: HTML report in " + project.resolve("target/site/allure-maven-plugin/index.html"))
                .contains("Quality gates failed")
                .doesNotContain("OutputDirectoryCreator");
        assertThat(project.resolve("target/site/allure-maven-plugin/index.html"))
                .exists();
        assertThat(ArchetypeIT.reportedTestCases(project)).isEqualTo(4);
    }

    /** The snippets marked {@code <!-- tested: <name> -->} in a Markdown file, by name. */
    static Map<String, String> tested(Path markdown) {
        Map<String, String> snippets = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<!-- tested: ([^>]+?) -->\\n```[a-z]*\\n(.*?)\\n```\\n", Pattern.DOTALL)
                .matcher(MavenRun.read(markdown));
        while (m.find()) {
            assertThat(snippets.put(m.group(1), m.group(2) + "\n"))
                    .as("two snippets for " + m.group(1))
                    .isNull();
        }
        return snippets;
    }

    /** The "Tests run: ..." line the doc says {@code mvn verify} prints. */
    static String claimedTestsRun(String markdown) {
        Matcher m = Pattern.compile("`mvn verify` runs the \\w+ checks \\(`(Tests run: [^`]+)`\\)")
                .matcher(markdown.replace("\n", " "));
        assertThat(m.find())
                .as("the getting-started page says what mvn verify prints")
                .isTrue();
        return m.group(1);
    }

    static Path project(String name, Map<String, String> files) {
        Path project = MavenRun.work().resolve("docs").resolve(name).toAbsolutePath();
        MavenRun.delete(project);
        files.forEach((file, text) -> MavenRun.write(project.resolve(file), text));
        try {
            Files.createDirectories(project.resolve("src/test/resources"));
            Files.copy(SCORED, project.resolve("src/test/resources/scored.csv"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return project;
    }

    /**
     * Adds a pom fragment to a pom as the docs say: each element of the fragment goes into the pom's element of the
     * same name; lists (properties, dependencies, plugins) get the fragment's entries after their own.
     */
    static String merge(String pom, String fragment) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document project = factory.newDocumentBuilder().parse(new InputSource(new StringReader(pom)));
        Document part = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader("<fragment>" + fragment + "</fragment>")));
        mergeInto(project, project.getDocumentElement(), part.getDocumentElement());
        StringWriter out = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
        transformer.transform(new DOMSource(project), new StreamResult(out));
        return out.toString();
    }

    private static void mergeInto(Document document, Element target, Element source) {
        for (Node child = source.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element)) {
                continue;
            }
            Element existing = childNamed(target, element.getTagName());
            boolean list = switch (element.getTagName()) {
                case "properties", "dependencies", "plugins" -> true;
                default -> false;
            };
            if (existing == null) {
                target.appendChild(document.importNode(element, true));
            } else if (list) {
                for (Node entry = element.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                    existing.appendChild(document.importNode(entry, true));
                }
            } else {
                mergeInto(document, existing, element);
            }
        }
    }

    private static Element childNamed(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
