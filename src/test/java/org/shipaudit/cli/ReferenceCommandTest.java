package org.shipaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReferenceCommandTest {
    @TempDir
    Path dataDir;

    private String run(Object command, int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertEquals(expectedExit, cli.execute(args), out.toString());
        return out.toString();
    }

    @Test
    void importsTheBundledSampleAndPrintsASummaryPerFile() {
        String out = run(new ReferenceCommand(), 0, "import", "--data-dir", dataDir.toString(), "reference-data");
        assertTrue(out.contains("htsus_sample.csv"), out);
        assertTrue(out.contains("skipped 8 {unnumbered heading row"), out);
        assertTrue(out.contains("0 failed"), out);
        String stats = run(new ReferenceCommand(), 0, "stats", "--data-dir", dataDir.toString());
        assertTrue(stats.contains("tariff:HTSUS"), stats);
        assertTrue(stats.contains("postal:*"), stats);
    }

    @Test
    void exitsNonZeroWhenAFileIsMalformed() throws Exception {
        Path bad = dataDir.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "section,hscode,description,parent,level\nI,01,Animals,TOTAL,x\n");
        String out = run(new ReferenceCommand(), 1, "import", "--data-dir", dataDir.toString(), bad.toString());
        assertTrue(out.contains("row 2") && out.contains("FAILED"), out);
    }

    @Test
    void benchmarksLookupsAndSearchOnAnImportedIndex() {
        run(new ReferenceCommand(), 0, "import", "--data-dir", dataDir.toString(), "reference-data");
        String out = run(new BenchReferenceCommand(), 0, "--data-dir", dataDir.toString(), "-n", "300",
                "--searches", "50", "--warmup", "50");
        assertTrue(out.contains("postal code look-up") && out.contains("text search HTSUS"), out);
        assertTrue(out.contains("heap held by the open index"), out);
    }

    @Test
    void refusesAPathThatDoesNotExist() {
        String out = run(new ReferenceCommand(), 2, "import", "--data-dir", dataDir.toString(), "no/such/dir");
        assertTrue(out.contains("No such file or directory: no"), out);
    }

    @Test
    void printsHelpForEveryCommand() {
        assertTrue(run(new ReferenceCommand(), 0, "import", "--help").contains("--data-dir"));
        assertTrue(run(new BenchReferenceCommand(), 0, "--help").contains("--searches"));
    }
}
