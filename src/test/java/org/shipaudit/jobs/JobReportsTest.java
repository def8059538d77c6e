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
            Job running = JobBuilder.running("j-1", "invoices").file("a.csv", dir.resolve("a.csv").toString())
                    .progress(null, 10, null).at(Instant.now()).build();
            assertEquals(409, assertThrows(JobRefused.class, () -> reports.report(running)).status());
            assertEquals(409, assertThrows(JobRefused.class,
                    () -> reports.disputesCsv(running, new java.io.StringWriter())).status());
        }
    }
}
