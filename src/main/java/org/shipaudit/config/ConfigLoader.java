package org.shipaudit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.shipaudit.json.Mappers;

/**
 * Builds the configuration in layers, each overriding the one before: defaults, a JSON or YAML file (nested or dotted
 * keys), environment variables ({@code SHIPAUDIT_} + the key in upper snake case), then command-line flags. Unknown
 * keys in the file and bad values stop start-up with the key's name.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static AppConfig load(Path file, Map<String, String> env, Map<ConfigKey, String> flags) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            values.put(k, k.defaultValue());
        }
        if (file != null) {
            readFile(file, values);
        }
        for (ConfigKey k : ConfigKey.values()) {
            String v = env.get(k.envName());
            if (v != null && !v.isBlank()) {
                values.put(k, v.trim());
            }
        }
        flags.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        return build(values);
    }

    private static void readFile(Path file, Map<ConfigKey, String> values) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--config", "file not found: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? Mappers.json() : Mappers.yaml();
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot parse " + file + ": " + e.getMessage().split("\n")[0]);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new ConfigException("--config", file + " must hold an object of keys");
        }
        flatten("", root, values);
    }

    private static void flatten(String prefix, JsonNode node, Map<ConfigKey, String> values) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key, e.getValue(), values);
                continue;
            }
            ConfigKey k = ConfigKey.byKey(key);
            if (k == null) {
                throw new ConfigException(key, "unknown key (known: " + knownKeys() + ")");
            }
            if (!e.getValue().isValueNode()) {
                throw new ConfigException(key, "must be a single value, not " + e.getValue().getNodeType());
            }
            values.put(k, e.getValue().asText());
        }
    }

    private static String knownKeys() {
        StringBuilder b = new StringBuilder();
        for (ConfigKey k : ConfigKey.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(k.key());
        }
        return b.toString();
    }

    private static AppConfig build(Map<ConfigKey, String> v) {
        Path dataDir = path(v, ConfigKey.DATA_DIR);
        String keys = v.get(ConfigKey.AUTH_KEYS_FILE);
        Path keysFile = keys == null || keys.isBlank() ? dataDir.resolve("api-keys.yaml") : Path.of(keys);
        boolean auth = bool(v, ConfigKey.AUTH_ENABLED);
        int workers = integer(v, ConfigKey.AUDIT_WORKERS, 0, 1024);
        int queued = integer(v, ConfigKey.AUDIT_MAX_QUEUED, 0, 1_000_000);
        if (v.get(ConfigKey.JOBS_WORKERS) != null && v.get(ConfigKey.JOBS_WORKERS).trim().equals("0")) {
            // Unlike audit.workers, 0 does not mean "one per core": no worker would ever take a job.
            throw new ConfigException(ConfigKey.JOBS_WORKERS.key(),
                    "must be at least 1; with 0 no job would ever run and every upload would stay QUEUED");
        }
        return new AppConfig(
                nonBlank(v, ConfigKey.HTTP_HOST),
                integer(v, ConfigKey.HTTP_PORT, 0, 65535),
                longValue(v, ConfigKey.HTTP_BODY_LIMIT, 1024, 1L << 34),
                integer(v, ConfigKey.HTTP_MAX_BATCH, 1, 100_000),
                integer(v, ConfigKey.HTTP_IDLE_TIMEOUT, 1, 86_400),
                integer(v, ConfigKey.HTTP_HEADER_TIMEOUT, 1, 3_600),
                integer(v, ConfigKey.HTTP_BODY_TIMEOUT, 1, 3_600),
                dataDir,
                path(v, ConfigKey.RULES_DIR),
                path(v, ConfigKey.REFERENCE_BUNDLED_DIR),
                auth,
                keysFile,
                bool(v, ConfigKey.AUTH_ALLOW_ANONYMOUS),
                workers == 0 ? Runtime.getRuntime().availableProcessors() : workers,
                queued == 0 ? 1000 * (workers == 0 ? Runtime.getRuntime().availableProcessors() : workers) : queued,
                java.time.Duration.ofMillis(integer(v, ConfigKey.AUDIT_MAX_QUEUE_WAIT, 0, 600_000)),
                integer(v, ConfigKey.JOBS_WORKERS, 1, 64),
                longValue(v, ConfigKey.JOBS_MAX_UPLOAD, 1024, 1L << 40),
                new AppConfig.RuleLimits(integer(v, ConfigKey.RULES_FIRING_LIMIT, 10, 100_000_000),
                        integer(v, ConfigKey.RULES_INSERT_LIMIT, 10, 100_000_000),
                        java.time.Duration.ofMillis(longValue(v, ConfigKey.RULES_PRESHIP_DEADLINE, 1, 600_000)),
                        java.time.Duration.ofMillis(longValue(v, ConfigKey.RULES_BATCH_DEADLINE, 1, 3_600_000))),
                bool(v, ConfigKey.AUDIT_TRAIL),
                integer(v, ConfigKey.AUDIT_RETENTION_DAYS, 1, 36_500),
                screening(v),
                database(v),
                nodeId(v),
                java.time.Duration.ofSeconds(integer(v, ConfigKey.JOBS_LEASE_SECONDS, 2, 3_600)),
                longValue(v, ConfigKey.JOBS_CHUNK_ROWS, 0, 1L << 40),
                integer(v, ConfigKey.REFERENCE_EXCHANGE_RATE_MAX_AGE_DAYS, 0, 366));
    }

    private static AppConfig.Screening screening(Map<ConfigKey, String> v) {
        double strong = fraction(v, ConfigKey.SCREENING_STRONG);
        double possible = fraction(v, ConfigKey.SCREENING_POSSIBLE);
        if (possible > strong) {
            throw new ConfigException(ConfigKey.SCREENING_POSSIBLE.key(), "must not be above screening.strong ("
                    + strong + "), got " + possible);
        }
        return new AppConfig.Screening(bool(v, ConfigKey.SCREENING_ENABLED), strong, possible);
    }

    private static double fraction(Map<ConfigKey, String> v, ConfigKey k) {
        String s = nonBlank(v, k);
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ConfigException(k.key(), "must be a number between 0 and 1 such as 0.9, got '" + s + "'");
        }
        if (!(d > 0 && d <= 1)) {
            throw new ConfigException(k.key(), "must be above 0 and at most 1, got " + s);
        }
        return d;
    }

    private static AppConfig.DatabaseConfig database(Map<ConfigKey, String> v) {
        String url = v.get(ConfigKey.DATABASE_URL);
        url = url == null ? "" : url.trim();
        // Only the engines whose SQL the migrations are written and tested for.
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new ConfigException(ConfigKey.DATABASE_URL.key(), "must be a PostgreSQL JDBC URL "
                    + "(jdbc:postgresql://host:5432/database) or empty for the embedded database, got '"
                    + url.replaceAll("password=[^&;]*", "password=***") + "'");
        }
        String user = v.get(ConfigKey.DATABASE_USER);
        String password = v.get(ConfigKey.DATABASE_PASSWORD);
        return new AppConfig.DatabaseConfig(url, user == null ? "" : user.trim(), password == null ? "" : password,
                integer(v, ConfigKey.DATABASE_POOL_SIZE, 2, 1_000));
    }

    private static String nodeId(Map<ConfigKey, String> v) {
        String id = v.get(ConfigKey.NODE_ID);
        if (id == null || id.isBlank()) {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "node";
            }
            id = host + "-" + ProcessHandle.current().pid();
        }
        id = id.trim();
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            throw new ConfigException(ConfigKey.NODE_ID.key(), "letters, digits, '.', '_', ':' and '-', at most 64, got '"
                    + id + "'");
        }
        return id;
    }

    private static String nonBlank(Map<ConfigKey, String> v, ConfigKey k) {
        String s = v.get(k);
        if (s == null || s.isBlank()) {
            throw new ConfigException(k.key(), "must not be empty");
        }
        return s.trim();
    }

    private static Path path(Map<ConfigKey, String> v, ConfigKey k) {
        try {
            return Path.of(nonBlank(v, k));
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(k.key(), "not a valid path: " + e.getMessage());
        }
    }

    private static int integer(Map<ConfigKey, String> v, ConfigKey k, int min, int max) {
        return (int) longValue(v, k, min, max);
    }

    private static long longValue(Map<ConfigKey, String> v, ConfigKey k, long min, long max) {
        String s = nonBlank(v, k);
        long n;
        try {
            n = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ConfigException(k.key(), "must be a whole number, got '" + s + "'");
        }
        if (n < min || n > max) {
            throw new ConfigException(k.key(), "must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    private static boolean bool(Map<ConfigKey, String> v, ConfigKey k) {
        String s = nonBlank(v, k).toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(k.key(), "must be true or false, got '" + s + "'");
        };
    }
}
