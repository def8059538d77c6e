package org.shipaudit.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.shipaudit.json.Mappers;
import org.shipaudit.store.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys file: a YAML list of {@code name}, {@code sha256} (hex hash of the key), {@code roles} and
 * {@code created}. Keys are 32 random bytes, so a plain SHA-256 is enough to make a stolen file useless (no dictionary
 * to try). A presented key's hash is compared with every stored hash in constant time, so response times say nothing
 * about how close a guess came. {@link #watch} keeps the keys in step with the file while the service runs: a key
 * added or revoked takes effect within the poll interval, without a restart.
 *
 * <p>Nodes sharing a database keep their keys in it instead ({@link Shared}, the {@code api_keys} table), so a key
 * created on one node works on every node, and a revoked one stops working on every node, within the poll interval.
 * A keys file is copied into the database once with {@link #importFile} ({@code keys import}); after that the
 * nodes no longer read it.
 */
public final class ApiKeys implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as listed: never the key or its hash. */
    public record KeyInfo(String name, Set<Role> roles, Instant created) {
    }

    /** One accepted key: its hash as bytes (for the constant-time comparison) and who it is. */
    private record Stored(byte[] sha256, Principal principal) {
    }

    private final AtomicReference<List<Stored>> keys;
    private final ScheduledExecutorService watcher;

    private ApiKeys(List<Stored> keys, ScheduledExecutorService watcher) {
        this.keys = new AtomicReference<>(List.copyOf(keys));
        this.watcher = watcher;
    }

    /** Keys file on disk, read once; a missing file is an empty set of keys. */
    public static ApiKeys load(Path file) throws IOException {
        return new ApiKeys(read(file), null);
    }

    /**
     * Keys file on disk, re-read whenever it changes (a cheap stat every {@code interval} on a daemon thread, never on
     * an event loop). A file that becomes unreadable or invalid fails closed: no key is accepted until it is fixed,
     * and the error names the file and the entry.
     *
     * @throws IOException when the file is invalid at start
     */
    public static ApiKeys watch(Path file, Duration interval) throws IOException {
        ScheduledExecutorService exec = watcherThread();
        ApiKeys apiKeys = new ApiKeys(List.of(), exec);
        AtomicReference<Object> seen = new AtomicReference<>(stamp(file));
        apiKeys.keys.set(read(file));
        exec.scheduleWithFixedDelay(() -> {
            Object now = stamp(file);
            if (Objects.equals(now, seen.get())) {
                return;
            }
            seen.set(now);
            try {
                List<Stored> fresh = read(file);
                apiKeys.keys.set(fresh);
                LOG.info("API keys reloaded from {}: {} keys", file, fresh.size());
            } catch (IOException | RuntimeException e) {
                apiKeys.keys.set(List.of());
                LOG.error("API keys file {} is not valid, so no key is accepted until it is fixed: {}", file,
                        e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return apiKeys;
    }

    /** The daemon thread that re-reads the keys, never an event loop. */
    private static ScheduledExecutorService watcherThread() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "api-keys-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** What changes when the file is replaced or edited: inode (atomic rename), size, modification time. */
    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static List<Stored> read(Path file) throws IOException {
        return validated(entries(file), file + ": keys");
    }

    /** The entries as keys to compare with, each checked; a bad one fails naming {@code where[i]}. */
    private static List<Stored> validated(List<Entry> entries, String where0) throws IOException {
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String where = where0 + "[" + i + "]";
            if (e.name() == null || e.sha256() == null || !e.sha256().matches("[0-9a-f]{64}")) {
                throw new IOException(where + " needs a name and a 64-hex-digit sha256");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : e.roles() == null ? List.<String>of() : e.roles()) {
                try {
                    roles.add(Role.fromWire(r));
                } catch (IllegalArgumentException ex) {
                    throw new IOException(where + ": unknown role '" + r
                            + "' (auditor, finance, rule-author, admin)");
                }
            }
            stored.add(new Stored(HexFormat.of().parseHex(e.sha256()), new Principal(e.name(), Set.copyOf(roles))));
        }
        return stored;
    }

    public boolean isEmpty() {
        return keys.get().isEmpty();
    }

    /** The key's owner, comparing its hash with every stored one in constant time (no early exit). */
    public Optional<Principal> authenticate(String presentedKey) {
        if (presentedKey == null) {
            return Optional.empty();
        }
        byte[] presented = digest(presentedKey);
        Principal found = null;
        for (Stored s : keys.get()) {
            if (MessageDigest.isEqual(presented, s.sha256()) & found == null) {
                found = s.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Stops watching the file. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /**
     * Creates a key, appends its hash to the file (written atomically) and returns the key: the only time it exists in
     * clear.
     */
    public static String create(Path file, String name, Set<Role> roles) throws IOException {
        String key = newKey();
        List<Entry> entries = new ArrayList<>(entries(file));
        if (entries.stream().anyMatch(e -> name.equals(e.name()))) {
            throw new IOException("a key named '" + name + "' already exists in " + file);
        }
        entries.add(entry(name, key, roles));
        write(file, entries);
        return key;
    }

    private static String newKey() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return "sa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static Entry entry(String name, String key, Set<Role> roles) {
        return new Entry(name, hash(key), roles.stream().map(Role::wireName).sorted().toList(),
                Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * The keys of nodes sharing a database, as this package sees them (the store implements it on the
     * {@code api_keys} table). Blocking: worker or watcher threads only.
     */
    public interface Shared {

        /** Every key, in name order; throws when the database cannot be read. */
        List<Entry> entries() throws IOException;

        /** Adds a key; fails naming it when a key of that name exists. */
        void add(Entry entry) throws IOException;

        /** Removes the key of that name; false when there is none. */
        boolean remove(String name) throws IOException;

        /** Where the keys are, for messages (never the password). */
        String describe();
    }

    /**
     * The shared database's keys, read again every {@code interval}: a key created or revoked on any node takes
     * effect on this one within it. Entries that are not valid fail closed (no key accepted until fixed); a database
     * that cannot be read keeps the keys last read (every other request fails then too, and a revocation cannot be
     * written meanwhile).
     *
     * @throws IOException when the keys cannot be read or are invalid at start
     */
    public static ApiKeys watch(Shared shared, Duration interval) throws IOException {
        ScheduledExecutorService exec = watcherThread();
        ApiKeys apiKeys = new ApiKeys(List.of(), exec);
        List<Entry> first = shared.entries();
        apiKeys.keys.set(validated(first, shared.describe()));
        AtomicReference<List<Entry>> seen = new AtomicReference<>(first);
        exec.scheduleWithFixedDelay(() -> {
            List<Entry> now;
            try {
                now = shared.entries();
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot read the API keys from {}; keeping the {} read before: {}", shared.describe(),
                        apiKeys.keys.get().size(), e.getMessage());
                return;
            }
            if (now.equals(seen.get())) {
                return;
            }
            seen.set(now);
            try {
                List<Stored> fresh = validated(now, shared.describe());
                apiKeys.keys.set(fresh);
                LOG.info("API keys reloaded from {}: {} keys", shared.describe(), fresh.size());
            } catch (IOException e) {
                apiKeys.keys.set(List.of());
                LOG.error("API keys in {} are not valid, so no key is accepted until they are fixed: {}",
                        shared.describe(), e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return apiKeys;
    }

    /** As {@link #create(Path, String, Set)}, in the shared database: the key works on every node. */
    public static String create(Shared shared, String name, Set<Role> roles) throws IOException {
        String key = newKey();
        shared.add(entry(name, key, roles));
        return key;
    }

    /** The shared database's keys, as {@link #list(Path)} lists a file's. */
    public static List<KeyInfo> list(Shared shared) throws IOException {
        List<Entry> entries = shared.entries();
        List<Stored> stored = validated(entries, shared.describe());
        List<KeyInfo> list = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            list.add(new KeyInfo(stored.get(i).principal().name(), stored.get(i).principal().roles(),
                    created(entries.get(i).created())));
        }
        return list;
    }

    /** Revokes a key in the shared database: every node refuses it within its poll interval. */
    public static void revoke(Shared shared, String name) throws IOException {
        if (!shared.remove(name)) {
            throw new IOException("no key named '" + name + "' in " + shared.describe());
        }
    }

    /**
     * Copies a keys file into the shared database (its hashes: no key is ever seen in clear): the way from one node's
     * file to keys shared by every node. A name already in the database is left as it is there, and reported.
     *
     * @return the names left out because the database has a key of that name
     * @throws IOException naming the file's entry when it is not valid (nothing is copied then)
     */
    public static List<String> importFile(Path file, Shared shared) throws IOException {
        List<Entry> entries = entries(file);
        read(file); // every entry valid before any is copied
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Entry e : shared.entries()) {
            present.add(e.name());
        }
        List<String> skipped = new ArrayList<>();
        for (Entry e : entries) {
            if (present.contains(e.name())) {
                skipped.add(e.name());
            } else {
                shared.add(e);
            }
        }
        return skipped;
    }

    /** The keys in the file: name, roles and when created (unknown for keys made before it was recorded). */
    public static List<KeyInfo> list(Path file) throws IOException {
        List<Stored> stored = read(file); // validates every entry first, naming a bad one
        List<Entry> entries = entries(file);
        List<KeyInfo> list = new ArrayList<>();
        for (int i = 0; i < stored.size() && i < entries.size(); i++) {
            Principal p = stored.get(i).principal();
            list.add(new KeyInfo(p.name(), p.roles(), created(entries.get(i).created())));
        }
        return list;
    }

    private static Instant created(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null; // edited by hand: the date is informative only
        }
    }

    /**
     * Removes the key of that name from the file (written atomically); a running service stops accepting it within
     * its poll interval.
     *
     * @throws IOException when no key has that name
     */
    public static void revoke(Path file, String name) throws IOException {
        List<Entry> entries = new ArrayList<>(entries(file));
        if (!entries.removeIf(e -> name.equals(e.name()))) {
            throw new IOException("no key named '" + name + "' in " + file);
        }
        write(file, entries);
    }

    private static List<Entry> entries(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        KeysFile parsed = Mappers.yaml().readValue(file.toFile(), KeysFile.class);
        return parsed == null || parsed.keys() == null ? List.of() : parsed.keys();
    }

    private static void write(Path file, List<Entry> entries) throws IOException {
        byte[] content = Mappers.yaml().writeValueAsString(new KeysFile(entries)).getBytes(StandardCharsets.UTF_8);
        FileTrees.writeAtomically(file, out -> out.write(content));
    }

    static String hash(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's shape. */
    record KeysFile(List<Entry> keys) {
    }

    /**
     * One key as kept: its name, the hex SHA-256 of the key, its roles' wire names, and {@code created} an ISO
     * instant (absent in files written before it was recorded).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String name, String sha256, List<String> roles, String created) {
    }
}
