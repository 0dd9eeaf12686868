package dev.modeltest.check;

import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A file a check offers to reports: a chart (PNG), a table (CSV, HTML) or data (JSON). The content is made only when
 * a report asks for it, so runs without a report pay nothing for charts.
 *
 * @param name what a reader sees, e.g. {@code confusion matrix}
 * @param mediaType the MIME type, e.g. {@code image/png}
 * @param extension the file extension without the dot, e.g. {@code png}
 * @param content makes the bytes; called at most once per report
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Attachment(String name, String mediaType, String extension, Supplier<byte[]> content) {

    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(content, "content");
    }

    /** A PNG picture. */
    public static Attachment png(String name, Supplier<byte[]> content) {
        return new Attachment(name, "image/png", "png", content);
    }

    /** A CSV table, which Allure shows as a table. */
    public static Attachment csv(String name, Supplier<String> content) {
        return new Attachment(
                name, "text/csv", "csv", () -> content.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * An HTML page, e.g. a table for people ({@code dev.modeltest.report.HtmlTable}), which Allure shows as a page.
     *
     * @since 0.1.0
     */
    public static Attachment html(String name, Supplier<String> content) {
        return new Attachment(
                name, "text/html", "html", () -> content.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A JSON document. */
    public static Attachment json(String name, Supplier<String> content) {
        return new Attachment(
                name,
                "application/json",
                "json",
                () -> content.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
