package org.shipaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it ({@code java -jar target/shipaudit.jar}), after {@code package} (failsafe): the
 * tests on the class path cannot see a class the shade left out. Each import below loads a different reader's
 * libraries (CSV and Lucene; PDFBox and its logging).
 */
class ShadedJarSmoke {

    private static final Path JAR = Path.of("target", "shipaudit.jar");
    private static final Path FEDEX_PDF = Path.of("..", "shared", "reference-data", "carriers", "guides",
            "fedex_surcharge_fee_changes_2025_to_2026.pdf");

    @TempDir
    Path data;

    /** Exit code and everything printed by the jar run with these arguments; fails past a minute. */
    private record Run(int exit, String output) {
    }

    private static Run jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the jar did not end within a minute: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void theJarStartsAndImportsTheBundledTariffSample() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by package, before this test");
        Run version = jar("--version");
        assertEquals(0, version.exit(), version.output());
        Run imported = jar("reference", "import", "--data-dir", data.toString(), "reference-data/tariff");
        assertEquals(0, imported.exit(), imported.output());
        assertTrue(imported.output().contains("0 failed"), imported.output());
        assertFalse(imported.output().contains("NoClassDefFound"), imported.output());
    }

    @Test
    void theJarReadsTheFedexSurchargePdf() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(FEDEX_PDF), FEDEX_PDF + " is absent (../shared/reference-data"
                + " holds it; CI has it)");
        Run imported = jar("reference", "import", "--data-dir", data.toString(), FEDEX_PDF.toString());
        assertEquals(0, imported.exit(), imported.output());
        assertTrue(imported.output().contains("indexed 7"), imported.output());
        assertFalse(imported.output().contains("NoClassDefFound"), imported.output());
    }
}
