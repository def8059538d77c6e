package org.shipaudit.jobs;

import org.shipaudit.model.AuditKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.shipaudit.process.Fatal;
import org.shipaudit.store.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts uploads as jobs and runs them. {@link #submit} returns only once the file is on disk (forced) and the job is
 * committed in the database, so an acknowledged upload survives a crash. Workers take queued jobs one at a time;
 * at start-up, jobs left running by a crash are queued again and resume from their last checkpoint. A job that
 * fails {@value #MAX_ATTEMPTS} times in a row (it keeps crashing the worker) is marked failed rather than retried
 * for ever. {@link #close} (a normal stop: SIGTERM runs it from the shutdown hook) lets each running job commit the
 * batch in hand and puts it back in the queue, so it resumes at the next start exactly as after a crash; a failed job
 * is queued again by {@link #retry}.
 *
 * <p>Several nodes may share the database ({@link Node#shared}): each claims queued jobs with
 * {@code FOR UPDATE SKIP LOCKED} under a lease it renews every third of the lease; a node that dies (kill -9) stops
 * renewing, and when the lease runs out another node claims the job and resumes it after its last checkpoint. The
 * checkpoints and the end of a run are fenced by the lease's token, so a run that lost its lease commits nothing more:
 * no row is lost or audited twice. Uploads are then kept in the database too, and a node copies one to its own jobs
 * directory before it runs the job.
 *
 * <p>A large invoice upload is split into chunks after its first pass ({@link Node#chunkRows}); each chunk is a job row
 * of its own that any worker of any node claims, leases and resumes like a whole job, and the last chunk to end ends
 * the job ({@link JobStore#seal}, {@link JobStore#finish(String, Lease, JobStatus, String, java.time.Instant)}).
 */
public final class JobService implements AutoCloseable {

    /**
     * This node, as the job service sees it.
     *
     * @param id     the node's name in leases and logs
     * @param lease  how long a claimed job stays this node's without a renewal
     * @param shared    whether other nodes share the database: uploads are then stored in it too
     * @param chunkRows rows from which an invoice upload is split into chunks that any worker of any node audits
     *                  (0: never split)
     */
    public record Node(String id, java.time.Duration lease, boolean shared, long chunkRows) {

        /** A node alone on its database (the embedded default), which does not split jobs. */
        public static final Node ALONE = new Node("local", java.time.Duration.ofSeconds(15), false, 0);

        /** A node that does not split jobs. */
        public Node(String id, java.time.Duration lease, boolean shared) {
            this(id, lease, shared, 0);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    static final int MAX_ATTEMPTS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * How long {@link #close} waits for running jobs to reach a checkpoint: a batch takes well under a second, and
     * container runtimes send SIGKILL 10 s after SIGTERM, leaving time for the database and index to close.
     */
    static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(6);

    private final JobStore store;
    private final MappingStore mappings;
    private final Path jobsDir;
    private final Map<AuditKind, JobProcessor> processors;
    private final Clock clock;
    private final java.time.Duration stopGrace;
    private final Node node;
    /** The leases of the jobs this node runs now, renewed in the background. */
    private final Map<String, Lease> held = new java.util.concurrent.ConcurrentHashMap<>();
    /** Jobs whose lease another node took over: their runs stop at their next row or checkpoint. */
    private final java.util.Set<String> lost = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService renewer;
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> workers;
    private final int workerCount;
    private volatile boolean running = true;
    /** The running jobs as of their last checkpoint, for /metrics: read without a database call. */
    private final Map<String, Job> progress = new java.util.concurrent.ConcurrentHashMap<>();

    public JobService(JobStore store, MappingStore mappings, Path jobsDir, Map<AuditKind, JobProcessor> processors,
                      int workers, Clock clock) {
        this(store, mappings, jobsDir, processors, workers, clock, STOP_GRACE, Node.ALONE);
    }

    /** A node of a deployment whose database other nodes may share. */
    public JobService(JobStore store, MappingStore mappings, Path jobsDir, Map<AuditKind, JobProcessor> processors,
                      int workers, Clock clock, Node node) {
        this(store, mappings, jobsDir, processors, workers, clock, STOP_GRACE, node);
    }

    JobService(JobStore store, MappingStore mappings, Path jobsDir, Map<AuditKind, JobProcessor> processors, int workers,
               Clock clock, java.time.Duration stopGrace) {
        this(store, mappings, jobsDir, processors, workers, clock, stopGrace, Node.ALONE);
    }

    /** @param stopGrace how long {@link #close} waits for a running job to reach a checkpoint before interrupting it */
    JobService(JobStore store, MappingStore mappings, Path jobsDir, Map<AuditKind, JobProcessor> processors, int workers,
               Clock clock, java.time.Duration stopGrace, Node node) {
        this.stopGrace = stopGrace;
        this.node = node;
        this.store = store;
        this.mappings = mappings;
        this.jobsDir = jobsDir;
        this.processors = Map.copyOf(processors);
        this.clock = clock;
        try {
            Files.createDirectories(jobsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + jobsDir, e);
        }
        sweepLeftovers();
        int requeued = store.requeueInterrupted(node.id(), node.shared());
        if (requeued > 0) {
            LOG.info("{} job(s) interrupted by the last shutdown will resume from their checkpoint", requeued);
        }
        this.renewer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shipaudit-job-leases");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, node.lease().toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        this.workerCount = workers;
        this.workers = java.util.stream.IntStream.range(0, workers).mapToObj(i -> {
            Thread t = new Thread(this::work, "shipaudit-job-" + i);
            t.setDaemon(true);
            t.start();
            return t;
        }).toList();
    }

    /** The processor of a stored job's kind; a kind this build does not run fails the job saying so. */
    private JobProcessor processor(Job job) {
        JobProcessor p = job.auditKind().map(processors::get).orElse(null);
        if (p == null) {
            throw new IllegalStateException("job " + job.id() + " is of kind '" + job.kind()
                    + "', which this server does not run");
        }
        return p;
    }

    public JobStore store() {
        return store;
    }

    public MappingStore mappings() {
        return mappings;
    }

    /**
     * Moves an uploaded temporary file into the job store and queues the job. The upload is consumed: refused or
     * failed, neither it nor anything made of it is left on disk.
     *
     * @throws JobRefused for an unknown kind or profile, or a file that is not a spreadsheet
     */
    public Job submit(Path upload, String fileName, String kind, String profile, String submittedBy) {
        String asked = kind == null || kind.isBlank() ? AuditKind.INVOICES.id() : kind.trim().toLowerCase(Locale.ROOT);
        AuditKind k = AuditKind.parse(asked).filter(processors::containsKey).orElseThrow(() -> new JobRefused(400,
                "kind must be one of " + new java.util.TreeSet<>(processors.keySet()) + ", got '" + asked + "'"));
        String p = MappingStore.profileId(profile);
        String id = "j-" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
        String safeName = safeFileName(fileName);
        Path dir = jobsDir.resolve(id);
        boolean acknowledged = false;
        try {
            Files.createDirectories(dir);
            Path stored = dir.resolve("upload" + extension(safeName));
            try {
                Files.move(upload, stored, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException crossDevice) {
                Files.copy(upload, stored, StandardCopyOption.REPLACE_EXISTING);
            }
            ownerOnly(stored);
            processors.get(k).precheck(stored, p);
            force(stored);
            force(dir);
            long size = Files.size(stored);
            Job job = new Job(id, k.id(), JobStatus.QUEUED, safeName, p, null, 0, null, 0, null,
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), null, null, null, List.of(),
                    stored.toString(), 0, 0);
            store.insert(job, sha256(stored), size, submittedBy, node.shared() ? stored : null);
            acknowledged = true;
            wakeUp.release();
            LOG.info("job {} queued: {} ({} bytes, profile {}) by {}", id, safeName, size, p, submittedBy);
            return store.get(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload for job " + id, e);
        } finally {
            if (!acknowledged) {
                // Refused or failed (precheck, disk, database): not acknowledged, so nothing of it is kept.
                deleteQuietly(dir);
                deleteQuietly(upload);
            }
        }
    }

    /**
     * The client's file name as kept and shown: its last path element, without control or format characters (a
     * right-to-left override U+202E would make {@code invoice\u202Exslx.exe} display as {@code invoiceexe.xlsx}),
     * at most 255 characters.
     */
    static String safeFileName(String fileName) {
        if (fileName == null) {
            return "upload";
        }
        String last = fileName.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        StringBuilder b = new StringBuilder(last.length());
        last.codePoints().filter(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        }).forEach(b::appendCodePoint);
        String safe = b.toString().strip();
        if (safe.isEmpty() || safe.equals(".") || safe.equals("..")) {
            return "upload";
        }
        return safe.length() > 255 ? safe.substring(0, 255) : safe;
    }

    /** Uploads hold customers' invoices: readable by the service's user only, where the file system has owners. */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL applies
        }
    }

    /**
     * Removes what a kill left behind: job directories without a job (killed between the upload's move and the
     * insert) and the temporary files of interrupted atomic writes (a report being written).
     */
    private void sweepLeftovers() {
        try (java.util.stream.Stream<Path> dirs = Files.list(jobsDir)) {
            for (Path d : dirs.toList()) {
                if (!Files.isDirectory(d)) {
                    continue;
                }
                if (store.get(d.getFileName().toString()).isEmpty()) {
                    LOG.info("removing {}: an upload never acknowledged as a job", d);
                    deleteQuietly(d);
                    continue;
                }
                try (java.util.stream.Stream<Path> files = Files.list(d)) {
                    for (Path f : files.toList()) {
                        String n = f.getFileName().toString();
                        if (n.startsWith(".") && n.endsWith(".tmp")) {
                            LOG.info("removing {}: a write interrupted by the last stop", f);
                            deleteQuietly(f);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot sweep {} for leftovers: {}", jobsDir, e.toString());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            if (Files.isDirectory(p)) {
                FileTrees.deleteTree(p);
            } else {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", p, e.toString());
        }
    }

    public Optional<Job> get(String id) {
        return store.get(id);
    }

    public List<Job> recent(int limit) {
        return store.recent(limit);
    }

    /** The jobs running now, as of their last checkpoint; from memory, so cheap enough for a metrics scrape. */
    public java.util.Collection<Job> running() {
        return List.copyOf(progress.values());
    }

    /**
     * Queues a failed job again; it resumes after its last checkpoint (the rows committed before the failure are not
     * redone, so their findings are not doubled).
     *
     * @throws JobRefused 404 for an unknown job, 409 for one that is not failed
     */
    public Job retry(String id, String by) {
        Job job = store.get(id).orElseThrow(() -> new JobRefused(404, "no job '" + id + "'"));
        if (!store.retry(id)) {
            JobStatus now = store.get(id).map(Job::status).orElse(job.status());
            throw new JobRefused(409, "job '" + id + "' is " + now + "; only a FAILED job can be retried");
        }
        LOG.info("job {} queued again by {} after: {}; resuming after row {}", id, by, job.failure(), job.lastRow());
        wakeUp.release();
        return store.get(id).orElseThrow();
    }

    private void work() {
        while (running) {
            try {
                Optional<JobStore.Claimed> next = store.claimNext(node.id(), node.lease());
                if (next.isEmpty()) {
                    // Jobs queued on this node wake a worker at once; those of other nodes are seen at the next poll.
                    wakeUp.tryAcquire(node.shared() ? 1 : 2, TimeUnit.SECONDS);
                    continue;
                }
                run(next.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("job worker error", e);
                sleepQuietly(1_000); // the database is down, say: do not spin on it
            }
        }
    }

    /** Renews the leases of the running jobs; one that another node took over is marked lost, and its run stops. */
    private void renewLeases() {
        try {
            java.util.Set<String> gone = store.renew(Map.copyOf(held), node.lease());
            for (String id : gone) {
                if (held.containsKey(id) && lost.add(id)) {
                    LOG.warn("job {}: lease lost (renewal came too late); stopping this node's run of it", id);
                }
            }
        } catch (RuntimeException e) {
            // Unreachable database: the checkpoints are fenced anyway; try again at the next tick.
            LOG.warn("cannot renew job leases: {}", e.toString());
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * This node's copy of a job's upload, in its own jobs directory: the one stored at submission when it was queued
     * here, else copied from the database (it was queued on another node).
     */
    Path localUpload(Job job) throws IOException {
        return localUpload(job.id(), job);
    }

    /** @param owner the job whose upload it is: the job's own id, or a chunk's job's */
    private Path localUpload(String owner, Job job) throws IOException {
        Path local = jobsDir.resolve(owner).resolve(Path.of(job.storedFile()).getFileName());
        // Two workers may want one upload at once (two chunks of it): one copies, the other waits and reuses it.
        synchronized (owner.intern()) {
            if (Files.exists(local)) {
                return local;
            }
            Files.createDirectories(local.getParent());
            if (!store.copyUpload(owner, local)) {
                throw new IllegalStateException("the upload of job " + owner + " is neither in " + local
                        + " nor in the database");
            }
        }
        ownerOnly(local);
        LOG.info("job {}: upload copied from the database to {}", owner, local);
        return local;
    }

    /** The job with its upload on this node (copied from the database first if it was queued on another node). */
    public Job withLocalUpload(Job job) throws IOException {
        return job.withStoredFile(localUpload(job).toString());
    }

    private void run(JobStore.Claimed claimed) {
        Job job = claimed.job();
        Lease lease = claimed.lease();
        if (!running) {
            // Claimed as the service began to stop: leave it for the next start, uncounted.
            store.requeueStopped(job.id(), lease);
            return;
        }
        if (job.attempts() > MAX_ATTEMPTS) {
            store.finish(job.id(), lease, JobStatus.FAILED, "gave up after " + MAX_ATTEMPTS + " attempts that did not "
                    + "finish; the file may be too large or malformed for this server", clock.instant());
            return;
        }
        long t0 = System.nanoTime();
        progress.put(job.id(), job);
        held.put(job.id(), lease);
        if (job.lastRow() > 0) {
            LOG.info("job {} claimed by node {} (attempt {}): resuming after row {}", job.id(), node.id(),
                    job.attempts(), job.lastRow());
        }
        try {
            JobStore.Chunk chunk = store.chunk(job.id()).orElse(null);
            Path file = localUpload(chunk == null ? job.id() : chunk.job(), job);
            JobRun jobRun = new JobRun(job, file, lease, node.lease(), store,
                    row -> store.get(job.id()).ifPresent(j -> progress.put(j.id(), j)), () -> !running,
                    () -> lost.contains(job.id()), chunk, node.chunkRows());
            processor(job).process(jobRun);
            if (jobRun.split()) {
                LOG.info("job {} split into chunks after staging its {} rows; any worker of any node audits them",
                        job.id(), store.get(job.id()).map(Job::rowsTotal).orElse(null));
                wakeUp.release(workerCount); // this node's idle workers take chunks at once
                return;
            }
            // Returned normally: every row is committed, stopping or not.
            if (!store.finish(job.id(), lease, JobStatus.DONE, null, clock.instant())) {
                LOG.warn("job {}: finished here, but another node holds its lease now and ends it", job.id());
                return;
            }
            Job done = store.get(job.id()).orElseThrow();
            LOG.info("job {} done: {} rows, {} findings, {} disputable, {} ms", job.id(), done.rowsDone(),
                    done.findings(), done.disputableAmount().amount(), (System.nanoTime() - t0) / 1_000_000);
        } catch (JobStopped stopped) {
            store.requeueStopped(job.id(), lease);
            LOG.info("job {} stopped with the service at row {}; it resumes from there at the next start", job.id(),
                    store.get(job.id()).map(Job::lastRow).orElse(-1L));
        } catch (Exception | Error e) {
            if (leaseLost(e)) {
                LOG.warn("job {}: {}; this node's run ends at its last checkpoint", job.id(), e.getMessage());
                return;
            }
            // Out of memory, the worker and whatever shared the heap may be half-dead: end the process; at restart
            // the job resumes from its checkpoint (and fails after MAX_ATTEMPTS if it is the cause every time).
            Fatal.haltIfFatal(e, "job " + job.id());
            if (!running) {
                // Failed while stopping (interrupted after the grace, a pool shut down under it): not the file's
                // fault. Left RUNNING if even this fails (the database closing): the next start queues it again.
                LOG.info("job {} interrupted by the stop ({}); it resumes from its last checkpoint at the next start",
                        job.id(), e.toString());
                store.requeueStopped(job.id(), lease);
                return;
            }
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            LOG.warn("job {} failed: {}", job.id(), why, e instanceof JobRefused ? null : e);
            store.finish(job.id(), lease, JobStatus.FAILED, why, clock.instant());
        } finally {
            held.remove(job.id());
            lost.remove(job.id());
            progress.remove(job.id());
        }
    }

    private static boolean leaseLost(Throwable e) {
        return org.shipaudit.process.Causes.find(e, LeaseLost.class) != null;
    }

    private static String extension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
    }

    private static void force(Path p) throws IOException {
        // Forcing the directory too makes the new entry itself durable (Linux); some systems refuse: that is fine.
        try (FileChannel ch = Files.isDirectory(p) ? FileChannel.open(p, StandardOpenOption.READ)
                : FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(p)) {
                throw e;
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the workers: each running job commits the batch in hand (or abandons it at its last checkpoint) and goes
     * back to the queue. Workers are interrupted only after the grace period: an interrupt inside JDBC can close the
     * database's file channel under a commit.
     */
    @Override
    public void close() {
        running = false;
        wakeUp.release(workers.size());
        renewer.shutdown();
        long deadline = System.nanoTime() + stopGrace.toNanos();
        try {
            for (Thread t : workers) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Math.max(1, left / 1_000_000));
                }
            }
            for (Thread t : workers) {
                if (t.isAlive()) {
                    LOG.warn("{} did not reach a checkpoint within {}; interrupting it", t.getName(), stopGrace);
                    t.interrupt();
                    t.join(2_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
