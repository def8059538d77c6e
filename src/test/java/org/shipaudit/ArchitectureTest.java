package org.shipaudit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package boundaries of STYLE.md true by scanning imports: each library stays in the package that owns it,
 * and nothing but the command line depends on the HTTP or CLI packages.
 */
class ArchitectureTest {

    static final Path MAIN = Path.of("src/main/java/org/shipaudit");

    /** Import prefix -> the packages (relative to org.shipaudit) allowed to use it. */
    static final Map<String, List<String>> OWNERS = Map.of(
            // bench drives the server with Vert.x core's HTTP client; Vert.x Web stays in http (STYLE.md).
            "io.vertx.", List.of("http", "bench"),
            "org.kie.", List.of("rules"),
            "org.drools.", List.of("rules"),
            "org.apache.lucene.", List.of("reference"),
            "org.apache.poi.", List.of("sheets"),
            "org.shipaudit.http.", List.of("cli"),
            "org.shipaudit.cli.", List.of(""));

    @Test
    void librariesStayInThePackagesThatOwnThem() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    String imported = line.replace("import static ", "").replace("import ", "");
                    OWNERS.forEach((prefix, owners) -> {
                        boolean allowed = owners.stream().anyMatch(o -> o.equals(pkg) || !o.isEmpty() && pkg.startsWith(o + "."));
                        if (imported.startsWith(prefix) && !allowed && !imported.startsWith("org.shipaudit." + pkg + ".")) {
                            violations.add(f + ": " + line.trim());
                        }
                    });
                }
            }
        }
        assertTrue(violations.isEmpty(), () -> "imports outside their owning package:\n" + String.join("\n", violations));
    }
}
