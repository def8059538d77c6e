package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column mappings in the shared database: a save replaces the one of that name, names come in order. */
class SharedColumnMappingsTest {

    @TempDir
    Path dir;

    @Test
    void aSecondSaveReplacesTheFirstAndNamesAreListedInOrder() {
        try (Database db = Database.open(dir)) {
            SharedColumnMappings mappings = new SharedColumnMappings(db);
            assertEquals(Optional.empty(), mappings.find("acme-dhl"));
            mappings.save("acme-dhl", "{\"name\":\"acme-dhl\",\"v\":1}");
            mappings.save("acme-dhl", "{\"name\":\"acme-dhl\",\"v\":2}");
            mappings.save("acme-aramex", "{\"name\":\"acme-aramex\"}");
            assertEquals(Optional.of("{\"name\":\"acme-dhl\",\"v\":2}"), mappings.find("acme-dhl"));
            assertEquals(List.of("acme-aramex", "acme-dhl"), mappings.names());
            assertEquals(Optional.empty(), mappings.find("acme"));
        }
    }
}
