package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a model page as a browser would read it: well formed, self-contained, every chart a picture. */
final class PageHtml {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\b(src|href|action|data)\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> VOID = Set.of("meta", "img", "br", "hr", "link", "input");

    private PageHtml() {}

    /** Every non-void element closed in order; one html, head and body; every link lands on the page. */
    static void assertValid(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(html.substring(html.indexOf("<html")));
        while (m.find()) {
            String name = m.group(2).toLowerCase();
            if (VOID.contains(name)) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertThat(open).as("open elements when </%s> comes", name).isNotEmpty();
                assertThat(open.pop()).as("the element </%s> closes", name).isEqualTo(name);
            }
        }
        assertThat(open).as("elements left open").isEmpty();
        assertThat(html.split("<body>", -1)).hasSize(2);
        // Nothing the browser would fetch: no script, no style sheet link, every URL a data: URL or a fragment.
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("url(")
                .doesNotContain("@import")
                .doesNotContainPattern("(?i)https?://");
        Matcher u = URL_ATTRIBUTE.matcher(html);
        while (u.find()) {
            if (u.group(1).equals("href")) {
                assertThat(u.group(2)).as("a link").startsWith("#");
                assertThat(html)
                        .as("the target of %s", u.group(2))
                        .contains(" id=\"" + u.group(2).substring(1) + "\"");
            } else {
                assertThat(u.group(2)).as("a %s attribute", u.group(1)).startsWith("data:image/png;base64,");
            }
        }
    }

    /** The kinds of the charts drawn on the page, in order (a chart that could not be drawn is not counted). */
    static List<String> charts(String html) {
        List<String> kinds = new ArrayList<>();
        Matcher m = Pattern.compile("<figure class=\"chart\" data-chart=\"([a-z-]+)\"><img ")
                .matcher(html);
        while (m.find()) {
            kinds.add(m.group(1));
        }
        return kinds;
    }
}
