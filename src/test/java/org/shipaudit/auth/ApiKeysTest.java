package org.shipaudit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    @TempDir
    Path dir;

    @Test
    void storesOnlyTheHashAndAuthenticatesTheKey() throws Exception {
        Path file = dir.resolve("keys.yaml");
        String key = ApiKeys.create(file, "warehouse", Set.of(Role.AUDITOR));
        assertFalse(Files.readString(file).contains(key), "the key itself is never written");
        ApiKeys keys = ApiKeys.load(file);
        Principal p = keys.authenticate(key).orElseThrow();
        assertEquals("warehouse", p.name());
        assertTrue(p.has(Role.AUDITOR));
        assertFalse(p.has(Role.RULE_AUTHOR));
        assertTrue(keys.authenticate(key + "x").isEmpty());
    }

    @Test
    void adminHasEveryRole() {
        assertTrue(new Principal("root", Set.of(Role.ADMIN)).has(Role.FINANCE));
    }

    @Test
    void refusesADuplicateName() throws Exception {
        Path file = dir.resolve("keys.yaml");
        ApiKeys.create(file, "a", Set.of(Role.ADMIN));
        assertThrows(java.io.IOException.class, () -> ApiKeys.create(file, "a", Set.of(Role.ADMIN)));
    }

    @Test
    void namesTheEntryWithAnUnknownRole() throws Exception {
        Path file = dir.resolve("keys.yaml");
        Files.writeString(file, "keys:\n  - name: x\n    sha256: " + "a".repeat(64) + "\n    roles: [boss]\n");
        var e = assertThrows(java.io.IOException.class, () -> ApiKeys.load(file));
        assertTrue(e.getMessage().contains("keys[0]") && e.getMessage().contains("boss"), e.getMessage());
    }
}
