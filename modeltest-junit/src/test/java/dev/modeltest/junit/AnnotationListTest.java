package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The "Every annotation" table of docs/annotations.md names every public annotation of {@code dev.modeltest.junit},
 * and each row links to a page that documents it, so the list cannot fall behind the code.
 */
class AnnotationListTest {

    /** Relative to the module's directory, where Surefire runs the tests. */
    static final Path DOCS = Path.of("../docs");

    static final String SECTION = "## Every annotation";
    static final Pattern ROW = Pattern.compile("^\\| `@(\\w+)` \\|.*\\|(.*)\\|$");
    static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]*)(?:#([^)\\s]*))?\\)");

    @Test
    void everyPublicAnnotationOfThePackageIsListed() throws Exception {
        Set<String> shipped = publicAnnotations();
        assertThat(shipped)
                .as("annotations found on the class path")
                .contains("ModelTest", "AccuracyAtLeast", "NoDrift");

        Set<String> missing = new TreeSet<>(shipped);
        missing.removeAll(listed().keySet());

        assertThat(missing)
                .as("public annotations of dev.modeltest.junit not listed under '%s' in docs/annotations.md", SECTION)
                .isEmpty();
    }

    @Test
    void everyListedAnnotationIsShipped() throws Exception {
        Set<String> stale = new TreeSet<>(listed().keySet());
        stale.removeAll(publicAnnotations());

        assertThat(stale)
                .as("rows under '%s' in docs/annotations.md naming no public annotation", SECTION)
                .isEmpty();
    }

    @Test
    void everyRowLinksToAPageThatDocumentsItsAnnotation() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, String> row : listed().entrySet()) {
            String annotation = "@" + row.getKey();
            Matcher link = LINK.matcher(row.getValue());
            boolean documented = false;
            int links = 0;
            while (link.find()) {
                links++;
                Path page = link.group(1).isEmpty() ? DOCS.resolve("annotations.md") : DOCS.resolve(link.group(1));
                if (!Files.isRegularFile(page)) {
                    broken.add(annotation + ": no page " + link.group(1));
                    continue;
                }
                String text = Files.readString(page);
                if (link.group(2) != null && !anchors(text).contains(link.group(2))) {
                    broken.add(annotation + ": no heading #" + link.group(2) + " in " + page.getFileName());
                }
                documented |= text.contains("`" + annotation);
            }
            if (links == 0) {
                broken.add(annotation + ": no link");
            } else if (!documented) {
                broken.add(annotation + ": not named on any linked page");
            }
        }

        assertThat(broken).as("rows under '%s' in docs/annotations.md", SECTION).isEmpty();
    }

    /** The rows of the "Every annotation" table: annotation name (without {@code @}) to its last cell, the links. */
    static Map<String, String> listed() throws IOException {
        String page = Files.readString(DOCS.resolve("annotations.md"));
        int start = page.indexOf("\n" + SECTION + "\n");
        assertThat(start).as("section '%s' in docs/annotations.md", SECTION).isNotNegative();
        int end = page.indexOf("\n## ", start + 1);
        String section = end < 0 ? page.substring(start) : page.substring(start, end);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertThat(rows.put(row.group(1), row.group(2)))
                        .as("@%s listed twice", row.group(1))
                        .isNull();
            }
        }
        return rows;
    }

    /** Simple names of the public annotation types compiled into this module's {@code dev.modeltest.junit}. */
    static Set<String> publicAnnotations() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(ModelTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path dir = classes.resolve("dev/modeltest/junit");
        assertThat(dir).as("the module's compiled classes").isDirectory();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class"))
                    .forEach(f -> names.add(f.substring(0, f.length() - ".class".length())));
        }
        Set<String> annotations = new TreeSet<>();
        for (String name : names) {
            Class<?> type = Class.forName("dev.modeltest.junit." + name, false, ModelTest.class.getClassLoader());
            if (type.isAnnotation() && Modifier.isPublic(type.getModifiers())) {
                annotations.add(type.getSimpleName());
            }
        }
        return annotations;
    }

    /** GitHub's anchors for the headings of a Markdown page (fenced blocks left out). */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.matches("#{1,6} .*")) {
                String heading = line.replaceFirst("#+ ", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
