package org.shipaudit.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import org.shipaudit.audit.ClaimSettlement;
import org.shipaudit.audit.PackageBill;
import org.shipaudit.csv.CsvReader;
import org.shipaudit.findings.Category;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Severity;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.PriorCharge;
import org.shipaudit.model.RateCheck;
import org.shipaudit.model.RowError;
import org.shipaudit.store.Database;
import org.shipaudit.store.FindingDimensions;

/** Jobs, their row errors, findings and billed charges in the database. Blocking JDBC: worker threads only. */
public final class JobStore {

    private static final int ERRORS_SHOWN = 100;
    private static final java.security.SecureRandom TOKENS = new java.security.SecureRandom();
    private final Database db;
    private final ObjectMapper json = Mappers.json();

    public JobStore(Database db) {
        this.db = db;
    }

    public void insert(Job job, String fileSha256, long fileSize, String submittedBy) {
        insert(job, fileSha256, fileSize, submittedBy, null);
    }

    /** How much of an upload one row of {@code job_uploads} holds. */
    static final int UPLOAD_CHUNK = 1 << 20;

    /**
     * Records a queued job; with {@code shareUpload}, its file too, in chunks, in the same transaction: once the job
     * exists every node can read its upload.
     */
    public void insert(Job job, String fileSha256, long fileSize, String submittedBy, java.nio.file.Path shareUpload) {
        run(c -> {
            c.setAutoCommit(false);
            try {
                insertRow(c, job, fileSha256, fileSize, submittedBy);
                if (shareUpload != null) {
                    try (java.io.InputStream in = java.nio.file.Files.newInputStream(shareUpload);
                         PreparedStatement ps = c.prepareStatement(
                                 "INSERT INTO job_uploads (job_id, seq, data) VALUES (?,?,?)")) {
                        int seq = 0;
                        byte[] chunk;
                        while ((chunk = in.readNBytes(UPLOAD_CHUNK)).length > 0) {
                            ps.setString(1, job.id());
                            ps.setInt(2, seq++);
                            ps.setBytes(3, chunk);
                            ps.executeUpdate(); // one at a time: a batch would hold the whole file in memory
                        }
                    } catch (java.io.IOException e) {
                        throw new SQLException("cannot read the upload to share it: " + e.getMessage(), e);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /**
     * Writes a shared upload to {@code target} (another node received it), through a temporary file so that a
     * half-copied upload is never taken for the whole.
     *
     * @return false if the database holds no upload for the job (one queued on a database of its own)
     */
    public boolean copyUpload(String jobId, java.nio.file.Path target) throws java.io.IOException {
        java.nio.file.Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        boolean any = run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM job_uploads WHERE job_id = ? ORDER BY seq")) {
                ps.setString(1, jobId);
                // PostgreSQL streams rows only inside a transaction with a fetch size: one chunk in memory at a time.
                c.setAutoCommit(false);
                ps.setFetchSize(1);
                boolean found = false;
                try (ResultSet rs = ps.executeQuery();
                     java.io.OutputStream out = java.nio.file.Files.newOutputStream(tmp)) {
                    while (rs.next()) {
                        out.write(rs.getBytes(1));
                        found = true;
                    }
                } catch (java.io.IOException e) {
                    throw new SQLException("cannot write " + tmp + ": " + e.getMessage(), e);
                } finally {
                    c.commit();
                    c.setAutoCommit(true);
                }
                return found;
            }
        });
        if (!any) {
            java.nio.file.Files.deleteIfExists(tmp);
            return false;
        }
        java.nio.file.Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    private static void insertRow(Connection c, Job job, String fileSha256, long fileSize, String submittedBy)
            throws SQLException {
        {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (id, kind, status, file_name, stored_file,"
                    + " file_sha256, file_size, profile, created_at, submitted_by) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, job.id());
                ps.setString(2, job.kind());
                ps.setString(3, job.status().name());
                ps.setString(4, job.fileName());
                ps.setString(5, job.storedFile());
                ps.setString(6, fileSha256);
                ps.setLong(7, fileSize);
                ps.setString(8, job.profile());
                ps.setObject(9, time(job.createdAt()));
                ps.setString(10, submittedBy);
                ps.executeUpdate();
            }
        }
    }

    public Optional<Job> get(String id) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM jobs WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(job(c, rs, true)) : Optional.<Job>empty();
                }
            }
        });
    }

    public List<Job> recent(int limit) {
        return run(c -> list(c, "SELECT * FROM jobs WHERE parent_id IS NULL ORDER BY created_at DESC LIMIT ?",
                rs -> job(c, rs, false), limit));
    }

    /**
     * Puts jobs that were running when this node stopped back in the queue; they resume from their checkpoint. On a
     * database of its own every running job was this node's; on a shared one only those leased to this node id are
     * (a restarted node takes its jobs back at once; the others' jobs wait for their leases to run out).
     */
    public int requeueInterrupted(String node, boolean shared) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET status = 'QUEUED', lease_owner = NULL,"
                    + " lease_token = NULL, lease_until = NULL WHERE status = 'RUNNING' AND chunks = 0"
                    + (shared ? " AND lease_owner = ?" : ""))) {
                if (shared) {
                    ps.setString(1, node);
                }
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Puts a job stopped by a normal shutdown back in the queue. The attempt is not counted: a deploy is not the
     * job's fault, and a job stopped by several deploys must not be given up as one that keeps crashing.
     */
    public void requeueStopped(String jobId, Lease lease) {
        if (!lease.fenced()) {
            update("UPDATE jobs SET status = 'QUEUED', attempts = GREATEST(attempts - 1, 0) WHERE id = ?"
                    + " AND status = 'RUNNING' AND chunks = 0", jobId);
            return;
        }
        update("UPDATE jobs SET status = 'QUEUED', attempts = GREATEST(attempts - 1, 0), lease_owner = NULL,"
                + " lease_token = NULL, lease_until = NULL WHERE id = ? AND status = 'RUNNING' AND lease_token = ?",
                jobId, lease.token());
    }

    /**
     * Queues a failed job again, to resume after its last checkpoint with a fresh count of attempts.
     *
     * @return false if the job is not (or no longer) failed
     */
    public boolean retry(String jobId) {
        return run(c -> {
            c.setAutoCommit(false);
            try {
                // A split job goes on running in its chunks: the failed ones are queued again, the done ones stay.
                try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET status = CASE WHEN chunks > 0 THEN"
                        + " 'RUNNING' ELSE 'QUEUED' END, attempts = 0, failure = NULL, finished_at = NULL"
                        + " WHERE id = ? AND status = 'FAILED'")) {
                    ps.setString(1, jobId);
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET status = 'QUEUED', attempts = 0,"
                        + " failure = NULL, finished_at = NULL WHERE parent_id = ? AND status = 'FAILED'")) {
                    ps.setString(1, jobId);
                    ps.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** A job claimed by this node, and the lease it holds it under. */
    public record Claimed(Job job, Lease lease) {
    }

    /**
     * Takes the oldest queued job, or a running one whose lease ran out (its node died), and leases it to
     * {@code node} until {@code ttl} from now by the database's clock (the nodes' clocks may differ; the database's is
     * one). {@code FOR UPDATE SKIP LOCKED}: nodes claiming at once take different jobs without waiting on each other.
     */
    public Optional<Claimed> claimNext(String node, java.time.Duration ttl) {
        return run(c -> {
            c.setAutoCommit(false);
            try {
                OffsetDateTime now = databaseNow(c);
                String id;
                // A split job's rows are its chunks': they are claimed, never the job itself. A chunk has its job's
                // creation time and an id after the job's, so chunks go in file order before later uploads.
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jobs WHERE chunks = 0 AND"
                        + " (status = 'QUEUED' OR (status = 'RUNNING' AND (lease_until IS NULL OR lease_until < ?)))"
                        + " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                    ps.setObject(1, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.commit();
                            return Optional.<Claimed>empty();
                        }
                        id = rs.getString(1);
                    }
                }
                Lease lease = new Lease(node, HexFormat.of().formatHex(TOKENS.generateSeed(12)));
                try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET status = 'RUNNING', attempts = attempts + 1,"
                        + " started_at = COALESCE(started_at, ?), lease_owner = ?, lease_token = ?, lease_until = ?"
                        + " WHERE id = ?")) {
                    ps.setObject(1, now);
                    ps.setString(2, lease.owner());
                    ps.setString(3, lease.token());
                    ps.setObject(4, now.plus(ttl));
                    ps.setString(5, id);
                    ps.executeUpdate();
                }
                c.commit();
                return Optional.of(new Claimed(get(id).orElseThrow(), lease));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /**
     * Extends the leases this node holds to {@code ttl} from now.
     *
     * @return the job ids whose lease is no longer this node's (run out and taken over): their runs must stop
     */
    public java.util.Set<String> renew(Map<String, Lease> leases, java.time.Duration ttl) {
        if (leases.isEmpty()) {
            return java.util.Set.of();
        }
        return run(c -> {
            java.util.Set<String> lost = new java.util.HashSet<>();
            OffsetDateTime until = databaseNow(c).plus(ttl);
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET lease_until = ? WHERE id = ?"
                    + " AND lease_token = ? AND status = 'RUNNING'")) {
                for (Map.Entry<String, Lease> e : leases.entrySet()) {
                    ps.setObject(1, until);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue().token());
                    if (ps.executeUpdate() == 0) {
                        lost.add(e.getKey());
                    }
                }
            }
            return lost;
        });
    }

    private static OffsetDateTime databaseNow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_TIMESTAMP"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
        }
    }

    /**
     * Stores a batch's findings and errors and moves the progress marker, in one transaction. The batch's charges
     * are in the billed-charge history already ({@link #stage}).
     */
    public void checkpoint(String jobId, Checkpoint cp) {
        checkpoint(jobId, Lease.NONE, cp, null);
    }

    /**
     * A checkpoint under a lease: committed only while the lease is still this run's (the job row is locked first, so
     * a node taking the job over waits for this commit or finds the lease renewed), which also extends it.
     *
     * @throws LeaseLost when another node took the job over; nothing of the batch is stored
     */
    public void checkpoint(String jobId, Lease lease, Checkpoint cp, java.time.Duration ttl) {
        run(c -> {
            c.setAutoCommit(false);
            try {
                fence(c, jobId, lease, ttl);
                long seq = 0;
                BigDecimal disputable = BigDecimal.ZERO;
                // A chunk's findings and row errors are its job's (the upload's), numbered after the chunks before it.
                String owner = jobId;
                long seqBase = 0;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT findings, parent_id, chunk_index FROM jobs WHERE id = ?")) {
                    ps.setString(1, jobId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        seq = rs.getLong(1);
                        if (rs.getString(2) != null) {
                            owner = rs.getString(2);
                            seqBase = rs.getLong(3) * CHUNK_SEQ;
                        }
                    }
                }
                List<Finding> findings = cp.findings();
                if (!cp.packages().isEmpty()) {
                    if (!owner.equals(jobId)) {
                        // Chunks of one upload share its ledger: their commits take turns on the upload's row, so
                        // two chunks billing one package settle it one after the other, never both from the same past.
                        lockRow(c, owner);
                    }
                    LedgerUpdate settled = settleLedger(c, owner, seqBase + seq, cp);
                    findings = settled.findings();
                    disputable = disputable.add(settled.corrections());
                }
                Map<Long, FindingDimensions> byRow = dimensionsByRow(cp.billed());
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_findings (job_id, seq, row_no, rule_id,"
                        + " pack, pack_version, category, severity, subject, message, evidence, amount, currency,"
                        + " suggestion, carrier, ship_date, week_start, lane) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    for (int i = 0; i < findings.size(); i++) {
                        Finding f = findings.get(i);
                        FindingDimensions d = byRow.getOrDefault(cp.findingRows().get(i), FindingDimensions.UNKNOWN);
                        ps.setString(15, d.carrier());
                        ps.setObject(16, d.day());
                        ps.setObject(17, d.weekStart());
                        ps.setString(18, d.lane());
                        ps.setString(1, owner);
                        ps.setLong(2, seqBase + ++seq);
                        ps.setLong(3, cp.findingRows().get(i));
                        ps.setString(4, f.ruleId());
                        ps.setString(5, f.pack());
                        ps.setString(6, f.packVersion());
                        ps.setString(7, f.category().name());
                        ps.setString(8, f.severity().name());
                        ps.setString(9, f.subject());
                        ps.setString(10, f.message());
                        ps.setString(11, json.writeValueAsString(f.evidence()));
                        ps.setBigDecimal(12, f.amount() == null ? null : f.amount().amount());
                        ps.setString(13, f.amount() == null ? null : f.amount().currency());
                        ps.setString(14, f.suggestion());
                        ps.addBatch();
                        disputable = disputable.add(f.claimable());
                    }
                    ps.executeBatch();
                }
                String errorsOwner = owner;
                batch(c, "INSERT INTO job_errors (job_id, row_no, column_name, message) VALUES (?,?,?,?)", cp.errors(),
                        e -> new Object[] {errorsOwner, e.row(), e.column(), truncate(e.message(), 2000)});
                if (!cp.unrecognised().isEmpty()) {
                    // Counts add up batch after batch: the first batch inserts, the others add. Standard MERGE, which H2 and
                    // PostgreSQL (15+) both run; the SET target stays unqualified, as PostgreSQL requires.
                    batch(c, "MERGE INTO job_unrecognised_charges t USING "
                            + "(SELECT CAST(? AS VARCHAR(64)) job_id, CAST(? AS VARCHAR(32)) carrier, "
                            + "CAST(? AS VARCHAR(512)) description, CAST(? AS BIGINT) lines) s "
                            + "ON t.job_id = s.job_id AND t.carrier = s.carrier AND t.description = s.description "
                            + "WHEN MATCHED THEN UPDATE SET lines = t.lines + s.lines "
                            + "WHEN NOT MATCHED THEN INSERT VALUES (s.job_id, s.carrier, s.description, s.lines)",
                            cp.unrecognised().entrySet(), e -> new Object[] {jobId, truncate(e.getKey().carrier(), 32),
                                    truncate(e.getKey().description(), 512), e.getValue()});
                }
                if (!cp.rateChecks().isEmpty()) {
                    // Added up batch after batch, as the unrecognised charges are (same portable MERGE).
                    batch(c, "MERGE INTO job_rate_checks t USING "
                            + "(SELECT CAST(? AS VARCHAR(64)) job_id, CAST(? AS VARCHAR(32)) outcome, "
                            + "CAST(? AS BIGINT) lines) s ON t.job_id = s.job_id AND t.outcome = s.outcome "
                            + "WHEN MATCHED THEN UPDATE SET lines = t.lines + s.lines "
                            + "WHEN NOT MATCHED THEN INSERT VALUES (s.job_id, s.outcome, s.lines)",
                            cp.rateChecks().entrySet(), e -> new Object[] {jobId, e.getKey().name(), e.getValue()});
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET last_row = ?, rows_done = rows_done + ?,"
                        + " findings = ?, disputable_amount = disputable_amount + ? WHERE id = ?")) {
                    ps.setLong(1, cp.lastRow());
                    ps.setLong(2, cp.rows());
                    ps.setLong(3, seq);
                    ps.setBigDecimal(4, disputable);
                    ps.setString(5, jobId);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (LeaseLost e) {
                c.rollback();
                throw e;
            } catch (SQLException | RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                c.rollback();
                throw e instanceof SQLException s ? s : new SQLException(e);
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /** A batch's findings once its packages are settled against the ledger, and what earlier findings changed by. */
    private record LedgerUpdate(List<Finding> findings, BigDecimal corrections) {
    }

    private static void lockRow(Connection c, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jobs WHERE id = ? FOR UPDATE")) {
            ps.setString(1, jobId);
            ps.executeQuery().close();
        }
    }

    /**
     * The package ledger's part of a checkpoint (issue 13). A package first seen in this batch keeps the batch's
     * settlement and enters the ledger. A package the ledger holds already (lines billed in an earlier batch or chunk:
     * a correction, a credit, a discount billed far later), or one another upload of the same account has claimed,
     * is settled again from its whole entry: the batch's findings are settled as that says, and an earlier batch's
     * finding whose claim changes is corrected in place (amount and evidence), its difference added to the job's
     * disputable amount, so the job total, the disputes file and the workbook, which all read the findings, agree.
     *
     * @param seqBefore the job sequence number of the finding before the batch's first
     */
    private LedgerUpdate settleLedger(Connection c, String owner, long seqBefore, Checkpoint cp)
            throws SQLException, com.fasterxml.jackson.core.JsonProcessingException {
        List<String> tracking = cp.packages().stream().map(PackageBill::trackingNumber).toList();
        // Before reading what other uploads claimed: under the accounts' locks, an upload audited at the same moment
        // on another worker has either committed its claims on these packages (read below) or waits for this commit
        // and then reads ours, so a package is claimed once whatever the timing (issue 13).
        lockClaims(c, cp.packages().stream().map(PackageBill::account).toList());
        // A batch's ~1,000 numbers are looked up PRIOR_IN at a time, as in priorTransportation: H2 checks each row
        // its index finds against an IN list value by value, so one list of 1,000 cost 1,000 x 1,000 compares.
        Map<String, PackageBill> stored = new java.util.HashMap<>();
        Map<String, Map<ChargeType, List<EarlierClaim>>> earlier = new java.util.HashMap<>();
        for (int from = 0; from < tracking.size(); from += PRIOR_IN) {
            List<String> part = tracking.subList(from, Math.min(from + PRIOR_IN, tracking.size()));
            stored.putAll(storedPackages(c, owner, part));
            earlier.putAll(otherClaims(c, owner, part));
        }
        List<Finding> findings = new ArrayList<>(cp.findings());
        BigDecimal corrections = BigDecimal.ZERO;
        List<PackageBill> inserted = new ArrayList<>();
        List<PackageBill> updated = new ArrayList<>();
        List<PackageBill.Claim> newClaims = new ArrayList<>();
        List<PackageBill.Claim> changedClaims = new ArrayList<>();
        List<String[]> credits = new ArrayList<>();
        for (PackageBill batch : cp.packages()) {
            List<PackageBill.Claim> claims = new ArrayList<>();
            for (PackageBill.Claim cl : batch.claims()) {
                claims.add(cl.withSeq(seqBefore + cl.seq() + 1));
            }
            PackageBill part = batch.withClaims(claims);
            PackageBill before = stored.get(batch.trackingNumber());
            Map<ChargeType, ClaimSettlement.Earlier> claimedEarlier = sameAccount(
                    earlier.getOrDefault(batch.trackingNumber(), Map.of()), batch.account());
            for (PackageBill.Credit cr : batch.credits()) {
                credits.add(new String[] {batch.trackingNumber(), String.valueOf(cr.row()), cr.type().name(),
                        cr.amount().toPlainString()});
            }
            if (before == null && claimedEarlier.isEmpty()) {
                inserted.add(part);
                newClaims.addAll(claims);
                continue;
            }
            PackageBill whole = before == null ? part : before.plus(part);
            (before == null ? inserted : updated).add(whole);
            Map<Long, PackageBill.Claim> old = new java.util.HashMap<>();
            if (before != null) {
                before.claims().forEach(cl -> old.put(cl.seq(), cl));
            }
            for (ClaimSettlement.Outcome o : ClaimSettlement.settle(whole, claimedEarlier)) {
                PackageBill.Claim now = o.claim();
                PackageBill.Claim was = old.get(now.seq());
                if (was == null) {
                    int i = (int) (now.seq() - seqBefore - 1);
                    findings.set(i, ClaimSettlement.apply(findings.get(i), o));
                    newClaims.add(now);
                } else if (was.claimed().compareTo(now.claimed()) != 0) {
                    correctFinding(c, owner, o);
                    changedClaims.add(now);
                    corrections = corrections.add(now.claimed().subtract(was.claimed()));
                }
            }
        }
        batch(c, "INSERT INTO job_packages (job_id, tracking_number, account_number, billed) VALUES (?,?,?,?)",
                inserted, p -> new Object[] {owner, p.trackingNumber(), truncate(p.account(), 64), p.billedText()});
        batch(c, "UPDATE job_packages SET billed = ? WHERE job_id = ? AND tracking_number = ?", updated,
                p -> new Object[] {p.billedText(), owner, p.trackingNumber()});
        batch(c, "INSERT INTO job_package_credits (job_id, tracking_number, row_no, charge_type, amount)"
                + " VALUES (?,?,?,?,?)", credits, r -> new Object[] {owner, r[0], Long.parseLong(r[1]), r[2],
                new BigDecimal(r[3])});
        Map<Long, String> trackingOf = new java.util.HashMap<>();
        for (PackageBill p : cp.packages()) {
            for (PackageBill.Claim cl : p.claims()) {
                trackingOf.put(seqBefore + cl.seq() + 1, p.trackingNumber());
            }
        }
        batch(c, "INSERT INTO job_package_claims (job_id, seq, tracking_number, row_no, rule_id, subject, charge_type,"
                + " gross, currency, line_amount, expected_amount, claimed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", newClaims,
                cl -> new Object[] {owner, cl.seq(), trackingOf.get(cl.seq()), cl.row(), cl.ruleId(),
                        truncate(cl.subject(), 256), cl.type().name(), cl.gross(), cl.currency(), cl.line(),
                        truncate(cl.expected(), 64), cl.claimed()});
        batch(c, "UPDATE job_package_claims SET claimed = ? WHERE job_id = ? AND seq = ?", changedClaims,
                cl -> new Object[] {cl.claimed(), owner, cl.seq()});
        return new LedgerUpdate(findings, corrections);
    }

    /** Rewrites a stored finding as its claim is now settled. */
    private void correctFinding(Connection c, String owner, ClaimSettlement.Outcome o)
            throws SQLException, com.fasterxml.jackson.core.JsonProcessingException {
        Finding was;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM job_findings WHERE job_id = ? AND seq = ?")) {
            ps.setString(1, owner);
            ps.setLong(2, o.claim().seq());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the ledger names finding " + o.claim().seq() + " of job " + owner
                            + ", which is not stored");
                }
                was = stored(rs).finding();
            }
        }
        Finding now = ClaimSettlement.apply(was, o);
        update(c, "UPDATE job_findings SET amount = ?, currency = ?, evidence = ? WHERE job_id = ? AND seq = ?",
                now.amount() == null ? null : now.amount().amount(),
                now.amount() == null ? null : now.amount().currency(), json.writeValueAsString(now.evidence()),
                owner, o.claim().seq());
    }

    /** The ledger entries of these packages of a job, with their credits and claims; absent when first seen now. */
    private Map<String, PackageBill> storedPackages(Connection c, String owner, List<String> tracking)
            throws SQLException {
        Map<String, String[]> heads = new java.util.HashMap<>();
        for (String[] h : ofPackages(c, "SELECT tracking_number, account_number, billed FROM job_packages",
                owner, tracking, rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            heads.put(h[0], h);
        }
        if (heads.isEmpty()) {
            return Map.of();
        }
        List<String> seen = List.copyOf(heads.keySet());
        Map<String, List<PackageBill.Credit>> credits = new java.util.HashMap<>();
        for (Map.Entry<String, PackageBill.Credit> e : ofPackages(c, "SELECT tracking_number, row_no, charge_type,"
                + " amount FROM job_package_credits", owner, seen,
                rs -> Map.entry(rs.getString(1), new PackageBill.Credit(rs.getLong(2),
                        ChargeType.valueOf(rs.getString(3)), rs.getBigDecimal(4))))) {
            credits.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        Map<String, List<PackageBill.Claim>> claims = new java.util.HashMap<>();
        for (Map.Entry<String, PackageBill.Claim> e : ofPackages(c, "SELECT tracking_number, row_no, seq, rule_id,"
                + " subject, charge_type, gross, currency, line_amount, expected_amount, claimed FROM job_package_claims",
                owner, seen, rs -> Map.entry(rs.getString(1), new PackageBill.Claim(rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), ChargeType.valueOf(rs.getString(6)), rs.getBigDecimal(7),
                        rs.getString(8), rs.getBigDecimal(9), rs.getString(10), rs.getBigDecimal(11))))) {
            claims.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        Map<String, PackageBill> out = new java.util.HashMap<>();
        for (String[] h : heads.values()) {
            out.put(h[0], new PackageBill(h[0], h[1], PackageBill.parseBilled(h[2]),
                    credits.getOrDefault(h[0], List.of()), claims.getOrDefault(h[0], List.of())));
        }
        return out;
    }

    /**
     * The rows of a ledger table (keyed or indexed by job and tracking number) for these packages of a job. On H2 one
     * look-up per number: H2 seeks only on {@code job_id} for {@code job_id = ? AND tracking_number IN (...)} and
     * checks every ledger row of the job against the list, so each batch's look-up grew with the job (half the
     * CPU of a 200,000-package FedEx audit, on the commit thread the audit waits for). PostgreSQL takes the list.
     */
    private <T> List<T> ofPackages(Connection c, String select, String owner, List<String> tracking, Row<T> row)
            throws SQLException {
        if (db.engine() == Database.Engine.POSTGRESQL) {
            return list(c, select + " WHERE job_id = ? AND tracking_number IN (" + marks(tracking.size()) + ")", row,
                    args(owner, tracking));
        }
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE job_id = ? AND tracking_number = ?")) {
            ps.setString(1, owner);
            for (String t : tracking) {
                ps.setString(2, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.of(rs));
                    }
                }
            }
        }
        return out;
    }

    /** A claim made on a package by another upload, with the account it was billed to. */
    private record EarlierClaim(String job, String account, BigDecimal claimed) {
    }

    /** Stripes of {@code claim_locks} (V13): an account's is its number's hash modulo this. */
    static final int CLAIM_STRIPES = 64;
    /** How long a checkpoint waits for another upload's commit on its accounts before the job fails (H2 only). */
    private static final long CLAIM_LOCK_WAIT_MS = 120_000;
    /** H2's "timeout trying to lock": its session lock timeout is 2 s, shorter than a busy checkpoint may take. */
    private static final int H2_LOCK_TIMEOUT = 50200;

    /**
     * Locks the claim stripes of these accounts until the transaction ends, in ascending order so that two
     * checkpoints never wait for each other in a circle. PostgreSQL waits as long as needed; H2 gives up after its
     * lock timeout without undoing the transaction, so the lock is asked for again until {@link #CLAIM_LOCK_WAIT_MS}.
     */
    private static void lockClaims(Connection c, Collection<String> accounts) throws SQLException {
        java.util.TreeSet<Integer> stripes = new java.util.TreeSet<>();
        for (String account : accounts) {
            stripes.add(claimStripe(account));
        }
        long giveUp = System.nanoTime() + CLAIM_LOCK_WAIT_MS * 1_000_000;
        try (PreparedStatement ps = c.prepareStatement("SELECT stripe FROM claim_locks WHERE stripe = ? FOR UPDATE")) {
            for (int stripe : stripes) {
                ps.setInt(1, stripe);
                while (true) {
                    try {
                        ps.executeQuery().close();
                        break;
                    } catch (SQLException e) {
                        if (e.getErrorCode() != H2_LOCK_TIMEOUT || System.nanoTime() > giveUp) {
                            throw e;
                        }
                    }
                }
            }
        }
    }

    /** The lock stripe of an account as the ledger stores it (truncated; none is the empty number). */
    static int claimStripe(String account) {
        String stored = truncate(account, 64);
        return Math.floorMod((stored == null ? "" : stored).hashCode(), CLAIM_STRIPES);
    }

    /**
     * What every other upload has committed as claimed on these packages, by charge type, sealed before this one or
     * not: a re-uploaded invoice, a later invoice billing a package again, or the same invoice audited at the same
     * moment on another worker, does not claim the same charge a second time. Read under {@link #lockClaims}.
     */
    private static Map<String, Map<ChargeType, List<EarlierClaim>>> otherClaims(Connection c, String owner,
                                                                             List<String> tracking)
            throws SQLException {
        List<Object> a = new ArrayList<>(tracking);
        a.add(owner);
        Map<String, Map<ChargeType, List<EarlierClaim>>> out = new java.util.HashMap<>();
        for (Object[] r : list(c, "SELECT cl.tracking_number, cl.charge_type, cl.job_id, p.account_number,"
                + " SUM(cl.claimed) FROM job_package_claims cl"
                + " JOIN job_packages p ON p.job_id = cl.job_id AND p.tracking_number = cl.tracking_number"
                + " WHERE cl.tracking_number IN (" + marks(tracking.size()) + ") AND cl.job_id <> ? AND cl.claimed > 0"
                + " GROUP BY cl.tracking_number, cl.charge_type, cl.job_id, p.account_number",
                rs -> new Object[] {rs.getString(1), ChargeType.valueOf(rs.getString(2)),
                        new EarlierClaim(rs.getString(3), rs.getString(4), rs.getBigDecimal(5))}, a.toArray())) {
            out.computeIfAbsent((String) r[0], k -> new java.util.EnumMap<>(ChargeType.class))
                    .computeIfAbsent((ChargeType) r[1], k -> new ArrayList<>()).add((EarlierClaim) r[2]);
        }
        return out;
    }

    /** The earlier claims made for this account (both naming none counts as the same), added up per charge. */
    private static Map<ChargeType, ClaimSettlement.Earlier> sameAccount(Map<ChargeType, List<EarlierClaim>> claims,
                                                                        String account) {
        Map<ChargeType, ClaimSettlement.Earlier> out = new java.util.EnumMap<>(ChargeType.class);
        claims.forEach((type, list) -> {
            BigDecimal sum = BigDecimal.ZERO;
            String job = null;
            for (EarlierClaim e : list) {
                if (java.util.Objects.equals(e.account(), truncate(account, 64))) {
                    sum = sum.add(e.claimed());
                    job = job == null || e.job().compareTo(job) < 0 ? e.job() : job;
                }
            }
            if (sum.signum() > 0) {
                out.put(type, new ClaimSettlement.Earlier(job, sum));
            }
        });
        return out;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static Object[] args(String first, List<String> rest) {
        List<Object> a = new ArrayList<>(rest.size() + 1);
        a.add(first);
        a.addAll(rest);
        return a.toArray();
    }

    /** Each sheet row's carrier, ship date and lane, from the charge lines read from it (the first line wins). */
    private static Map<Long, FindingDimensions> dimensionsByRow(List<ChargeLine> lines) {
        Map<Long, FindingDimensions> out = new java.util.HashMap<>();
        for (ChargeLine l : lines) {
            out.computeIfAbsent(l.row(), r -> new FindingDimensions(l.carrier(),
                    l.shipDate() != null ? l.shipDate() : l.invoiceDate(),
                    FindingDimensions.lane(l.senderPostalCode(), null, l.recipientPostalCode(), l.recipientCountry())));
        }
        return out;
    }

    /**
     * One page of a job's findings, filtered and sorted by the database, with the count of all that match: the
     * console pages through a job of millions without loading it.
     */
    public FindingPage findingsPage(String jobId, FindingFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE job_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(jobId);
        if (filter.rule() != null) {
            where.append(" AND rule_id = ?");
            args.add(filter.rule());
        }
        if (filter.severity() != null) {
            where.append(" AND severity = ?");
            args.add(filter.severity().name());
        }
        if (filter.category() != null) {
            where.append(" AND category = ?");
            args.add(filter.category().name());
        }
        if (filter.carrier() != null) {
            where.append(" AND carrier = ?");
            args.add(filter.carrier());
        }
        return run(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM job_findings" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<StoredFinding> page = new ArrayList<>();
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(filter.limit());
            pageArgs.add(filter.offset());
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM job_findings" + where + " ORDER BY "
                    + filter.sort().orderBy(filter.descending()) + " LIMIT ? OFFSET ?")) {
                bind(ps, pageArgs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(stored(rs));
                    }
                }
            }
            return new FindingPage(total, page);
        });
    }

    /** A page of findings and how many match the filter in all. */
    public record FindingPage(long total, List<StoredFinding> findings) {
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    public void setTotal(String jobId, long rowsTotal) {
        update("UPDATE jobs SET rows_total = ? WHERE id = ?", rowsTotal, jobId);
    }

    public void finish(String jobId, JobStatus status, String failure, Instant at) {
        update("UPDATE jobs SET status = ?, failure = ?, finished_at = ? WHERE id = ?", status.name(),
                truncate(failure, 2000), time(at), jobId);
    }

    /**
     * Ends a leased run: DONE or FAILED, the lease released. The end of a chunk is taken under its job's row lock, so
     * chunks ending at once on several nodes end one after the other: the last one to end DONE finds every other done
     * and assembles the job (its counts the sums of its chunks'), exactly once; a chunk that fails fails its job.
     *
     * @return false when the lease was no longer this run's (another node took the job over and will end it)
     */
    public boolean finish(String jobId, Lease lease, JobStatus status, String failure, Instant at) {
        if (!lease.fenced()) {
            finish(jobId, status, failure, at);
            return true;
        }
        return run(c -> {
            c.setAutoCommit(false);
            try {
                Optional<Chunk> chunk = chunk(c, jobId);
                if (chunk.isPresent()) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jobs WHERE id = ? FOR UPDATE")) {
                        ps.setString(1, chunk.get().job());
                        ps.executeQuery().close();
                    }
                }
                boolean ended;
                // The owner stays: the node that ended the run (a split job's chunk balance is read from it).
                try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET status = ?, failure = ?, finished_at = ?,"
                        + " lease_token = NULL, lease_until = NULL WHERE id = ? AND lease_token = ?")) {
                    ps.setString(1, status.name());
                    ps.setString(2, truncate(failure, 2000));
                    ps.setObject(3, time(at));
                    ps.setString(4, jobId);
                    ps.setString(5, lease.token());
                    ended = ps.executeUpdate() == 1;
                }
                if (ended && chunk.isPresent()) {
                    if (status == JobStatus.DONE) {
                        assembleIfLast(c, chunk.get().job(), at);
                    } else {
                        update(c, "UPDATE jobs SET status = 'FAILED', failure = ?, finished_at = ? WHERE id = ?"
                                + " AND status = 'RUNNING'", truncate(chunk.get().describe() + ": " + failure, 2000),
                                time(at), chunk.get().job());
                    }
                }
                c.commit();
                return ended;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Ends a split job once every chunk of it is done: its counts become their sums, its unrecognised charges too. */
    private static void assembleIfLast(Connection c, String job, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM jobs WHERE parent_id = ? AND status <> 'DONE'")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        String children = "(SELECT id FROM jobs WHERE parent_id = ?)";
        update(c, "INSERT INTO job_unrecognised_charges (job_id, carrier, description, lines)"
                + " SELECT CAST(? AS VARCHAR(64)), carrier, description, SUM(lines) FROM job_unrecognised_charges"
                + " WHERE job_id IN " + children + " GROUP BY carrier, description", job, job);
        update(c, "DELETE FROM job_unrecognised_charges WHERE job_id IN " + children, job);
        // The published-rate outcomes are counted per chunk, like the unrecognised charges: rolled up the same way.
        update(c, "INSERT INTO job_rate_checks (job_id, outcome, lines)"
                + " SELECT CAST(? AS VARCHAR(64)), outcome, SUM(lines) FROM job_rate_checks"
                + " WHERE job_id IN " + children + " GROUP BY outcome", job, job);
        update(c, "DELETE FROM job_rate_checks WHERE job_id IN " + children, job);
        update(c, "UPDATE jobs SET rows_done = (SELECT SUM(rows_done) FROM jobs WHERE parent_id = ?),"
                + " findings = (SELECT SUM(findings) FROM jobs WHERE parent_id = ?),"
                + " disputable_amount = (SELECT SUM(disputable_amount) FROM jobs WHERE parent_id = ?),"
                + " last_row = (SELECT MAX(chunk_last_row) FROM jobs WHERE parent_id = ?),"
                + " status = 'DONE', failure = NULL, finished_at = ? WHERE id = ? AND status = 'RUNNING'",
                job, job, job, job, time(at), job);
    }

    /**
     * A part of a split job, run as a job of its own (any node claims it under its own lease): sheet rows
     * {@code firstRow..lastRow} of the job's upload, {@code index} counting from 0 in file order.
     */
    public record Chunk(String job, int index, int of, long firstRow, long lastRow, CsvReader.Mark start) {

        /** How the chunk is named in its job's failure. */
        String describe() {
            return "chunk " + (index + 1) + " of " + of + " (rows " + firstRow + "-" + lastRow + ")";
        }
    }

    /**
     * Where a split job's chunk starts and ends (each starts where the one before it ended), planned while staging.
     *
     * @param start where the first row starts in a CSV file's text; null for a workbook
     */
    public record ChunkPlan(long firstRow, long lastRow, long rows, CsvReader.Mark start) {
    }

    /** A chunk of a split job as it stands, with the node that runs it or ended it (null before its first claim). */
    public record ChunkState(String id, int index, long firstRow, long lastRow, JobStatus status, long rowsDone,
                             String node, int attempts) {
    }

    /** The chunks of a split job in file order; empty for a job that was not split. */
    public List<ChunkState> chunks(String jobId) {
        return run(c -> list(c, "SELECT id, chunk_index, chunk_first_row, chunk_last_row, status, rows_done,"
                + " lease_owner, attempts FROM jobs WHERE parent_id = ? ORDER BY chunk_index",
                rs -> new ChunkState(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        JobStatus.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getInt(8)), jobId));
    }

    /** A findings sequence number's room per chunk: chunk i numbers its findings from {@code i * CHUNK_SEQ + 1}. */
    static final long CHUNK_SEQ = 1_000_000_000L;

    /** The chunk a job row is, if it is one. */
    public Optional<Chunk> chunk(String jobId) {
        return run(c -> chunk(c, jobId));
    }

    private static Optional<Chunk> chunk(Connection c, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT j.parent_id, j.chunk_index, j.chunk_first_row,"
                + " j.chunk_last_row, p.chunks, j.chunk_start_char, j.chunk_start_line"
                + " FROM jobs j JOIN jobs p ON p.id = j.parent_id WHERE j.id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long chars = rs.getLong(6);
                CsvReader.Mark start = rs.wasNull() ? null : new CsvReader.Mark(chars, rs.getLong(3), rs.getLong(7));
                return Optional.of(new Chunk(rs.getString(1), rs.getInt(2), rs.getInt(5), rs.getLong(3),
                        rs.getLong(4), start));
            }
        }
    }

    /**
     * The job's seal once all of its transportation charges are in the history ({@link #seal}); empty while they are
     * not (never staged, or staging interrupted).
     */
    public Optional<Long> seal(String jobId) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT billed_seal FROM jobs WHERE id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Long>empty();
                    }
                    long seal = rs.getLong(1);
                    return rs.wasNull() || seal < 0 ? Optional.<Long>empty() : Optional.of(seal);
                }
            }
        });
    }

    /**
     * Starts (again) the billing of a job's file into the history: what an interrupted staging left is removed first
     * (a seal of -1 marks a staging begun; the history has no index by job, so it is searched only then).
     */
    public void beginStaging(String jobId, Lease lease, java.time.Duration ttl) {
        run(c -> {
            c.setAutoCommit(false);
            try {
                fence(c, jobId, lease, ttl);
                boolean begun;
                try (PreparedStatement ps = c.prepareStatement("SELECT billed_seal FROM jobs WHERE id = ?")) {
                    ps.setString(1, jobId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rs.getLong(1);
                        begun = !rs.wasNull();
                    }
                }
                if (begun) {
                    update(c, "DELETE FROM billed_charges WHERE job_id = ?", jobId);
                }
                update(c, "UPDATE jobs SET billed_seal = -1 WHERE id = ?", jobId);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /**
     * Bills charge lines of a job into the history (the transportation charges with a tracking number: duplicate
     * detection compares those only), fenced by the lease. Not yet visible to other jobs: see {@link #seal}.
     */
    public void stage(String jobId, Lease lease, java.time.Duration ttl, List<ChargeLine> lines) {
        run(c -> {
            c.setAutoCommit(false);
            try {
                fence(c, jobId, lease, ttl);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO billed_charges (job_id, row_no, tracking_number,"
                        + " invoice_number, carrier, charge_type, amount, ship_date) VALUES (?,?,?,?,?,?,?,?)")) {
                    for (ChargeLine l : lines) {
                        if (l.trackingNumber() == null || l.chargeType() == null || !l.chargeType().isTransportation()) {
                            continue;
                        }
                        ps.setString(1, jobId);
                        ps.setLong(2, l.row());
                        ps.setString(3, l.trackingNumber());
                        ps.setString(4, l.invoiceNumber());
                        ps.setString(5, l.carrier());
                        ps.setString(6, l.chargeType().name());
                        ps.setBigDecimal(7, l.amount());
                        ps.setObject(8, l.shipDate());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /**
     * Ends a job's staging: takes the next seal (under the one row of {@code billed_seals}, so seals commit in their
     * order and a job never misses one smaller than its own), records the rows read, and with more than one chunk
     * planned splits the job: its chunks are queued as jobs of their own and the job itself is no longer claimed
     * (its lease is released; it stays RUNNING until its last chunk ends). One transaction, fenced by the lease.
     *
     * @return the seal
     */
    public long seal(String jobId, Lease lease, java.time.Duration ttl, long rowsRead, List<ChunkPlan> chunks) {
        return run(c -> {
            c.setAutoCommit(false);
            try {
                fence(c, jobId, lease, ttl);
                update(c, "UPDATE billed_seals SET last_seal = last_seal + 1 WHERE id = 1");
                long seal;
                try (PreparedStatement ps = c.prepareStatement("SELECT last_seal FROM billed_seals WHERE id = 1");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seal = rs.getLong(1);
                }
                update(c, "UPDATE jobs SET billed_seal = ?, rows_total = ? WHERE id = ?", seal, rowsRead, jobId);
                if (chunks.size() > 1) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (id, kind, status, file_name,"
                            + " stored_file, file_sha256, file_size, profile, created_at, submitted_by, parent_id,"
                            + " chunk_index, chunk_first_row, chunk_last_row, last_row, rows_total, chunk_start_char,"
                            + " chunk_start_line) SELECT ?, kind, 'QUEUED', file_name, stored_file, file_sha256,"
                            + " file_size, profile, created_at, submitted_by, id, ?, ?, ?, ?, ?, ?, ? FROM jobs"
                            + " WHERE id = ?")) {
                        for (int i = 0; i < chunks.size(); i++) {
                            ChunkPlan p = chunks.get(i);
                            ps.setString(1, chunkId(jobId, i));
                            ps.setInt(2, i);
                            ps.setLong(3, p.firstRow());
                            ps.setLong(4, p.lastRow());
                            ps.setLong(5, p.firstRow() - 1); // a chunk "resumes" after the row before its first
                            ps.setLong(6, p.rows());
                            ps.setObject(7, p.start() == null ? null : p.start().chars(), java.sql.Types.BIGINT);
                            ps.setObject(8, p.start() == null ? null : p.start().line(), java.sql.Types.BIGINT);
                            ps.setString(9, jobId);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    update(c, "UPDATE jobs SET chunks = ?, lease_owner = NULL, lease_token = NULL, lease_until = NULL"
                            + " WHERE id = ?", chunks.size(), jobId);
                }
                c.commit();
                return seal;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /**
     * Whether a job submitted before this one is being staged now (RUNNING, not yet sealed): this one then waits to
     * seal, so jobs seal in the order they were submitted and the earlier upload of a package billed twice is the
     * one "seen first", as in a single run of one worker. A job queued again later (a retry) seals when it runs.
     */
    public boolean earlierStaging(String jobId) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM jobs o JOIN jobs j ON j.id = ?"
                    + " WHERE o.parent_id IS NULL AND o.kind = j.kind AND o.status = 'RUNNING' AND o.chunks = 0"
                    + " AND o.lease_token IS NOT NULL"
                    + " AND (o.billed_seal IS NULL OR o.billed_seal < 0)"
                    + " AND (o.created_at < j.created_at OR (o.created_at = j.created_at AND o.id < j.id))")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        });
    }

    /** A chunk's id: its job's and its number, so chunks sort after their job and in file order. */
    static String chunkId(String jobId, int index) {
        return jobId + "-c" + String.format("%04d", index + 1);
    }

    /**
     * Locks the job row for this write and extends the lease; fails with {@link LeaseLost} when the lease is no
     * longer this run's (another node took the job over, and a node taking it over waits for this commit).
     */
    private static void fence(Connection c, String jobId, Lease lease, java.time.Duration ttl) throws SQLException {
        if (!lease.fenced()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET lease_until = ? WHERE id = ?"
                + " AND lease_token = ? AND status = 'RUNNING'")) {
            ps.setObject(1, databaseNow(c).plus(ttl));
            ps.setString(2, jobId);
            ps.setString(3, lease.token());
            if (ps.executeUpdate() != 1) {
                throw new LeaseLost(jobId, lease);
            }
        }
    }

    /**
     * Transportation charges billed before a row of a job, for these tracking numbers: the job's own earlier rows,
     * and every row of the jobs sealed before it (see {@link #seal}). What a batch sees therefore depends neither on
     * which node or chunk audits it nor on when, only on the file and the order the jobs were sealed in.
     *
     * @param seal the job's own seal
     */
    public List<PriorCharge> priorTransportation(String jobId, long seal, Collection<String> trackingNumbers,
                                                 long beforeRow) {
        if (trackingNumbers.isEmpty()) {
            return List.of();
        }
        List<String> numbers = List.copyOf(new java.util.LinkedHashSet<>(trackingNumbers));
        return run(c -> {
            List<PriorCharge> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(PRIOR_SQL)) {
                for (int from = 0; from < numbers.size(); from += PRIOR_IN) {
                    // A short, fixed-size list: H2 checks each row the index finds against the whole IN list, one
                    // value after the other, so one list of a batch's ~1,000 numbers cost 1,000 x 1,000 string
                    // compares (a quarter of the audit thread in the FedEx profile). The last number fills the
                    // list's tail so every query is the same statement.
                    for (int i = 0; i < PRIOR_IN; i++) {
                        ps.setString(i + 1, numbers.get(Math.min(from + i, numbers.size() - 1)));
                    }
                    ps.setString(PRIOR_IN + 1, jobId);
                    ps.setLong(PRIOR_IN + 2, beforeRow);
                    ps.setString(PRIOR_IN + 3, jobId);
                    ps.setLong(PRIOR_IN + 4, seal);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new PriorCharge(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                    rs.getString(3).equals(jobId), rs.getBigDecimal(5)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Tracking numbers per query of {@link #priorTransportation}. */
    static final int PRIOR_IN = 32;
    private static final String PRIOR_SQL = "SELECT b.tracking_number, b.invoice_number, b.job_id, b.row_no, b.amount"
            + " FROM billed_charges b JOIN jobs j ON j.id = b.job_id"
            + " WHERE b.charge_type = 'FREIGHT' AND b.tracking_number IN ("
            + String.join(",", java.util.Collections.nCopies(PRIOR_IN, "?")) + ")"
            + " AND ((b.job_id = ? AND b.row_no <= ?)"
            + " OR (b.job_id <> ? AND j.billed_seal >= 0 AND j.billed_seal < ?))";

    /** Every finding of a job in row order, streamed to the consumer (a job may have millions). */
    public void findings(String jobId, Consumer<StoredFinding> consumer) {
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM job_findings WHERE job_id = ? ORDER BY row_no, seq")) {
                ps.setString(1, jobId);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(stored(rs));
                    }
                }
            }
            return null;
        });
    }

    private StoredFinding stored(ResultSet rs) throws SQLException {
        try {
            BigDecimal amount = rs.getBigDecimal("amount");
            Map<String, String> evidence = rs.getString("evidence") == null ? Map.of()
                    : json.readValue(rs.getString("evidence"), new TypeReference<Map<String, String>>() { });
            return new StoredFinding(rs.getLong("row_no"), new Finding(rs.getString("rule_id"),
                    rs.getString("pack"), rs.getString("pack_version"),
                    Category.valueOf(rs.getString("category")), Severity.valueOf(rs.getString("severity")),
                    rs.getString("message"), rs.getString("subject"), evidence,
                    amount == null ? null : new Money(amount, rs.getString("currency")),
                    rs.getString("suggestion")), rs.getString("carrier"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException(e);
        }
    }

    /** A finding with the sheet row it belongs to and the carrier billed on that row (null when unknown). */
    public record StoredFinding(long row, Finding finding, String carrier) {
    }

    private Job job(Connection c, ResultSet rs, boolean withErrors) throws SQLException {
        String id = rs.getString("id");
        Instant started = instant(rs, "started_at");
        Instant finished = instant(rs, "finished_at");
        long done = rs.getLong("rows_done");
        Double rate = null;
        long findings = rs.getLong("findings");
        BigDecimal disputable = rs.getBigDecimal("disputable_amount");
        if (rs.getInt("chunks") > 0 && !"DONE".equals(rs.getString("status"))) {
            // A split job in progress: its progress is the sum of its chunks' (set on it when the last one ends).
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(rows_done), 0), COALESCE(SUM(findings),"
                    + " 0), COALESCE(SUM(disputable_amount), 0) FROM jobs WHERE parent_id = ?")) {
                ps.setString(1, id);
                try (ResultSet sums = ps.executeQuery()) {
                    sums.next();
                    done = sums.getLong(1);
                    findings = sums.getLong(2);
                    disputable = sums.getBigDecimal(3);
                }
            }
        }
        if (started != null && done > 0) {
            double secs = java.time.Duration.between(started, finished != null ? finished : Instant.now()).toMillis() / 1000.0;
            rate = secs > 0 ? Math.round(done / secs * 10) / 10.0 : null;
        }
        long stored = rs.getLong("rows_total");
        // An estimate that ran short is refined to the rows done so far; the job's end sets the count read.
        Long total = rs.wasNull() ? null : Math.max(stored, done);
        return new Job(id, rs.getString("kind"), JobStatus.valueOf(rs.getString("status")), rs.getString("file_name"),
                rs.getString("profile"), total, done, rate, findings,
                new Money(disputable.setScale(2), rs.getString("currency")),
                instant(rs, "created_at"), started, finished, rs.getString("failure"),
                withErrors ? errors(c, id) : List.of(),
                withErrors ? unrecognised(c, id) : UnrecognisedCharges.NONE,
                withErrors ? rateChecks(c, id) : Map.of(), rs.getString("stored_file"),
                rs.getInt("attempts"), rs.getLong("last_row"));
    }

    /** The job's transportation charges by outcome of the published-rate check, in the outcomes' order. */
    private Map<RateCheck, Long> rateChecks(Connection c, String id) throws SQLException {
        Map<RateCheck, Long> out = new java.util.EnumMap<>(RateCheck.class);
        for (Map.Entry<RateCheck, Long> e : list(c, "SELECT outcome, lines FROM job_rate_checks WHERE job_id = ?",
                rs -> Map.entry(RateCheck.valueOf(rs.getString(1)), rs.getLong(2)), id)) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private UnrecognisedCharges unrecognised(Connection c, String id) throws SQLException {
        long lines = 0;
        List<UnrecognisedCharges.Example> examples = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT carrier, description, lines FROM "
                + "job_unrecognised_charges WHERE job_id = ? ORDER BY lines DESC, carrier, description")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines += rs.getLong(3);
                    if (examples.size() < UnrecognisedCharges.EXAMPLES) {
                        examples.add(new UnrecognisedCharges.Example(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
            }
        }
        return lines == 0 ? UnrecognisedCharges.NONE : new UnrecognisedCharges(lines, examples);
    }

    private List<RowError> errors(Connection c, String id) throws SQLException {
        return list(c, "SELECT row_no, column_name, message FROM job_errors WHERE job_id = ? ORDER BY row_no LIMIT "
                + ERRORS_SHOWN, rs -> new RowError(rs.getLong(1), rs.getString(2), rs.getString(3)), id);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private void update(String sql, Object... args) {
        run(c -> update(c, sql, args));
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** One row of a result set as a value; JDBC's reads throw, so the mapping may. */
    private interface Row<T> {
        T of(ResultSet rs) throws SQLException;
    }

    /** The parameters of one statement of a batch. */
    private interface Binding<E> {
        Object[] of(E item);
    }

    /** Every row a query answers, in its order; parameters set as {@link #update} sets them. */
    private static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.of(rs));
                }
            }
            return out;
        }
    }

    /** One batch of {@code sql}, a statement per item; nothing is sent for no items. */
    private static <E> void batch(Connection c, String sql, Collection<E> items, Binding<E> binding) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (E item : items) {
                Object[] args = binding.of(item);
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private <T> T run(Database.Work<T> work) {
        return db.withConnection(work);
    }

}
