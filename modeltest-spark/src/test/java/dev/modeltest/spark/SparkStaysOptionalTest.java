package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Spark stays optional: the modules a user adds for JUnit tests declare no Spark or Scala dependency, and this module
 * declares Spark as provided (the cluster's own), so adding it never brings a second Spark onto a cluster. Read from
 * the poms, so that a dependency added to core or junit fails here before it reaches a user.
 */
class SparkStaysOptionalTest {

    /** The modules without Spark: everything a JUnit user depends on. */
    private static final List<String> WITHOUT_SPARK = List.of("modeltest-core", "modeltest-junit", "modeltest-bom");

    @Test
    void coreAndJunitDeclareNoSparkOrScalaDependency() throws Exception {
        for (String module : WITHOUT_SPARK) {
            List<String> dependencies = dependencies(Path.of("..", module, "pom.xml"));
            assertThat(dependencies).as(module).isNotEmpty();
            assertThat(dependencies)
                    .as(module)
                    .noneMatch(d -> d.startsWith("org.apache.spark:") || d.startsWith("org.scala-lang:"));
        }
    }

    @Test
    void thisModuleTakesSparkFromTheCluster() throws Exception {
        assertThat(dependencies(Path.of("pom.xml")))
                .filteredOn(d -> d.startsWith("org.apache.spark:"))
                .containsExactly("org.apache.spark:spark-sql_2.13:provided");
    }

    /** Every declared dependency (managed ones too) as {@code groupId:artifactId:scope}. */
    private static List<String> dependencies(Path pom) throws Exception {
        assertThat(pom).exists();
        Document doc;
        try (var in = Files.newInputStream(pom)) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList nodes = doc.getElementsByTagName("dependency");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element d = (Element) nodes.item(i);
            String scope = text(d, "scope");
            out.add(text(d, "groupId") + ":" + text(d, "artifactId") + ":" + (scope.isEmpty() ? "compile" : scope));
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().trim();
    }
}
