package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;

/**
 * The second wall on its own: the allow-list check is skipped (the test calls the build step directly) and the class
 * loader alone must stop a rule reaching the file system, processes, the clock or reflection.
 */
class SandboxClassLoaderTest {

    @TempDir
    Path dir;

    private final SandboxClassLoader loader = new SandboxClassLoader(getClass().getClassLoader());

    @Test
    void refusesToLoadOrShowTheDangerousClasses() {
        for (String name : List.of("java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.System",
                "java.lang.Thread", "java.io.File", "java.nio.file.Files", "java.net.URL",
                "java.lang.reflect.Method", "java.lang.invoke.MethodHandles", "java.time.Clock",
                "java.util.concurrent.TimeUnit", "java.util.Formatter", "org.shipaudit.auth.ApiKeys", "org.shipaudit.rules.RulePackService")) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(name), name);
            if (!name.equals("java.lang.invoke.MethodHandles")) {
                assertNull(loader.getResource(name.replace('.', '/') + ".class"), name);
            }
        }
    }

    @Test
    void showsTheCompilerAMethodHandlesWithoutMethods() throws Exception {
        try (var in = loader.getResourceAsStream("java/lang/invoke/MethodHandles.class")) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(SandboxClassLoader.METHOD_HANDLES_STUB, in.readAllBytes());
        }
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("java.lang.invoke.MethodHandles"));
    }

    @Test
    void loadsTheValueTypesAndTheFactModel() throws Exception {
        for (String name : List.of("java.lang.String", "java.math.BigDecimal", "java.time.LocalDate",
                "java.util.List", "org.shipaudit.model.AuditContext", "org.shipaudit.rules.Findings",
                "org.kie.api.KieBase")) {
            assertNotNull(loader.loadClass(name), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "new java.io.File(\"MARKER\").createNewFile();",
        "java.nio.file.Files.writeString(java.nio.file.Path.of(\"MARKER\"), \"x\");",
        "Runtime.getRuntime().exec(new String[] {\"touch\", \"MARKER\"});",
        "new ProcessBuilder(\"touch\", \"MARKER\").start();",
        "System.exit(3);",
        "Thread.sleep(1000);",
        "long t = System.currentTimeMillis();",
        "Object o = Object.class.getMethods();",
        "java.util.concurrent.TimeUnit.SECONDS.sleep(1);",
        "Object l = java.lang.invoke.MethodHandles.publicLookup();",
        "Object l = java.lang.invoke.MethodHandles.lookup().findClass(\"java.lang.Runtime\");",
        "new java.util.Formatter(\"MARKER\");",
        "Object c = java.time.Clock.systemUTC();",
    })
    void stopsARuleTheAllowListWouldHaveRefusedWhenTheCheckIsBypassed(String code) {
        assertFalse(code.isEmpty());
        Path marker = dir.resolve("marker");
        String drl = RulePackCompilerTest.HEADER + """
                rule "TST-001 Bypassed"
                when
                    AuditContext()
                then
                """ + code.replace("MARKER", marker.toString()) + "\nend\n";
        List<CompileError> errors = new ArrayList<>();
        KieBase kieBase = RulePackCompiler.build("test", Map.of("drl/bypass.drl", drl), errors);

        assertNull(kieBase, "compiled although the class loader hides the class");
        assertFalse(errors.isEmpty());
        assertEquals("drl/bypass.drl", errors.get(0).file());
        assertFalse(Files.exists(marker));
    }

    @Test
    void stopsAConstraintReachingAForbiddenClassWhenTheCheckIsBypassed() {
        String drl = RulePackCompilerTest.HEADER + """
                rule "TST-001 Bypassed"
                when
                    AuditContext( carrier == java.lang.System.getProperty("user.home") )
                then
                end
                """;
        List<CompileError> errors = new ArrayList<>();
        KieBase kieBase = RulePackCompiler.build("test", Map.of("drl/bypass.drl", drl), errors);
        assertNull(kieBase, "compiled although the class loader hides System");
        assertEquals("drl/bypass.drl", errors.get(0).file());
    }

    @Test
    void stillCompilesAndRunsWhatRulesMayUse() {
        String drl = RulePackCompilerTest.HEADER + """
                import java.math.BigDecimal;
                rule "TST-001 Allowed"
                when
                    $c : AuditContext( carrier == "UPS" )
                then
                    BigDecimal b = BigDecimal.valueOf(3).setScale(2);
                    String s = "carrier " + $c.getCarrier() + " " + b + " " + Math.ceil(2.5);
                    Findings.raise(drools, Severity.INFO, Category.DATA, s, drools.getRule().getName()).insert();
                end
                """;
        List<CompileError> errors = new ArrayList<>();
        KieBase kieBase = RulePackCompiler.build("test", Map.of("drl/ok.drl", drl), errors);
        assertTrue(errors.isEmpty(), errors::toString);
        assertNotNull(kieBase);
    }
}
