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
 * nothing but the command line depends on the HTTP or CLI packages, the benchmark harness lives in its own source set
 * and the fact model keeps what rules name in its root package.
 */
class ArchitectureTest {

    static final Path MAIN = Path.of("src/main/java/org/shipaudit");
    /** The benchmark harness's source set (pom.xml, bench-compile): never in the service jar. */
    static final Path BENCH = Path.of("src/bench/java/org/shipaudit");
    static final Path MODEL = MAIN.resolve("model");

    /** Import prefix -> the packages (relative to org.shipaudit) allowed to use it. */
    static final Map<String, List<String>> OWNERS = Map.of(
            // bench drives the server with Vert.x core's HTTP client; Vert.x Web stays in http (STYLE.md).
            "io.vertx.", List.of("http", "bench"),
            "org.kie.", List.of("rules"),
            "org.drools.", List.of("rules"),
            "org.apache.lucene.", List.of("reference"),
            "org.apache.poi.", List.of("sheets"),
            "org.shipaudit.http.", List.of("cli"),
            // bench: the bench jar's entry point (BenchMain) adds the bench commands to the command line.
            "org.shipaudit.cli.", List.of("", "bench"));

    /**
     * JDBC stays in {@code store} (STYLE.md); {@code jobs.JobStore} is the one exception for now, the job queue's own
     * tables, until it moves behind {@code store}.
     */
    static final List<String> JDBC_ALLOWED = List.of("store/", "jobs/JobStore.java");

    @Test
    void librariesStayInThePackagesThatOwnThem() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> all = new ArrayList<>(sources());
        all.addAll(sources(BENCH));
        for (Path f : all) {
            String pkg = (f.startsWith(BENCH) ? BENCH : MAIN).relativize(f.getParent()).toString().replace('/', '.');
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

    @Test
    void theServiceSourcesHoldNoBenchmarkHarness() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            String rel = MAIN.relativize(f).toString();
            if (rel.startsWith("bench/") || rel.startsWith("cli/Bench")) {
                violations.add(f + ": belongs in " + BENCH.resolve(rel) + " (run move.sh, issue 19)");
            }
        }
        assertTrue(violations.isEmpty(), () -> "bench classes in the service sources:\n" + String.join("\n", violations));
    }

    /**
     * The service jar is target/classes shaded with the dependencies: no bench class there, none in the jar. (The
     * compiler deletes the classes of sources that left src/main/java, so this holds on an unclean tree too.)
     */
    @Test
    void theServiceJarsClassesHoldNoBenchClass() throws IOException {
        Path classes = Path.of("target/classes/org/shipaudit");
        List<String> found = new ArrayList<>();
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                files.filter(Files::isRegularFile).map(p -> classes.relativize(p).toString())
                        .filter(p -> p.startsWith("bench/") || p.startsWith("cli/Bench")).forEach(found::add);
            }
        }
        assertTrue(found.isEmpty(), () -> "bench classes where the service jar is built from: " + found);
    }

    @Test
    void theBenchSourceSetHoldsTheHarnessAndItsCommandsOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : sources(BENCH)) {
            String rel = BENCH.relativize(f).toString();
            if (!rel.startsWith("bench/") && !rel.matches("cli/Bench\\w*\\.java")) {
                violations.add(f.toString());
            }
        }
        assertTrue(Files.isRegularFile(BENCH.resolve("bench/BenchMain.java")), "the bench jar's entry point");
        assertTrue(violations.isEmpty(), () -> "not bench code (service code goes in src/main/java):\n"
                + String.join("\n", violations));
    }

    /**
     * The model's split (issue 19): what rule packs name stays in {@code org.shipaudit.model}, so DRL, tables and the
     * packs deployed in users' databases keep their imports; {@code model.api} (the shipment contract) names no fact,
     * only the root's enums that rules match on (units, packaging); {@code model.lookup} is never named by a rule.
     */
    @Test
    void rulesNameOnlyTheRootModelAndTheContractNamesNoFact() throws IOException {
        List<String> violations = new ArrayList<>();
        java.util.regex.Pattern modelRef = java.util.regex.Pattern.compile("org\\.shipaudit\\.model\\.([a-z]\\w*)\\.");
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl") || p.toString().endsWith(".yaml")).toList()) {
                java.util.regex.Matcher m = modelRef.matcher(Files.readString(f));
                while (m.find()) {
                    violations.add(f + ": names org.shipaudit.model." + m.group(1) + " (rule-visible types stay in the root)");
                }
            }
        }
        for (Path f : sources(MODEL.resolve("api"))) {
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("import org.shipaudit.model.") && !line.startsWith("import org.shipaudit.model.api.")) {
                    String type = line.substring("import ".length(), line.length() - 1);
                    Path src = Path.of("src/main/java").resolve(type.replace('.', '/') + ".java");
                    if (!Files.isRegularFile(src) || !Files.readString(src).matches("(?s).*public enum \\w+.*")) {
                        violations.add(f + ": " + line.trim() + " (the contract names only the root's enums)");
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), () -> "model layout:\n" + String.join("\n", violations));
    }

    private static List<Path> sources() throws IOException {
        return sources(MAIN);
    }

    private static List<Path> sources(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
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
