package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.cli.ServiceAssembly;
import org.shipaudit.store.DataDirLock;

/**
 * One writer per data directory (issue 12): a second service on a running one's data directory, with rules that
 * differ from the store's, used to record a phantom "changed while stopped" version into the first one's history
 * before failing on the database lock. Now it is refused before it writes anything.
 */
class DataDirLockIT {

    @TempDir
    Path dir;

    @Test
    void aSecondServiceOnTheSameDataDirectoryIsRefusedBeforeWritingAnything() throws Exception {
        Path data = dir.resolve("data");
        Path rules = dir.resolve("rules");
        RulePackLifecycleIT.copy(Path.of("rules/weights"), rules.resolve("weights"));
        Path otherRules = dir.resolve("other-rules");
        RulePackLifecycleIT.copy(Path.of("rules/weights"), otherRules.resolve("weights"));
        Files.writeString(otherRules.resolve("weights/pack.yaml"), "\n# edited elsewhere\n",
                java.nio.file.StandardOpenOption.APPEND);
        try (ServiceAssembly first = TestServer.start(TestServer.config(data, rules, Map.of()))) {
            Path store = data.resolve("rule-packs/weights");
            List<String> history = Files.readAllLines(store.resolve("history.jsonl"));
            List<Path> versions = list(store.resolve("versions"));

            DataDirLock.DataDirLocked refused = assertThrows(DataDirLock.DataDirLocked.class,
                    () -> TestServer.start(TestServer.config(data, otherRules, Map.of())).close());
            assertTrue(refused.getMessage().contains(data.toAbsolutePath().normalize().toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("pid " + ProcessHandle.current().pid()), refused.getMessage());

            assertEquals(history, Files.readAllLines(store.resolve("history.jsonl")), "no phantom version recorded");
            assertEquals(versions, list(store.resolve("versions")), "no phantom version stored");
            assertEquals("1", first.packs().active("weights").version());
        }
    }

    private static List<Path> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }
}
