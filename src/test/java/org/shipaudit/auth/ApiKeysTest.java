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

    static void eventually(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void aWatchedFileTakesAddedAndRevokedKeysWithoutARestart() throws Exception {
        Path file = dir.resolve("keys.yaml");
        String first = ApiKeys.create(file, "first", Set.of(Role.AUDITOR));
        try (ApiKeys keys = ApiKeys.watch(file, java.time.Duration.ofMillis(20))) {
            assertTrue(keys.authenticate(first).isPresent());
            String second = ApiKeys.create(file, "second", Set.of(Role.ADMIN));
            eventually(() -> keys.authenticate(second).isPresent(), "an added key is accepted");
            ApiKeys.revoke(file, "first");
            eventually(() -> keys.authenticate(first).isEmpty(), "a revoked key is refused");
            assertTrue(keys.authenticate(second).isPresent());
            // A file broken by hand fails closed: no key is accepted until it is fixed.
            Files.writeString(file, "keys:\n  - name: x\n    sha256: nothex\n");
            eventually(() -> keys.authenticate(second).isEmpty(), "a broken file accepts no key");
        }
    }

    @Test
    void listsNamesRolesAndCreationButNeverTheKey() throws Exception {
        Path file = dir.resolve("keys.yaml");
        String key = ApiKeys.create(file, "alice", Set.of(Role.RULE_AUTHOR, Role.FINANCE));
        var list = ApiKeys.list(file);
        assertEquals(1, list.size());
        assertEquals("alice", list.get(0).name());
        assertEquals(Set.of(Role.RULE_AUTHOR, Role.FINANCE), list.get(0).roles());
        assertTrue(list.get(0).created() != null);
        assertFalse(list.toString().contains(key));
        assertThrows(java.io.IOException.class, () -> ApiKeys.revoke(file, "bob"));
    }

    @Test
    void authenticatesEveryOneOfManyKeysAndNoNearMiss() throws Exception {
        Path file = dir.resolve("keys.yaml");
        java.util.List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            made.add(ApiKeys.create(file, "k" + i, Set.of(Role.AUDITOR)));
        }
        ApiKeys keys = ApiKeys.load(file);
        for (int i = 0; i < made.size(); i++) {
            assertEquals("k" + i, keys.authenticate(made.get(i)).orElseThrow().name());
            String near = made.get(i).substring(0, made.get(i).length() - 1) + "#";
            assertTrue(keys.authenticate(near).isEmpty());
        }
    }
}
