package org.shipaudit.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.internal.builder.KnowledgeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled packs on disk, so start-up and rollback load a pack instead of compiling it: turning its tables into DRL,
 * checking the sources and the Drools build are replaced by reading the result (a tenth of the time or less). Drools 10 no longer serialises a KieBase, but its
 * packages (rules, Rete-independent, with the bytecode of the generated classes) still serialise; a new KieBase is
 * built from them with the same {@link SandboxClassLoader} a compile uses, so loaded rules see exactly the classes
 * compiled ones do.
 *
 * <p>An entry is used only when all of these hold, otherwise the pack is compiled (never a failure):
 * <ul>
 *   <li>its key matches: SHA-256 of the pack's files ({@link PackFiles#contentHash}) and of {@link #BUILD}, which
 *       covers the Drools and Java versions and this build (the jar, or the classes of the rules, model and findings
 *       packages, the allow-list and sandbox among them). A new build or a changed allow-list never reads old
 *       entries; an entry is stored only for a pack that passed every check of that build;</li>
 *   <li>its HMAC verifies with this data directory's secret key ({@code .key}, owner-only), checked <em>before</em>
 *       anything is deserialised: a file this service did not write is never deserialised;</li>
 *   <li>it deserialises into a KieBase; a damaged or unreadable entry is deleted and the pack compiled.</li>
 * </ul>
 * Entries are written
 * atomically (temporary file, then rename) and the oldest past {@link #MAX_ENTRIES} are removed.
 */
public final class PackCache {

    private static final Logger LOG = LoggerFactory.getLogger(PackCache.class);
    private static final byte[] MAGIC = "SHIPAUDIT-PACKS-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_BYTES = 32;
    /** Enough for every pack's active version and a few to roll back to; about 0.5 MB each. */
    static final int MAX_ENTRIES = 96;
    /** The build's fingerprint, part of every key: entries made by another build are never read. */
    static final String BUILD = buildFingerprint();
    private static final PackCache NONE = new PackCache(null, null);

    private final Path dir;
    private final byte[] secret;
    private final java.util.concurrent.atomic.AtomicLong hits = new java.util.concurrent.atomic.AtomicLong();

    private PackCache(Path dir, byte[] secret) {
        this.dir = dir;
        this.secret = secret;
    }

    /** No cache: every pack is compiled (tests, the CLI's one-off audits). */
    public static PackCache none() {
        return NONE;
    }

    /**
     * The cache in {@code dir} (created, with its secret key, if absent). A directory that cannot be used gives no
     * cache and a warning: a cache only ever saves time.
     */
    public static PackCache in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path keyFile = dir.resolve(".key");
            if (!Files.isRegularFile(keyFile)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path tmp = dir.resolve(".key.tmp");
                Files.write(tmp, fresh);
                ownerOnly(tmp);
                move(tmp, keyFile);
            }
            byte[] secret = Files.readAllBytes(keyFile);
            if (secret.length < 16) {
                throw new IOException("key file " + keyFile + " is too short");
            }
            return new PackCache(dir, secret);
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled-pack cache in {} not usable, packs are compiled at every start: {}", dir, e.toString());
            return NONE;
        }
    }

    /** Packs loaded instead of compiled so far (the start-up log reports it). */
    public long hits() {
        return hits.get();
    }

    Path directory() {
        return dir;
    }

    boolean enabled() {
        return dir != null;
    }

    /** What an entry holds: the compiled rules and the DRL the pack's tables were turned into. */
    record Entry(KieBase kieBase, Map<String, String> generatedDrl) {
    }

    /** The key of a compiled pack: its name, its files' content hash ({@link PackFiles#contentHash}) and this build. */
    static String key(String packName, String contentHash) {
        MessageDigest sha = sha256();
        sha.update(BUILD.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(packName.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(contentHash.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The entry stored under this key, or null when there is none or it cannot be used (then it is removed). */
    Entry load(String packName, String key, ClassLoader sandbox) {
        if (dir == null) {
            return null;
        }
        Path file = file(packName, key);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            byte[] header = header(key);
            int payloadAt = header.length + MAC_BYTES;
            if (bytes.length <= payloadAt || !Arrays.equals(bytes, 0, header.length, header, 0, header.length)) {
                throw new IOException("not an entry for this key");
            }
            byte[] payload = Arrays.copyOfRange(bytes, payloadAt, bytes.length);
            if (!MessageDigest.isEqual(mac(header, payload), Arrays.copyOfRange(bytes, header.length, payloadAt))) {
                throw new IOException("its signature does not verify (not written by this service)");
            }
            List<KiePackage> packages;
            Map<String, String> generated;
            // Drools' own classes are resolved by the application class loader; the rules' generated classes are
            // defined below from their bytecode by the KieBase's class loader, whose parent is the sandbox.
            try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload),
                    RulePackCompiler.class.getClassLoader())) {
                @SuppressWarnings("unchecked")
                List<KiePackage> read = (List<KiePackage>) in.readObject();
                packages = read;
                @SuppressWarnings("unchecked")
                Map<String, String> tables = (Map<String, String>) in.readObject();
                generated = tables;
            }
            var kieBase = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase(
                    KieServices.get().newKieBaseConfiguration(null, sandbox));
            kieBase.addPackages(packages);
            try {
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis())); // recently used
            } catch (IOException ignored) {
                // only the eviction order suffers
            }
            hits.incrementAndGet();
            return new Entry(kieBase, generated);
        } catch (Exception | LinkageError e) {
            LOG.warn("compiled-pack cache: entry {} for pack {} is unusable ({}); compiling the pack instead", file,
                    packName, e.toString());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next store overwrites it
            }
            return null;
        }
    }

    /**
     * Stores a pack that compiled and passed every check; a failure to write is logged and otherwise ignored.
     */
    void store(String packName, String key, java.util.Collection<KiePackage> packages, Map<String, String> generated) {
        if (dir == null) {
            return;
        }
        Path file = file(packName, key);
        Path tmp = dir.resolve("." + file.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(256 * 1024);
            try (ObjectOutputStream out = new DroolsObjectOutputStream(payload)) {
                out.writeObject(new ArrayList<>(packages));
                out.writeObject(new java.util.LinkedHashMap<>(generated));
            }
            byte[] header = header(key);
            byte[] bytes = payload.toByteArray();
            try (var out = Files.newOutputStream(tmp)) {
                out.write(header);
                out.write(mac(header, bytes));
                out.write(bytes);
            }
            move(tmp, file);
            evict();
        } catch (Exception e) {
            LOG.warn("compiled-pack cache: could not store pack {} ({}); it is compiled again at the next start",
                    packName, e.toString());
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover .tmp is removed at the next eviction
            }
        }
    }

    private Path file(String packName, String key) {
        return dir.resolve(packName + "-" + key + ".packs");
    }

    private static byte[] header(String key) {
        byte[] k = (key + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] h = Arrays.copyOf(MAGIC, MAGIC.length + k.length);
        System.arraycopy(k, 0, h, MAGIC.length, k.length);
        return h;
    }

    private byte[] mac(byte[] header, byte[] payload) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update(header);
        return mac.doFinal(payload);
    }

    /** Keeps the most recently used entries; removes temporary files older than a minute (a crash mid-write). */
    private void evict() throws IOException {
        List<Path> entries = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String n = p.getFileName().toString();
                if (n.endsWith(".packs")) {
                    entries.add(p);
                } else if (n.endsWith(".tmp") && now - Files.getLastModifiedTime(p).toMillis() > 60_000) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (entries.size() <= MAX_ENTRIES) {
            return;
        }
        entries.sort(java.util.Comparator.comparing(p -> {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                return FileTime.fromMillis(0);
            }
        }));
        for (Path p : entries.subList(0, entries.size() - MAX_ENTRIES)) {
            Files.deleteIfExists(p);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void ownerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not POSIX: the directory's own permissions apply
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Drools' and Java's versions (where their classes come from) and this build: the application jar's path, size
     * and time, or, run from classes (tests, an IDE), the bytes of every class rules are compiled against (facts,
     * findings, the rules package with its allow-list and sandbox). Generated rule classes link against those by
     * name, so an entry made before any of them changed must not be loaded.
     */
    private static String buildFingerprint() {
        MessageDigest sha = sha256();
        for (Class<?> c : List.of(KieBase.class, org.drools.core.impl.KnowledgeBaseImpl.class,
                org.drools.mvel.MVELKnowledgePackageImpl.class, KnowledgeBuilder.class)) {
            sha.update(String.valueOf(location(c)).getBytes(StandardCharsets.UTF_8));
        }
        sha.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
        try {
            Path own = location(PackCache.class);
            if (own == null) {
                sha.update(SecureRandom.getSeed(16)); // unknown build: never reuse an entry
            } else if (Files.isRegularFile(own)) {
                sha.update((own + "|" + Files.size(own) + "|" + Files.getLastModifiedTime(own).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                for (String pkg : List.of("org/shipaudit/model", "org/shipaudit/findings", "org/shipaudit/rules")) {
                    Path root = own.resolve(pkg);
                    if (!Files.isDirectory(root)) {
                        continue;
                    }
                    try (Stream<Path> walk = Files.walk(root)) {
                        for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                            sha.update(own.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                            sha.update(Files.readAllBytes(p));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            sha.update(SecureRandom.getSeed(16));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static Path location(Class<?> c) {
        try {
            var source = c.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }
}
