package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-rule suite: each candidate tries one way out of the sandbox and must be refused at validate, with an
 * error naming the file and the line, before any of its code runs. Every candidate that would touch the disk aims at
 * a marker file under a temporary directory, and the test checks the marker is still absent; the candidates that
 * would stop or hang the JVM prove it by the suite finishing.
 */
class HostileRulesTest {

    @TempDir
    static Path dir;

    static final String HEADER = """
            package org.shipaudit.rules.test;
            import org.shipaudit.model.AuditContext;
            import org.shipaudit.findings.Severity;
            import org.shipaudit.findings.Category;
            import org.shipaudit.rules.Findings;
            """;

    /** A rule whose consequence is {@code then}; the consequence starts on line 11 of the file. */
    static String consequence(String then) {
        return HEADER + """
                // Source: test
                rule "TST-001 Hostile"
                when
                    $c : AuditContext()
                then
                """ + then + "\nend\n";
    }

    /** A rule whose only pattern has {@code constraint}; the pattern is on line 9. */
    static String constraint(String constraint) {
        return HEADER + "// Source: test\nrule \"TST-001 Hostile\"\nwhen\n    $c : AuditContext( " + constraint
                + " )\nthen\nend\n";
    }

    /**
     * A rule importing {@code imports} (one line each) with one line of conditions; its consequence starts on line
     * 11 plus the number of imports, its conditions one line above.
     */
    static String rule(List<String> imports, String when, String then) {
        StringBuilder s = new StringBuilder(HEADER);
        imports.forEach(i -> s.append("import ").append(i).append(";\n"));
        return s + "// Source: test\nrule \"TST-001 Hostile\"\nwhen\n    " + when + "\nthen\n" + then + "\nend\n";
    }

    /** The attempts to modify input facts, which the receiver's type decides (issue 11, gap 1). */
    static List<Arguments> mutations() {
        List<Arguments> a = new ArrayList<>();
        List<String> shipment = List.of("org.shipaudit.model.api.Shipment");
        a.add(of("clear() on a fact's list", rule(shipment, "$s : Shipment()", "$s.packages().clear();"), 12,
                "'clear(...)' is not allow-listed on List"));
        a.add(of("add() on a fact's list", rule(shipment, "$s : Shipment()", "$s.items().add(null);"), 12,
                "'add(...)' is not allow-listed on List"));
        a.add(of("remove() on a fact's list", rule(shipment, "$s : Shipment()", "$s.packages().remove(0);"), 12,
                "'remove(...)' is not allow-listed on List"));
        a.add(of("sort() on a fact's list", rule(shipment, "$s : Shipment()", "$s.items().sort(null);"), 12,
                "'sort(...)' is not allow-listed on List"));
        a.add(of("clear() on a list bound to a property", rule(shipment, "$s : Shipment( $l : packages )",
                "$l.clear();"), 12, "'clear(...)' is not allow-listed on List"));
        a.add(of("clear() on a list in a constraint", rule(shipment, "$s : Shipment( packages.clear() == null )",
                "int x = 1;"), 10, "'clear(...)' is not allow-listed on List"));
        a.add(of("put() on a map parameter of a function", HEADER + "import java.util.Map;\n"
                + "function boolean poke(Map m) {\n    m.put(\"a\", \"b\");\n    return true;\n}\n", 8,
                "'put(...)' is not allow-listed on Map"));
        a.add(of("clear() on a map's key set", HEADER + "import java.util.Map;\n"
                + "function boolean poke(Map m) {\n    m.keySet().clear();\n    return true;\n}\n", 8,
                "'clear(...)' is not allow-listed on Set"));
        a.add(of("a setter on a table-row fact", rule(List.of("org.shipaudit.model.CarrierLimit"),
                "$l : CarrierLimit()", "$l.setMaxWeightLb(0);"), 12, "'setMaxWeightLb(...)' is not allow-listed"));
        a.add(of("a setter on a table-row fact in eval", rule(List.of("org.shipaudit.model.CarrierLimit"),
                "$l : CarrierLimit() eval( $l.setMaxWeightLb(0) == null )", "int x = 1;"), 10,
                "'setMaxWeightLb(...)' is not allow-listed"));
        a.add(of("a setter as an unqualified call in a constraint", rule(List.of("org.shipaudit.model.CarrierLimit"),
                "$l : CarrierLimit( setMaxWeightLb(0) == null )", "int x = 1;"), 10, "setMaxWeightLb"));
        a.add(of("clear() on an accumulated list", rule(List.of("java.util.List",
                "org.shipaudit.model.Parcel"), "$all : List() from accumulate( $p : Parcel(), collectList($p) )",
                "$all.clear();"), 13, "'clear(...)' is not allow-listed on List"));
        a.add(of("a mutator on a receiver of unknown type", rule(List.of("java.util.List",
                "org.shipaudit.model.Parcel"), "$all : List() from accumulate( $p : Parcel(), collectList($p) )",
                "$all.get(0).remove(1);"), 13, "may change its receiver"));
        a.add(of("a setter through a list element of unknown type", rule(List.of("java.util.List",
                "org.shipaudit.model.CarrierLimit"), "$all : List() from collect( CarrierLimit() )",
                "$all.get(0).setMaxWeightLb(0);"), 13,
                "may change its receiver"));
        a.add(of("a setter on a type declared in the file", HEADER + "declare Tick\n    n : int\nend\n"
                + "// Source: test\nrule \"TST-001 Hostile\"\nwhen\n    $t : Tick()\nthen\n    $t.setN(2);\nend\n",
                14, "setN"));
        a.add(of("a setter on a fact made fresh, then swapped for an input", rule(List.of(
                "org.shipaudit.model.CarrierLimit"), "$l : CarrierLimit()", "CarrierLimit f = new CarrierLimit(\"x\");"
                + " f = $l; f.setMaxWeightLb(0);"), 12, "'setMaxWeightLb(...)' is not allow-listed"));
        return a;
    }

