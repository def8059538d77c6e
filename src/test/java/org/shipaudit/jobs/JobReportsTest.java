package org.shipaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.store.Database;

class JobReportsTest {

    /** The database under test: the embedded H2 file here, PostgreSQL in {@code JobReportsTestPgTest}. */
    Database open(Path dir) {
        return Database.open(dir);
    }

    @TempDir
    Path dir;

    @Test
    void refusesTheReportAndDisputesOfAJobThatIsNotDone() {
        try (Database db = open(dir)) {
            JobReports reports = new JobReports(new JobStore(db), new MappingStore(dir.resolve("m")), 1 << 20);
            Job running = new Job("j-1", "invoices", JobStatus.RUNNING, "a.csv", "auto", null, 10, null, 0, null,
                    Instant.now(), Instant.now(), null, null, List.of(), dir.resolve("a.csv").toString(), 1, 0);
            assertEquals(409, assertThrows(JobRefused.class, () -> reports.report(running)).status());
            assertEquals(409, assertThrows(JobRefused.class,
                    () -> reports.disputesCsv(running, new java.io.StringWriter())).status());
        }
    }
}
