package org.shipaudit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void usesEmbeddedDefaultsWithNothingElse() {
        AppConfig c = ConfigLoader.load(null, Map.of(), Map.of());
        assertEquals(8080, c.httpPort());
        assertEquals("127.0.0.1", c.httpHost(), "with auth off by default, only this machine is served");
        assertEquals(false, c.authAllowAnonymous());
        assertEquals(Path.of("./data"), c.dataDir());
        assertEquals(Path.of("./rules"), c.rulesDir());
        assertEquals(false, c.authEnabled());
        assertEquals(Path.of("./data").resolve("api-keys.yaml"), c.authKeysFile());
    }

    @Test
    void layersFileThenEnvironmentThenFlags() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "http:\n  port: 9000\ndata.dir: /srv/data\nauth:\n  enabled: true\n");
        AppConfig fromFile = ConfigLoader.load(file, Map.of(), Map.of());
        assertEquals(9000, fromFile.httpPort());
        assertEquals(Path.of("/srv/data"), fromFile.dataDir());
        assertTrue(fromFile.authEnabled());

        AppConfig fromEnv = ConfigLoader.load(file, Map.of("SHIPAUDIT_HTTP_PORT", "9100"), Map.of());
        assertEquals(9100, fromEnv.httpPort());

        AppConfig fromFlag = ConfigLoader.load(file, Map.of("SHIPAUDIT_HTTP_PORT", "9100"),
                Map.of(ConfigKey.HTTP_PORT, "9200"));
        assertEquals(9200, fromFlag.httpPort());
    }

    @Test
    void readsJsonFilesToo() throws Exception {
        Path file = dir.resolve("c.json");
        Files.writeString(file, "{\"http\": {\"body-limit\": 2048}, \"rules.dir\": \"/r\"}");
        AppConfig c = ConfigLoader.load(file, Map.of(), Map.of());
        assertEquals(2048, c.httpBodyLimit());
        assertEquals(Path.of("/r"), c.rulesDir());
    }

    @Test
    void readsTheRuleLimitsAndRefusesAZeroDeadline() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "rules:\n  firing-limit: 500\n  preship-deadline-ms: 150\n");
        AppConfig c = ConfigLoader.load(file, Map.of(), Map.of());
        assertEquals(new AppConfig.RuleLimits(500, 100_000, java.time.Duration.ofMillis(150),
                java.time.Duration.ofSeconds(30)), c.ruleLimits());
        Files.writeString(file, "rules:\n  preship-deadline-ms: 0\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("rules.preship-deadline-ms"), e.getMessage());
    }

    @Test
    void namesAnUnknownKey() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "http:\n  prot: 9000\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("'http.prot'"), e.getMessage());
    }

    @Test
    void namesTheKeyOfABadValue() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("SHIPAUDIT_HTTP_PORT", "eighty"), Map.of()));
        assertTrue(e.getMessage().contains("'http.port'") && e.getMessage().contains("eighty"), e.getMessage());
        ConfigException range = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of(), Map.of(ConfigKey.HTTP_PORT, "70000")));
        assertTrue(range.getMessage().contains("between 0 and 65535"), range.getMessage());
        ConfigException bool = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("SHIPAUDIT_AUTH_ENABLED", "maybe"), Map.of()));
        assertTrue(bool.getMessage().contains("'auth.enabled'"), bool.getMessage());
    }

    @Test
    void derivesEnvironmentNamesFromKeys() {
        assertEquals("SHIPAUDIT_HTTP_PORT", ConfigKey.HTTP_PORT.envName());
        assertEquals("SHIPAUDIT_AUTH_KEYS_FILE", ConfigKey.AUTH_KEYS_FILE.envName());
    }

    @Test
    void refusesAMissingConfigFile() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(dir.resolve("nope.yaml"), Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("--config"), e.getMessage());
    }

    static AppConfig with(String host, String auth, String anonymous) {
        return ConfigLoader.load(null, Map.of(), Map.of(ConfigKey.HTTP_HOST, host, ConfigKey.AUTH_ENABLED, auth,
                ConfigKey.AUTH_ALLOW_ANONYMOUS, anonymous));
    }

    @Test
    void refusesAnonymousAccessOnTheNetworkUnlessAllowedByName() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> with("0.0.0.0", "false", "false").checkExposure());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("auth.allow-anonymous")
                && e.getMessage().contains("0.0.0.0"), e.getMessage());
        AppConfig allowed = with("0.0.0.0", "false", "true");
        allowed.checkExposure();
        assertEquals(true, allowed.anonymousOnNetwork());
        with("0.0.0.0", "true", "false").checkExposure();
        for (String loopback : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            AppConfig local = with(loopback, "false", "false");
            local.checkExposure();
            assertEquals(false, local.anonymousOnNetwork(), loopback);
        }
    }

    @Test
    void theEmbeddedDatabaseIsTheDefaultAndAUrlFromTheEnvironmentSharesOneServer() {
        AppConfig embedded = ConfigLoader.load(null, Map.of(), Map.of());
        assertTrue(embedded.database().embedded());
        assertEquals(java.time.Duration.ofSeconds(15), embedded.jobsLease());
        assertTrue(embedded.nodeId().endsWith("-" + ProcessHandle.current().pid()), embedded.nodeId());

        AppConfig shared = ConfigLoader.load(null, Map.of("SHIPAUDIT_DATABASE_URL", "jdbc:postgresql://db:5432/audit",
                "SHIPAUDIT_DATABASE_USER", "audit", "SHIPAUDIT_DATABASE_PASSWORD", "s3cret",
                "SHIPAUDIT_DATABASE_POOL_SIZE", "24", "SHIPAUDIT_NODE_ID", "warehouse-2"), Map.of());
        assertEquals(new AppConfig.DatabaseConfig("jdbc:postgresql://db:5432/audit", "audit", "s3cret", 24),
                shared.database());
        assertEquals("warehouse-2", shared.nodeId());
        assertTrue(!shared.database().toString().contains("s3cret"), "the password stays out of logs");
    }

    @Test
    void refusesADatabaseTheMigrationsAreNotWrittenForAndABadNodeId() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null,
                Map.of("SHIPAUDIT_DATABASE_URL", "jdbc:mysql://db/audit?password=hunter2"), Map.of()));
        assertTrue(e.getMessage().startsWith("configuration 'database.url'"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
        ConfigException n = assertThrows(ConfigException.class, () -> ConfigLoader.load(null,
                Map.of("SHIPAUDIT_NODE_ID", "two words"), Map.of()));
        assertTrue(n.getMessage().startsWith("configuration 'node.id'"), n.getMessage());
    }
}