    static Stream<Arguments> attempts() {
        List<Arguments> a = new ArrayList<>(mutations());
        // The bypasses of issue 11.
        a.add(of("Runtime on one line, .getRuntime().exec on the next", consequence(
                "Runtime\n    .getRuntime().exec(new String[] {\"touch\", \"M\"});"), 12, "exec"));
        a.add(of("a string holding http:// then System.exit", consequence(
                "String u = \"http://x\"; System.exit(3);"), 11, "exit"));
        a.add(of("new java.util.Formatter(path)", consequence("new java.util.Formatter(\"M\");"), 11, "java.util"));
        a.add(of("TimeUnit.SECONDS.sleep, fully qualified", consequence(
                "java.util.concurrent.TimeUnit.SECONDS.sleep(100);"), 11, "sleep"));
        a.add(of("TimeUnit imported", HEADER.replace("import org.shipaudit.rules.Findings;",
                "import java.util.concurrent.TimeUnit;") + "rule \"TST-001 x\" when then TimeUnit.SECONDS.sleep(9); end",
                5, "import of 'java.util.concurrent.TimeUnit'"));
        a.add(of("System.currentTimeMillis()", consequence("long t = System.currentTimeMillis();"), 11,
                "currentTimeMillis"));
        a.add(of("LocalDateTime.now()", HEADER + "import java.time.LocalDateTime;\n" + "// Source: test\n"
                + "rule \"TST-001 x\"\nwhen\nthen\n    LocalDateTime d = LocalDateTime.now();\nend\n", 11, "now"));
        a.add(of("LocalDate.now() in a constraint", constraint("businessDate == java.time.LocalDate.now()"), 9,
                "now"));
        a.add(of("a block comment between tokens (java/**/.nio)", consequence(
                "java/**/.nio.file.Files.writeString(java.nio.file.Path.of(\"M\"), \"x\");"), 11, "writeString"));
        a.add(of("a string holding // before the call", consequence(
                "String s = \"//\"; java.nio.file.Files.createFile(java.nio.file.Path.of(\"M\"));"), 11,
                "createFile"));
        a.add(of("drools.getClass().getClassLoader().loadClass(\"java.lang.Run\" + \"time\")", consequence(
                "Object r = drools.getClass().getClassLoader().loadClass(\"java.lang.Run\" + \"time\");"), 11,
                "loadClass"));
        a.add(of("a DRL function that writes a file", HEADER + """
                function void evil() {
                    java.nio.file.Files.createFile(java.nio.file.Path.of("M"));
                }
                // Source: test
                rule "TST-001 x" when then evil(); end
                """, 7, "createFile"));
        a.add(of("a consequence throwing RuntimeException(\"LEAK:\" + contents)", consequence(
                "throw new RuntimeException(\"LEAK:\" + java.nio.file.Files.readString(java.nio.file.Path.of(\"M\")));"),
                11, "throw"));
        a.add(of("a rule appending to api-keys.yaml", consequence(
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"M/api-keys.yaml\"), \"admin\", "
                        + "java.nio.file.StandardOpenOption.APPEND);"), 11, "writeString"));
        a.add(of("while(true){}", consequence("while (true) { }"), 11, "loop (while)"));
        a.add(of("inserting 2,000,000 facts in a loop", HEADER + """
                declare Tick
                    n : int
                end
                // Source: test
                rule "TST-001 x" when AuditContext() then
                    for (int i = 0; i < 2000000; i++) { insert(new Tick(i)); }
                end
                """, 11, "loop (for)"));
        // More loops, recursion, control flow.
        a.add(of("do { } while (true)", consequence("do { } while (true);"), 11, "loop (do)"));
        a.add(of("for-each over a collection", consequence("for (String s : java.util.List.of(\"a\")) { }"), 11,
                "loop (foreach)"));
        a.add(of("a recursive function", HEADER + """
                function int down(int n) {
                    return down(n + 1);
                }
                // Source: test
                rule "TST-001 x" when then int x = down(1); end
                """, 7, "down"));
        a.add(of("try/catch swallowing an error", consequence("try { int x = 1; } catch (Exception e) { }"), 11,
                "try"));
        a.add(of("synchronized on a string", consequence("synchronized (\"x\") { int y = 1; }"), 11,
                "synchronized"));
        // Unicode escapes, comments and strings that hide code, string-built class names.
        a.add(of("a unicode escape spelling System", consequence("\\u0053ystem.exit(1);"), 11, "unicode escapes"));
        a.add(of("a unicode newline escape in a comment", consequence("// \\u000a System.exit(1);"), 11,
                "unicode escapes"));
        a.add(of("code between block comments", consequence("/* harmless */ System /* really */ .exit(2);"), 11,
                "exit"));
        a.add(of("Class.forName on a string-built name", consequence(
                "Object c = Class.forName(\"java.lang.\" + \"Runtime\");"), 11, "forName"));
        a.add(of("a class literal's class loader", consequence("Object l = Findings.class.getClassLoader();"), 11,
                "getClassLoader"));
        a.add(of("reflection through getDeclaredMethods", consequence("Object m = Findings.class;"), 11,
                "class literal"));
        a.add(of("java.lang.invoke.MethodHandles.lookup()", consequence(
                "Object l = java.lang.invoke.MethodHandles.lookup();"), 11, "lookup"));
        a.add(of("ProcessBuilder", consequence("new ProcessBuilder(\"touch\", \"M\").start();"), 11,
                "'start(...)' is not allow-listed"));
        a.add(of("a thread", consequence("new Thread().start();"), 11, "'start(...)' is not allow-listed"));
        a.add(of("System.getenv in a message", consequence(
                "Findings.raise(drools, Severity.INFO, Category.DATA, \"s\", System.getenv(\"HOME\")).insert();"), 11,
                "getenv"));
        // MVEL / DRLX in conditions: constraints, eval, from, accumulate, queries.
        a.add(of("a method call on System in a constraint", constraint("carrier == System.getProperty(\"user.home\")"),
                9, "getProperty"));
        a.add(of("getClass() in a constraint", constraint("carrier.getClass() != null"), 9, "getClass"));
        a.add(of("eval() reading the disk", HEADER + "// Source: test\nrule \"TST-001 x\"\nwhen\n"
                + "    eval( java.nio.file.Files.exists(java.nio.file.Path.of(\"M\")) )\nthen\nend\n", 9, "exists"));
        a.add(of("from an expression reading a file", HEADER + "// Source: test\nrule \"TST-001 x\"\nwhen\n"
                + "    String() from java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"/etc/passwd\"))\nthen\nend\n",
                9, "readAllLines"));
        a.add(of("accumulate with action code", HEADER + "// Source: test\nrule \"TST-001 x\"\nwhen\n"
                + "    Number() from accumulate( AuditContext(), init( int c = 0; ), action( c++; System.exit(1); ), "
                + "result( c ) )\nthen\nend\n", 9, "init/action/result"));
        a.add(of("an accumulate function import", HEADER + "import accumulate com.evil.Acc evil;\n"
                + "// Source: test\nrule \"TST-001 x\"\nwhen\n    Number() from accumulate( AuditContext(), evil( 1 ) )\n"
                + "then\nend\n", 6, "accumulate"));
        a.add(of("a query", HEADER + "query \"everything\"\n    AuditContext()\nend\n", 6, "query"));
        a.add(of("an entry point", HEADER + "// Source: test\nrule \"TST-001 x\"\nwhen\n"
                + "    AuditContext() from entry-point \"side\"\nthen\nend\n", 9, "EntryPoint"));
        // Imports, globals, declarations, attributes.
        a.add(of("a static import of System.exit", HEADER + "import function java.lang.System.exit;\n"
                + "rule \"TST-001 x\" when then exit(1); end\n", 6, "static import"));
        a.add(of("import java.io.File", HEADER + "import java.io.File;\n", 6, "import of 'java.io.File'"));
        a.add(of("a wildcard import", HEADER + "import java.nio.file.*;\n", 6, "wildcard"));
        a.add(of("a global", HEADER + "global java.util.List out;\n", 6, "global"));
        a.add(of("declare ... extends Thread", HEADER + "declare Evil extends Thread\nend\n", 6, "extends"));
        a.add(of("a declared field initialised by code", HEADER + "declare Evil\n"
                + "    home : String = System.getProperty(\"user.home\")\nend\n", 7, "getProperty"));
        a.add(of("the mvel dialect", HEADER + "// Source: test\nrule \"TST-001 x\"\ndialect \"mvel\"\nwhen\nthen\nend\n",
                8, "dialect"));
        a.add(of("a salience expression", HEADER + "// Source: test\nrule \"TST-001 x\"\n"
                + "salience ( Runtime.getRuntime().availableProcessors() )\nwhen\nthen\nend\n", 8, "salience"));
        a.add(of("a timer", HEADER + "// Source: test\nrule \"TST-001 x\"\ntimer ( int: 1s 1s )\nwhen\nthen\nend\n",
                8, "timer"));
        // Lambdas, streams, anonymous classes, arrays, the engine handle, modifying facts.
        a.add(of("a lambda", consequence("Runnable r = () -> { };"), 11, "Runnable"));
        a.add(of("a method reference", consequence("java.util.List.of(\"a\").forEach(System.out::println);"), 11,
                "forEach"));
        a.add(of("a stream", HEADER + "import java.util.List;\n// Source: test\nrule \"TST-001 x\"\nwhen\n"
                + "    $l : List()\nthen\n    long n = $l.stream().count();\nend\n", 12, "not allow-listed"));
        a.add(of("an anonymous class", consequence(
                "Object o = new Object() { public String toString() { return \"\"; } };"), 11, "anonymous"));
        a.add(of("a huge array", consequence("long[] big = new long[1 << 30];"), 11, "array"));
        a.add(of("String.repeat memory bomb", consequence("String s = \"x\".repeat(1 << 30);"), 11, "repeat"));
        a.add(of("drools.halt()", consequence("drools.halt();"), 11, "'halt' is not allowed"));
        a.add(of("kcontext", consequence("kcontext.getKieRuntime().halt();"), 11, "'halt' is not allowed"));
        a.add(of("the session through drools", consequence("Object s = drools.getKieRuntime();"), 11,
                "getKieRuntime"));
        a.add(of("modify of an input fact", consequence("modify($c) { setCarrier(\"x\") }"), 11, "cannot be parsed"));
        a.add(of("assigning a fact's field", consequence("$c.carrier = \"x\";"), 11, "assigned"));
        a.add(of("rule metadata Drools evaluates as MVEL while building", HEADER + "// Source: test\n"
                + "rule \"TST-001 x\" @source( new java.io.File(\"M\").createNewFile() )\nwhen\nthen\nend\n", 7,
                "metadata @source"));
        a.add(of("metadata on a declared type", HEADER + "declare Evil @doc( java.lang.System.exit(1) )\nend\n", 6,
                "metadata @doc"));
        a.add(of("a switch", consequence("switch (1) { default: int z = 2; }"), 11, "switch"));
        a.add(of("a local class", consequence("class Evil { } Object e = new Evil();"), 11, "local class"));
        // Size and nesting.
        a.add(of("a very long rule", consequence("String s = \"" + "a".repeat(20_000) + "\";"), 7, "KB"));
        a.add(of("a very large file", HEADER + "// " + "x".repeat(RuleSandbox.MAX_FILE_CHARS) + "\n", 0, "KB"));
        a.add(of("a deeply nested expression", consequence("int x = " + "(".repeat(200) + "1" + ")".repeat(200)
                + ";"), 11, "nested deeper"));
        a.add(of("a deeply nested constraint", constraint("(".repeat(60) + "carrier == \"UPS\"" + ")".repeat(60)), 9,
                "nested deeper"));
        return a.stream();
    }

