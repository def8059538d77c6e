package org.shipaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.config.ConfigException;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.config.ConfigLoader;
import org.shipaudit.config.UnknownEnvironment;

/**
 * What an operator meets before the service runs: a busy port and a configuration that could never run a job stop
 * the start at once naming the key, a misspelt environment variable is warned about with the name meant, every
 * command prints its version, and the long offline commands show progress unless told to be quiet.
 */
class OperatorSurfaceTest {

    @TempDir
    Path dir;

    @Test
    void aPortInUseStopsTheStartAtOnceNamingTheKeyAndThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
            flags.put(ConfigKey.HTTP_HOST, "127.0.0.1");
            flags.put(ConfigKey.HTTP_PORT, Integer.toString(taken.getLocalPort()));
            flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
            flags.put(ConfigKey.RULES_DIR, "rules");
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ServiceAssembly.start(ConfigLoader.load(null, Map.of(), flags)).close());
            assertTrue(e.getMessage().contains("'http.port'"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("SHIPAUDIT_HTTP_PORT"), e.getMessage());
            // Refused before anything else was opened: no pack compiled, no version store, no lock left behind.
            assertFalse(Files.exists(dir.resolve("data").resolve("rule-packs")), "packs were opened first");
            assertFalse(Files.exists(dir.resolve("data").resolve(".lock")), "the data directory was locked");
        }
    }

    @Test
    void noJobWorkersIsRefusedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("SHIPAUDIT_JOBS_WORKERS", "0"), Map.of()));
        assertTrue(e.getMessage().startsWith("configuration 'jobs.workers': must be at least 1"), e.getMessage());
        assertEquals(1, ConfigLoader.load(null, Map.of("SHIPAUDIT_JOBS_WORKERS", "1"), Map.of()).jobsWorkers());
    }

    @Test
    void aMisspeltVariableIsWarnedAboutWithTheNameMeant() {
        List<String> w = UnknownEnvironment.warnings(Map.of("SHIPAUDIT_HTTP_PROT", "9090", "SHIPAUDIT_HTTP_PORT", "1",
                "SHIPAUDIT_LOG_LEVEL", "DEBUG", "PATH", "/bin", "SHIPAUDIT_COMPLETELY_DIFFERENT_THING", "x"));
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("SHIPAUDIT_COMPLETELY_DIFFERENT_THING is not a ShipAudit setting"), w.get(0));
        assertFalse(w.get(0).contains("did you mean"), "no suggestion that far from every key: " + w.get(0));
        assertTrue(w.get(1).startsWith("SHIPAUDIT_HTTP_PROT is not a ShipAudit setting"), w.get(1));
        assertTrue(w.get(1).contains("did you mean SHIPAUDIT_HTTP_PORT (http.port)?"), w.get(1));
        assertEquals(List.of(), UnknownEnvironment.warnings(Map.of("SHIPAUDIT_JOBS_WORKERS", "2", "HOME", "/root")));
    }

    @Test
    void everyCommandPrintsTheBuildVersion() {
        for (String[] args : new String[][] {{"--version"}, {"serve", "--version"}, {"audit", "--version"},
                {"reference", "import", "--version"}, {"bench", "preship", "--version"}}) {
            CommandLineTest.Run r = CommandLineTest.run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().matches("(?s)ShipAudit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R.*"),
                    String.join(" ", args) + ": " + r.out());
        }
    }

    @Test
    void auditShowsProgressOnStderrUnlessQuiet() throws Exception {
        String good = Files.readString(Path.of("src/site/examples/shipment.json")).replaceAll("\\s*\\n\\s*", " ");
        Path file = dir.resolve("shipments.jsonl");
        Files.writeString(file, good + "\n" + good + "\n" + good + "\n");
        CommandLineTest.Run loud = CommandLineTest.run("audit", file.toString());
        assertEquals(0, loud.code(), loud.err());
        assertTrue(loud.err().contains("3 shipments, "), loud.err());
        assertEquals(3, loud.out().strip().split("\n").length, "stdout holds the results only: " + loud.out());
        CommandLineTest.Run quiet = CommandLineTest.run("audit", "--quiet", file.toString());
        assertEquals(0, quiet.code(), quiet.err());
        assertFalse(quiet.err().contains("shipments"), quiet.err());
        assertEquals(loud.out().strip().split("\n").length, quiet.out().strip().split("\n").length);
    }

    @Test
    void referenceImportShowsProgressOnStderrUnlessQuiet() {
        CommandLineTest.Run loud = CommandLineTest.run("reference", "import", "--data-dir", dir.resolve("a").toString(),
                "reference-data");
        assertEquals(0, loud.code(), loud.out() + loud.err());
        assertTrue(loud.err().matches("(?s).*[\\d,]+ rows, [\\d,]+ rows/s, [\\d.]+ s.*"), loud.err());
        CommandLineTest.Run quiet = CommandLineTest.run("reference", "import", "--quiet", "--data-dir",
                dir.resolve("b").toString(), "reference-data");
        assertEquals(0, quiet.code(), quiet.out() + quiet.err());
        assertEquals("", quiet.err());
        assertTrue(quiet.out().contains("file(s), 0 failed"), quiet.out());
    }

    @Test
    void theProgressLineSaysHowFarHowFastAndHowLong() {
        assertEquals("  12,000 shipments (25.0 %), 6,000 shipments/s, 6 s left",
                ProgressLine.line(12_000, 0.25, 2.0, "shipments", null));
        assertEquals("  hts.csv: 500 rows, 250 rows/s", ProgressLine.line(500, -1, 2.0, "rows", "hts.csv"));
        assertEquals("  48,000 rows, 6,000 rows/s, 8.0 s", ProgressLine.line(48_000, 1.0, 8.0, "rows", null));
    }
}
