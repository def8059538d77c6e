package org.shipaudit.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.config.AppConfig;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.config.ConfigLoader;
import org.shipaudit.reference.DamagedIndexException;

/** A service whose reference index lost its commit refuses to start instead of importing the sample over it. */
class DamagedIndexStartTest {

    @TempDir
    Path data;

    @Test
    void refusesToStartOnAnIndexWithoutItsCommit() throws Exception {
        AppConfig config = ConfigLoader.load(null, Map.of(), Map.of(ConfigKey.HTTP_PORT, "0",
                ConfigKey.HTTP_HOST, "127.0.0.1", ConfigKey.DATA_DIR, data.toString()));
        ServiceAssembly.start(config).close();
        try (Stream<Path> files = Files.list(config.referenceIndexDir())) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.delete(p);
            }
        }
        DamagedIndexException e = assertThrows(DamagedIndexException.class, () -> ServiceAssembly.start(config).close());
        assertTrue(e.getMessage().contains(config.referenceIndexDir().toString()), e.getMessage());
        try (Stream<Path> files = Files.list(config.referenceIndexDir())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("segments_")),
                    "the bundled sample was imported over the damaged index");
        }
    }
}
