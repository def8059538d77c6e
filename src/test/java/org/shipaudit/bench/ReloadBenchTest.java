package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.rules.PackFiles;
import org.shipaudit.rules.PackValidator;
import org.shipaudit.rules.ValidationReport;

class ReloadBenchTest {

    @TempDir
    Path dir;

    @Test
    void writesAPackThatPassesTheDeployGate() throws Exception {
        ReloadBench.writePack(dir.resolve("big"), 25);
        ValidationReport report = PackValidator.validate(PackFiles.read(dir.resolve("big"))).report();
        assertTrue(report.valid(), report::toString);
        assertEquals(25, report.rules());
        assertEquals(50, report.scenarios().passed());
    }
}
