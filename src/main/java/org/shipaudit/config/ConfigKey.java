package org.shipaudit.config;

import java.util.Locale;

/**
 * Every configuration key, its default and meaning; src/site/markdown/configuration.md lists the same, which
 * DocumentationTest checks.
 */
public enum ConfigKey {
    HTTP_HOST("http.host", "127.0.0.1", "interface the HTTP server binds; another than loopback needs auth.enabled "
            + "or auth.allow-anonymous"),
    HTTP_PORT("http.port", "8080", "HTTP port (0 picks a free one)"),
    HTTP_BODY_LIMIT("http.body-limit", "10485760", "largest request body in bytes; larger gets 413"),
    HTTP_MAX_BATCH("http.max-batch", "1000", "most shipments in one batch audit"),
    HTTP_IDLE_TIMEOUT("http.idle-timeout", "60", "seconds a connection may stay silent (nothing read or written) before it is closed"),
    HTTP_HEADER_TIMEOUT("http.header-timeout", "10",
            "seconds from connecting to the end of the first request's headers; then the connection is closed"),
    HTTP_BODY_TIMEOUT("http.body-timeout", "30",
            "seconds a request body may make no progress before the request gets 408 and the connection is closed"),
    DATA_DIR("data.dir", "./data", "where the service writes everything (index, jobs, history)"),
    RULES_DIR("rules.dir", "./rules", "rule packs, one sub-directory each"),
    REFERENCE_BUNDLED_DIR("reference.bundled-dir", "./reference-data",
            "small bundled reference datasets imported when the index is empty"),
    REFERENCE_EXCHANGE_RATE_MAX_AGE_DAYS("reference.exchange-rate-max-age-days", "7",
            "days before the ship date an exchange rate may be published and still convert a value (EEI, de minimis); "
            + "older: the value is reported as not judged"),
    AUTH_ENABLED("auth.enabled", "false", "require API keys (Authorization: Bearer)"),
    AUTH_ALLOW_ANONYMOUS("auth.allow-anonymous", "false",
            "with auth.enabled false, allow listening on an address other than loopback (warned at start and hourly)"),
    AUTH_KEYS_FILE("auth.keys-file", "", "YAML file of API keys (hashed) and roles; default <data.dir>/api-keys.yaml"),
    AUDIT_WORKERS("audit.workers", "0", "threads evaluating audits; 0 means one per CPU core"),
    AUDIT_MAX_QUEUED("audit.max-queued", "0",
            "audits waiting for a worker before more get 503 with Retry-After; 0 means 1000 per audit worker (a memory"
                    + " bound: audit.max-queue-wait-ms is the one that usually decides)"),
    AUDIT_MAX_QUEUE_WAIT("audit.max-queue-wait-ms", "250",
            "past 16 waiting audits per worker, the longest the audits already accepted may be expected to keep the"
                    + " workers busy (their size times the recent time per byte) before more get 503 with Retry-After;"
                    + " rides out a pause of this length without refusing; 0 bounds the queue by audit.max-queued alone"),
    AUDIT_TRAIL("audit.trail", "true",
            "keep every pre-ship decision (GET /v1/audits), written in the background; false keeps none"),
    AUDIT_RETENTION_DAYS("audit.retention-days", "90", "days a pre-ship decision is kept; older ones are deleted hourly"),
    SCREENING_ENABLED("screening.enabled", "true",
            "screen shipFrom, shipTo and parties against the loaded restricted-party lists on every pre-ship audit"),
    SCREENING_STRONG("screening.strong", "0.92",
            "score (0..1) from which a name match is strong: the audit BLOCKs; higher misses more misspellings"),
    SCREENING_POSSIBLE("screening.possible", "0.85",
            "score (0..1) from which a name match is possible: the audit WARNs; lower sends more innocent names to review"),
    DATABASE_URL("database.url", "", "JDBC URL of a shared database (jdbc:postgresql://host:5432/db) for several nodes; "
            + "empty means the embedded H2 file in <data.dir>/db (one node)"),
    DATABASE_USER("database.user", "", "user for database.url"),
    DATABASE_PASSWORD("database.password", "", "password for database.url (prefer the environment variable)"),
    DATABASE_POOL_SIZE("database.pool-size", "16", "most connections this node opens to the database"),
    NODE_ID("node.id", "", "this node's name in /health and in job leases; default <host name>-<pid>"),
    JOBS_LEASE_SECONDS("jobs.lease-seconds", "15",
            "seconds a node holds a running job without renewing; a node that dies has its jobs taken over after it"),
    JOBS_WORKERS("jobs.workers", "1", "bulk jobs run at the same time"),
    JOBS_CHUNK_ROWS("jobs.chunk-rows", "100000",
            "rows from which an invoice upload is split into chunks that every worker of every node audits; 0 never splits"),
    JOBS_MAX_UPLOAD("jobs.max-upload", "1073741824", "largest job upload in bytes; larger gets 413"),
    RULES_FIRING_LIMIT("rules.firing-limit", "10000",
            "most rule firings per pack evaluation (batches: at least 50 per invoice line); past it the pack fails closed"),
    RULES_INSERT_LIMIT("rules.insert-limit", "100000",
            "most facts rules may insert per pack evaluation (batches: at least the firing limit); past it: fails closed"),
    RULES_PRESHIP_DEADLINE("rules.preship-deadline-ms", "2000",
            "wall-clock milliseconds one pack may take on one shipment or scenario; past it the pack fails closed"),
    RULES_BATCH_DEADLINE("rules.batch-deadline-ms", "30000",
            "wall-clock milliseconds one pack may take on one invoice or chargeback batch; past it: row errors");

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** {@code http.body-limit} becomes {@code SHIPAUDIT_HTTP_BODY_LIMIT}. */
    public String envName() {
        return "SHIPAUDIT_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static ConfigKey byKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
