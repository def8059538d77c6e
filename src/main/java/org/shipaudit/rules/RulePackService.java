package org.shipaudit.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.shipaudit.store.PackVersion;
import org.shipaudit.store.PackVersionStore;
import org.shipaudit.store.SharedPackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of rule packs: load at start-up (reconciling the rules directory with the version store), validate a
 * candidate, deploy it, roll back, reload from disk. Every change goes through the same gate (compiles, has scenarios,
 * all pass, full coverage) and is then one atomic swap in the registry: audits already running keep the version they
 * started with. Changes to one pack are serialised; a concurrent change is refused, not queued. Validates and changes
 * run on the {@link BuildLane}, at low CPU priority and one compile at a time, so they do not slow the audits down.
 * Blocking (compiles, disk): call from worker threads.
 */
public final class RulePackService {

    private static final Logger LOG = LoggerFactory.getLogger(RulePackService.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final RulePackRegistry registry = new RulePackRegistry();
    private final PackVersionStore store;
    private final Path rulesDir;
    private final Clock clock;
    /** Compiled packs on disk: start-up and rollback load what was compiled before instead of compiling it again. */
    private final PackCache cache;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Test seam: runs where a crash hurt most, after the version is announced and before the directory swap. */
    private volatile Runnable beforeSwap = () -> { };
    /** The versions every node of a shared database follows; null for a node alone on its database. */
    private volatile SharedPackStore shared;
    /** Why this node runs another version of a pack than the cluster's active one, by pack. */
    private final Map<String, String> syncProblems = new ConcurrentHashMap<>();
    private volatile long seenActivation = -1;
    private java.util.concurrent.ScheduledExecutorService follower;
    /** Candidates another node is validating, compiled here meanwhile, by pack and content hash. */
    private final Map<String, RulePack> precompiled = new ConcurrentHashMap<>();
    private volatile long seenCandidate;
    private java.util.concurrent.ExecutorService precompiler;

    private RulePackService(PackVersionStore store, Path rulesDir, Clock clock, PackCache cache) {
        this.store = store;
        this.rulesDir = rulesDir;
        this.clock = clock;
        this.cache = cache;
    }

    /**
     * Loads every pack of the rules directory. A pack unchanged since its last activation keeps its version; a new or
     * changed one (edited while the service was stopped) is recorded as a new version. A pack that does not compile
     * stops start-up, naming file and line.
     */
    public static RulePackService open(Path rulesDir, PackVersionStore store, Clock clock) {
        return open(rulesDir, store, clock, PackCache.none());
    }

    /** As {@link #open(Path, PackVersionStore, Clock)}, loading compiled packs from {@code cache} where it can. */
    public static RulePackService open(Path rulesDir, PackVersionStore store, Clock clock, PackCache cache) {
        RulePackService service = new RulePackService(store, rulesDir, clock, cache);
        service.recoverInterruptedChanges();
        // Packs compile independently: in parallel, start-up takes about the time of the largest pack.
        List<RulePack> compiled = packDirs(rulesDir).parallelStream()
                .map(dir -> RulePackCompiler.compile(PackFiles.read(dir), null, cache))
                .toList();
        for (RulePack declared : compiled) {
            String name = declared.name();
            Optional<PackVersion> active = store.active(name);
            if (active.isPresent() && active.get().contentHash().equals(declared.contentHash())) {
                service.registry.activate(declared.withVersion(active.get().version()));
                continue;
            }
            RulePack pack = active.isPresent() ? declared.withVersion(store.nextVersion(name)) : declared;
            service.commit(pack, service.newRecord(pack, active.isPresent() ? "reload" : "initial", "rules-directory",
                    active.isPresent() ? "changed in the rules directory while the service was stopped"
                            : "first loaded from the rules directory", active.map(PackVersion::version).orElse(null)),
                    false);
        }
        return service;
    }

    /** For crash tests: the hook sees the disk as a kill -9 between the store write and the swap would leave it. */
    void beforeSwap(Runnable hook) {
        this.beforeSwap = hook;
    }

    public RulePackRegistry registry() {
        return registry;
    }

    public List<PackVersion> history(String name) {
        requireKnown(name);
        SharedPackStore cluster = shared;
        // On a shared database the history is the cluster's: every deploy and rollback, on whichever node.
        return cluster != null ? cluster.history(name) : store.history(name);
    }

    public Optional<PackVersion> activation(String name) {
        return store.active(name);
    }

    public RulePack active(String name) {
        RulePack pack = registry.snapshot().get(name);
        if (pack == null) {
            throw new PackChangeRefused(PackChangeRefused.Reason.NOT_FOUND, "no rule pack named '" + name + "'");
        }
        return pack;
    }

    /** The exact files of a stored version, so any finding can be traced to the rule text that produced it. */
    public Map<String, byte[]> versionFiles(String name, String version) {
        boolean wellFormed = NAME.matcher(name).matches() && version.matches("[\\w.\\-]+");
        if (wellFormed && store.hasVersion(name, version)) {
            return store.files(name, version);
        }
        SharedPackStore cluster = shared;
        Optional<Map<String, byte[]>> published = wellFormed && cluster != null ? cluster.files(name, version)
                : Optional.empty();
        return published.orElseThrow(() -> new PackChangeRefused(PackChangeRefused.Reason.NOT_FOUND,
                "no version '" + version + "' of rule pack '" + name + "'"));
    }

    public ValidationReport validate(String name, PackUpload upload) {
        return BuildLane.change(() -> PackValidator.validate(candidate(name, upload), registry.snapshot().values(), cache))
                .report();
    }

    /** Validates and, only if valid, activates the candidate as a new version and records who and why. */
    public PackVersion deploy(String name, PackUpload upload, String author, String message, String baseVersion) {
        return underLock(name, () -> {
            RulePack current = registry.snapshot().get(name);
            if (baseVersion != null && !baseVersion.isBlank() && (current == null || !current.version().equals(baseVersion))) {
                throw new PackChangeRefused(PackChangeRefused.Reason.STALE, "the candidate was made from version "
                        + baseVersion + " but version " + (current == null ? "none" : current.version())
                        + " is active; start again from the active version");
            }
            PackFiles candidate = candidate(name, upload);
            SharedPackStore cluster = shared;
            if (cluster != null) {
                // The other nodes compile it while this one validates it: activation then costs them no compile.
                cluster.announce(name, candidate.contentHash(), candidate.files());
            }
            PackValidator.Outcome outcome = PackValidator.validate(candidate, registry.snapshot().values(), cache);
            if (!outcome.report().valid()) {
                throw new PackChangeRefused(PackChangeRefused.Reason.INVALID, "the candidate for pack '" + name
                        + "' is not valid; version " + (current == null ? "none" : current.version())
                        + " stays active", outcome.report());
            }
            RulePack pack = outcome.pack().withVersion(nextVersion(name));
            PackVersion record = newRecord(pack, "deploy", author, message, current == null ? null : current.version());
            publish(record, pack.files().files(), current);
            commit(pack, record, true);
            LOG.info("rule pack {} version {} deployed by {}: {}", name, pack.version(), author, message);
            return record;
        });
    }

    /**
     * Reactivates a stored version: the one active before the current, or the one named. Plain rollbacks walk back
     * through the activations ({@link ActivationTrail}), so repeating one never toggles between two versions.
     *
     * @throws PackChangeRefused CONFLICT when the target is already active or there is nothing before the first version
     */
    public PackVersion rollback(String name, String toVersion, String author, String message) {
        return underLock(name, () -> {
            RulePack current = active(name);
            ActivationTrail trail = ActivationTrail.of(shared != null ? shared.history(name) : store.history(name));
            String target;
            if (toVersion == null) {
                target = trail.beforeCurrent().orElseThrow(() -> new PackChangeRefused(PackChangeRefused.Reason.CONFLICT,
                        "version " + current.version() + " of pack '" + name + "' is the first one still in its "
                                + "history; there is no earlier version to roll back to"));
            } else {
                target = toVersion;
                if (target.equals(current.version())) {
                    throw new PackChangeRefused(PackChangeRefused.Reason.CONFLICT, "version " + target
                            + " of pack '" + name + "' is already active; nothing to roll back");
                }
            }
            Map<String, byte[]> files = versionFiles(name, target);
            RulePack pack = BuildLane.compile(() -> RulePackCompiler.compile(new PackFiles(name, files), target, cache));
            PackVersion record = new PackVersion(name, target, pack.contentHash(), "rollback", author,
                    message != null && !message.isBlank() ? message : "rolled back from version " + current.version(),
                    now(), current.version());
            publish(record, null, current);
            commit(pack, record, true);
            LOG.info("rule pack {} rolled back from version {} to {} by {}", name, current.version(), target, author);
            return record;
        });
    }

    /**
     * Picks up a pack changed in the rules directory (by hand or by git) through the same gate as a deploy. Unchanged
     * content is a no-op that answers the active version.
     */
    public PackVersion reload(String name, String author) {
        return underLock(name, () -> {
            Path dir = rulesDir.resolve(name);
            if (!Files.isRegularFile(dir.resolve("pack.yaml"))) {
                throw new PackChangeRefused(PackChangeRefused.Reason.NOT_FOUND,
                        "no pack '" + name + "' in the rules directory " + rulesDir);
            }
            PackFiles files = PackFiles.read(dir);
            RulePack current = registry.snapshot().get(name);
            if (current != null && current.contentHash().equals(files.contentHash())) {
                return store.active(name).orElseThrow();
            }
            PackValidator.Outcome outcome = PackValidator.validate(files, registry.snapshot().values(), cache);
            if (!outcome.report().valid()) {
                throw new PackChangeRefused(PackChangeRefused.Reason.INVALID, "pack '" + name + "' in the rules "
                        + "directory is not valid; version " + (current == null ? "none" : current.version())
                        + " stays active", outcome.report());
            }
            RulePack pack = outcome.pack().withVersion(nextVersion(name));
            PackVersion record = newRecord(pack, "reload", author, "reloaded from the rules directory",
                    current == null ? null : current.version());
            publish(record, pack.files().files(), current);
            commit(pack, record, false);
            LOG.info("rule pack {} version {} reloaded from {} by {}", name, pack.version(), dir, author);
            return record;
        });
    }

    /**
     * Follows the rule-pack versions of a shared database from now on: packs the cluster does not know yet are
     * published as this node has them (the first node seeds the cluster), packs it knows are brought to its active
     * version, and then the active versions are polled every {@code poll}: a deploy or rollback on any node is
     * compiled and swapped in here within about that time. A version this node cannot compile leaves the old one
     * active and is reported by {@link #clusterProblems}.
     */
    public void followCluster(SharedPackStore cluster, java.time.Duration poll) {
        this.shared = cluster;
        seenCandidate = cluster.lastCandidateId();
        syncWithCluster();
        precompiler = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "shipaudit-pack-precompiler");
            t.setDaemon(true);
            return t;
        });
        follower = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shipaudit-pack-follower");
            t.setDaemon(true);
            return t;
        });
        follower.scheduleWithFixedDelay(() -> {
            try {
                precompileCandidates();
                syncWithCluster();
            } catch (RuntimeException e) {
                LOG.warn("cannot read the cluster's rule-pack versions: {}", e.toString());
            }
        }, poll.toMillis(), poll.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Stops following the cluster (the service is stopping). */
    public void stopFollowing() {
        if (follower != null) {
            follower.shutdownNow();
            precompiler.shutdownNow();
        }
    }

    /** Starts compiling the candidates other nodes announced since the last poll, off the polling thread. */
    private void precompileCandidates() {
        for (SharedPackStore.Candidate c : shared.candidatesAfter(seenCandidate)) {
            seenCandidate = c.id();
            String key = c.pack() + "@" + c.contentHash();
            RulePack current = registry.snapshot().get(c.pack());
            if (precompiled.containsKey(key) || current != null && current.contentHash().equals(c.contentHash())) {
                continue;
            }
            precompiler.submit(() -> {
                try {
                    precompiled.put(key, RulePackCompiler.compile(new PackFiles(c.pack(), c.files()), null, cache));
                    // One pending candidate per pack is enough: drop older ones of the same pack.
                    precompiled.keySet().removeIf(k -> k.startsWith(c.pack() + "@") && !k.equals(key));
                } catch (RuntimeException e) {
                    LOG.info("candidate of pack {} does not compile here ({}); the deploy will refuse it", c.pack(),
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                                    .orElse(""));
                }
            });
        }
    }

    /** Why this node does not run the cluster's active version of a pack, by pack; empty when it is in step. */
    public Map<String, String> clusterProblems() {
        return Map.copyOf(syncProblems);
    }

    /** Brings every pack to the cluster's active version; cheap (one query) when nothing changed since the last call. */
    synchronized void syncWithCluster() {
        SharedPackStore cluster = shared;
        long last = cluster.lastActivationId();
        if (last == seenActivation) {
            return;
        }
        Map<String, PackVersion> active = cluster.active();
        for (PackVersion wanted : active.values()) {
            RulePack current = registry.snapshot().get(wanted.pack());
            if (current != null && current.version().equals(wanted.version())
                    && current.contentHash().equals(wanted.contentHash())) {
                syncProblems.remove(wanted.pack());
                continue;
            }
            adopt(cluster, wanted, current);
        }
        for (RulePack local : registry.snapshot().values()) {
            if (!active.containsKey(local.name())) {
                PackVersion record = store.active(local.name()).orElse(newRecord(local, "initial", "rules-directory",
                        "first loaded from the rules directory", null));
                if (cluster.publish(record, local.files().files(), null)) {
                    LOG.info("rule pack {} version {} published to the cluster", local.name(), local.version());
                } else {
                    last = -1; // another node published it first: adopt its version at the next poll
                }
            }
        }
        seenActivation = last;
    }

    /** Compiles the cluster's version of a pack and swaps it in; a version that does not compile is reported. */
    private void adopt(SharedPackStore cluster, PackVersion wanted, RulePack current) {
        String name = wanted.pack();
        ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
        lock.lock();
        try {
            RulePack now = registry.snapshot().get(name);
            if (now != null && now.version().equals(wanted.version()) && now.contentHash().equals(wanted.contentHash())) {
                return; // this node made the change itself, and applied it while the poll waited for the lock
            }
            Map<String, byte[]> files = cluster.files(name, wanted.version()).orElseThrow(() -> new IllegalStateException(
                    "the cluster names version " + wanted.version() + " of pack " + name + " but holds no files for it"));
            RulePack ready = precompiled.remove(name + "@" + wanted.contentHash());
            RulePack pack = ready != null ? ready.withVersion(wanted.version())
                    : RulePackCompiler.compile(new PackFiles(name, files), wanted.version(), cache);
            commit(pack, wanted, true);
            syncProblems.remove(name);
            LOG.info("rule pack {} version {} activated from the cluster ({} by {} on another node)", name,
                    wanted.version(), wanted.action(), wanted.author());
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            syncProblems.put(name, "version " + wanted.version() + " of pack " + name + " is active on the cluster but"
                    + " cannot be activated on this node (" + why.lines().findFirst().orElse("") + "); version "
                    + (current == null ? "none" : current.version()) + " stays active here");
            LOG.error("rule pack {}: cannot activate the cluster's version {}", name, wanted.version(), e);
        } finally {
            lock.unlock();
        }
    }

    /** The next version number: past every version of this node's store and, when shared, the cluster's. */
    private String nextVersion(String name) {
        long local = Long.parseLong(store.nextVersion(name));
        SharedPackStore cluster = shared;
        return Long.toString(cluster == null ? local : Math.max(local, cluster.nextVersion(name)));
    }

    /**
     * On a shared database, makes a change the cluster's (its commit point for every node) before this node
     * applies it; refused when another node changed the pack since this one read it.
     */
    private void publish(PackVersion record, Map<String, byte[]> files, RulePack current) {
        SharedPackStore cluster = shared;
        if (cluster != null && !cluster.publish(record, files, current == null ? null : current.version())) {
            throw new PackChangeRefused(PackChangeRefused.Reason.BUSY, "another node changed pack '" + record.pack()
                    + "' at the same time; this node follows its version within a second: try again then");
        }
    }

    private PackFiles candidate(String name, PackUpload upload) {
        if (!NAME.matcher(name).matches()) {
            throw new PackChangeRefused(PackChangeRefused.Reason.BAD_REQUEST, "a pack name is lower-case letters, "
                    + "digits and '-', got '" + name + "'");
        }
        List<String> bad = new ArrayList<>();
        upload.files().keySet().stream().filter(p -> !PackUpload.allowedPath(p)).forEach(bad::add);
        upload.deletes().stream().filter(p -> !PackUpload.allowedPath(p)).forEach(bad::add);
        if (!bad.isEmpty()) {
            throw new PackChangeRefused(PackChangeRefused.Reason.BAD_REQUEST, "not a path inside a pack: " + bad
                    + " (allowed: pack.yaml, CHANGELOG.md, README.md, drl/*.drl, tables/*.xlsx|csv, scenarios/*.yaml; "
                    + "no hidden .files or ~$ lock files)");
        }
        Map<String, byte[]> files = new TreeMap<>();
        RulePack current = registry.snapshot().get(name);
        if (!upload.replace() && current != null) {
            files.putAll(current.files().files());
        }
        upload.deletes().forEach(files::remove);
        files.putAll(upload.files());
        return new PackFiles(name, files);
    }

    private PackVersion newRecord(RulePack pack, String action, String author, String message, String previous) {
        return new PackVersion(pack.name(), pack.version(), pack.contentHash(), action, author, message, now(), previous);
    }

    /**
     * Makes a change durable, write-ahead so that a crash at any point leaves either the old version (nothing in the
     * history, leftovers cleaned at the next start) or the new one, never an unacknowledged version in the history:
     * store the version's files, announce the change as pending, swap the rules directory, append the history record
     * (the commit point), clear the announcement, activate. A failure before the commit point undoes the change.
     *
     * @param writeDirectory false when the rules directory already holds the pack (start-up, reload)
     */
    private PackVersion commit(RulePack pack, PackVersion record, boolean writeDirectory) {
        String name = pack.name();
        try {
            store.saveFiles(name, pack.version(), pack.files().files());
            store.markPending(record);
            beforeSwap.run();
            if (writeDirectory) {
                PackDirectory.write(rulesDir, name, pack.files().files());
            }
            store.append(record);
        } catch (RuntimeException | Error e) {
            undo(name, writeDirectory);
            throw e;
        }
        registry.activate(pack);
        try {
            store.clearPending(name);
        } catch (RuntimeException e) {
            // Committed already: the next start sees the announcement matches the history and just removes it.
            LOG.warn("rule pack {} version {} is active but its pending marker could not be removed", name,
                    pack.version(), e);
        }
        return record;
    }

    /**
     * Undoes an interrupted change: the rules directory back to the active version's files (unless the change came
     * from the directory itself), versions the history never recorded removed, the announcement cleared.
     */
    private void undo(String name, boolean restoreDirectory) {
        try {
            Optional<PackVersion> active = store.active(name);
            if (restoreDirectory) {
                if (active.isPresent()) {
                    PackDirectory.write(rulesDir, name, store.files(name, active.get().version()));
                } else {
                    PackDirectory.remove(rulesDir, name); // the interrupted change was the pack's first deploy
                }
            }
            store.removeUnrecorded(name);
            store.clearPending(name);
        } catch (RuntimeException e) {
            LOG.error("rule pack {}: could not undo an interrupted change; the next start tries again", name, e);
        }
    }

    /**
     * At start, before the rules directory is read: finishes or undoes changes a crash interrupted. A change whose
     * record reached the history was committed and only loses its announcement; any other was never acknowledged and
     * is undone. Then every pack's unrecorded versions and the directory's swap leftovers are removed.
     */
    private void recoverInterruptedChanges() {
        for (String name : store.packs()) {
            if (store.repairHistory(name)) {
                LOG.warn("rule pack {}: cut a history record torn by a crash (its change was never acknowledged)", name);
            }
            Optional<PackVersion> pending = store.pending(name);
            if (pending.isPresent()) {
                Optional<PackVersion> last = store.active(name);
                if (last.isPresent() && last.get().equals(pending.get())) {
                    store.clearPending(name);
                } else {
                    LOG.warn("rule pack {}: the {} of version {} was interrupted before it was acknowledged; undoing it",
                            name, pending.get().action(), pending.get().version());
                    undo(name, !"reload".equals(pending.get().action()) && !"initial".equals(pending.get().action()));
                }
            }
            List<String> removed = store.removeUnrecorded(name);
            if (!removed.isEmpty()) {
                LOG.warn("rule pack {}: removed versions {} that were never recorded in its history", name, removed);
            }
        }
        PackDirectory.removeLeftovers(rulesDir);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private void requireKnown(String name) {
        if (!registry.snapshot().containsKey(name) && store.history(name).isEmpty()) {
            throw new PackChangeRefused(PackChangeRefused.Reason.NOT_FOUND, "no rule pack named '" + name + "'");
        }
    }

    /** Runs a change of one pack on the build lane, refused at once while another change of the same pack runs. */
    private <T> T underLock(String name, java.util.function.Supplier<T> change) {
        return BuildLane.change(() -> {
            ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
            if (!lock.tryLock()) {
                throw new PackChangeRefused(PackChangeRefused.Reason.BUSY, "another change to pack '" + name
                        + "' is in progress; try again when it has finished");
            }
            try {
                return change.get();
            } finally {
                lock.unlock();
            }
        });
    }

    private static List<Path> packDirs(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            throw new RulePackException(rulesDir.toString(),
                    List.of(new CompileError(rulesDir.toString(), 0, "rules directory does not exist")));
        }
        try (Stream<Path> list = Files.list(rulesDir)) {
            return list.filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> Files.isRegularFile(d.resolve("pack.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rules directory " + rulesDir, e);
        }
    }
}
