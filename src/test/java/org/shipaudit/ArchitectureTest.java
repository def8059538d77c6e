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

    /**
     * JDBC stays in {@code store} (STYLE.md); {@code jobs.JobStore} is the one exception for now, the job queue's own
     * tables, until it moves behind {@code store}.
     */
    static final List<String> JDBC_ALLOWED = List.of("store/", "jobs/JobStore.java");

    @Test
    void librariesStayInThePackagesThatOwnThem() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String code = line.startsWith("import ") ? line.replace("import static ", "").replace("import ", "")
                        : line.startsWith("package ") ? "" : codeOf(line);
                for (Map.Entry<String, List<String>> owner : OWNERS.entrySet()) {
                    // An import, or a fully qualified name in code, both count: a library is used either way.
                    if (uses(code, owner.getKey(), line.startsWith("import ")) && !allowed(pkg, owner.getValue())
                            && !owner.getKey().startsWith("org.shipaudit." + pkg + ".")) {
                        violations.add(f + ":" + (i + 1) + ": " + line.trim());
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), () -> "libraries outside their owning package:\n" + String.join("\n", violations));
    }

    @Test
    void jdbcIsUsedOnlyByTheStoreAndTheJobStore() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            String rel = MAIN.relativize(f).toString();
            if (JDBC_ALLOWED.stream().anyMatch(rel::startsWith)) {
                continue;
            }
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String code = line.startsWith("import ") ? line : codeOf(line);
                if (code.contains("java.sql.") || code.contains("javax.sql.")) {
                    violations.add(f + ":" + (i + 1) + ": " + line.trim());
                }
            }
        }
        assertTrue(violations.isEmpty(), () -> "JDBC outside store and jobs.JobStore:\n" + String.join("\n", violations));
    }

    @Test
    void countsAFullyQualifiedNameInCodeButNotInAStringOrComment() {
        assertTrue(uses(codeOf("        var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();"), "org.apache.poi.", false));
        assertTrue(!uses(codeOf("        deny(\"org.apache.poi.\"); // org.apache.poi.x"), "org.apache.poi.", false));
        assertTrue(!uses(codeOf("     * see {@link org.apache.poi.ss.usermodel.Row}"), "org.apache.poi.", false));
        assertTrue(codeOf("        java.sql.Connection c = null;").contains("java.sql."));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static boolean allowed(String pkg, List<String> owners) {
        return owners.stream().anyMatch(o -> o.equals(pkg) || !o.isEmpty() && pkg.startsWith(o + "."));
    }

    private static boolean uses(String code, String prefix, boolean isImport) {
        if (isImport) {
            return code.startsWith(prefix);
        }
        int at = code.indexOf(prefix);
        // A qualified name, not the tail of a longer one (my.org.kie.X).
        return at >= 0 && (at == 0 || !Character.isJavaIdentifierPart(code.charAt(at - 1)) && code.charAt(at - 1) != '.');
    }

    /** A line of Java without its comments and string literals (a deny-list naming "java.sql." uses nothing). */
    static String codeOf(String line) {
        String t = line.trim();
        if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) {
            return "";
        }
        String noStrings = line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        int comment = noStrings.indexOf("//");
        return comment >= 0 ? noStrings.substring(0, comment) : noStrings;
    }
}
