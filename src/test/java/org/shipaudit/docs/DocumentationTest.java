package org.shipaudit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shipaudit.config.ConfigKey;

/**
 * The documentation says what the code does: every configuration key with its default and variable, every route
 * served, and no link in the README or under src/site/markdown pointing at a file that is not there. A key or route
 * added without its line fails here, naming it.
 */
class DocumentationTest {

    static final Path SITE = Path.of("src/site/markdown");

    @Test
    void everyConfigurationKeyIsDocumentedWithItsDefaultAndVariable() throws IOException {
        String doc = Files.readString(SITE.resolve("configuration.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (ConfigKey k : ConfigKey.values()) {
            // One table row: | `key` | `ENV` | `default...` | meaning |
            Pattern row = Pattern.compile("^\\| `" + Pattern.quote(k.key()) + "` \\| `" + Pattern.quote(k.envName())
                    + "` \\| ([^|]*) \\|", Pattern.MULTILINE);
            Matcher m = row.matcher(doc);
            if (!m.find()) {
                missing.add(k.key() + " (no row: | `" + k.key() + "` | `" + k.envName() + "` | default | meaning |)");
            } else if (!k.defaultValue().isEmpty() && !m.group(1).contains("`" + k.defaultValue() + "`")) {
                missing.add(k.key() + " (default `" + k.defaultValue() + "` not in its row: " + m.group(1).trim() + ")");
            }
        }
        assertEquals(List.of(), missing, "configuration.md");
    }

    @Test
    void everyRouteServedIsInTheApiGuide() throws IOException {
        String routes = Files.readString(Path.of("src/main/java/org/shipaudit/http/Routes.java"), StandardCharsets.UTF_8);
        String guide = Files.readString(SITE.resolve("api-guide.md"), StandardCharsets.UTF_8);
        java.util.Set<String> documented = new java.util.TreeSet<>();
        // `GET /v1/audits?shipmentId=&...`, `GET /v1/rule-packs/{name}/versions/{v}[/files/{path}]`: the query
        // dropped, an optional [part] read both with and without it, parameter names ignored.
        Matcher d = Pattern.compile("`(GET|POST|PUT|DELETE) (/[^`?\\s]*)").matcher(guide);
        while (d.find()) {
            String path = d.group(2);
            Matcher opt = Pattern.compile("\\[([^\\]]*)\\]").matcher(path);
            documented.add(d.group(1) + " " + normal(opt.replaceAll("")));
            documented.add(d.group(1) + " " + normal(path.replace("[", "").replace("]", "")));
        }
        Matcher m = Pattern.compile("router\\.(get|post|put|delete)\\(\"([^\"]+)\"\\)").matcher(routes);
        List<String> missing = new ArrayList<>();
        int n = 0;
        while (m.find()) {
            n++;
            String route = m.group(1).toUpperCase(Locale.ROOT) + " "
                    + normal(m.group(2).replaceAll(":\\w+", "{}").replaceAll("/\\*$", "/{}"));
            if (!documented.contains(route)) {
                missing.add(route);
            }
        }
        assertTrue(n > 20, "read the route table: " + n);
        assertEquals(List.of(), missing, "routes not in api-guide.md (as `METHOD /path`)");
    }

    private static String normal(String path) {
        return path.replaceAll("\\{[^}]*\\}", "{}");
    }

    @Test
    void linksPointAtFilesThatExist() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("README.md"));
        try (Stream<Path> s = Files.list(SITE)) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        List<String> broken = new ArrayList<>();
        for (Path doc : docs) {
            Matcher m = link.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http:") || target.startsWith("https:")) {
                    continue;
                }
                if (!Files.exists(doc.toAbsolutePath().getParent().resolve(target).normalize())) {
                    broken.add(doc + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theReadmeStaysShort() throws IOException {
        long size = Files.size(Path.of("README.md"));
        // About 8 KB, with room for the short sections features add (a few lines and a link each).
        assertTrue(size < 14_000, "README.md is " + size + " bytes: move detail into src/site/markdown/");
    }
}