    private static Arguments of(String name, String drl, int line, String says) {
        return Arguments.of(name, drl, line, says);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void refusesAtValidateNamingFileAndLineBeforeAnyCodeRuns(String name, String drl, int line, String says)
            throws Exception {
        Path marker = dir.resolve("marker-" + Integer.toHexString(name.hashCode()));
        PackFiles candidate = candidate(drl.replace("\"M", "\"" + marker));

        PackValidator.Outcome outcome = PackValidator.validate(candidate);

        ValidationReport report = outcome.report();
        assertFalse(report.valid(), name);
        assertTrue(outcome.pack() == null, "a refused pack is never compiled");
        assertFalse(report.errors().isEmpty());
        CompileError first = report.errors().get(0);
        assertEquals("drl/hostile.drl", first.file(), report.errors()::toString);
        assertEquals(line, first.line(), report.errors()::toString);
        assertTrue(report.errors().stream().anyMatch(e -> e.message().contains(says)),
                () -> "expected a refusal saying '" + says + "': " + report.errors());
        assertFalse(Files.exists(marker), "nothing of the candidate ran");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "nothing created on disk");
        }
    }

    @Test
    void keepsAtLeastFortyAttempts() {
        assertTrue(attempts().count() >= 40);
    }

    static PackFiles candidate(String drl) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("pack.yaml", RulePackCompilerTest.MANIFEST.getBytes(StandardCharsets.UTF_8));
        files.put("drl/hostile.drl", drl.getBytes(StandardCharsets.UTF_8));
        return new PackFiles("test", files);
    }
}
