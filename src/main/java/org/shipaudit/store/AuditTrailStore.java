package org.shipaudit.store;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Optional;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.findings.Verdict;
import org.shipaudit.json.Mappers;

/**
 * The decision trail's table: pre-ship decisions written in batches, read by id or by shipment and time, and deleted
 * once older than the retention. JDBC is blocking: call from worker threads only.
 */
public final class AuditTrailStore {

    private final Database db;
    private final ObjectMapper json = Mappers.json();

    public AuditTrailStore(Database db) {
        this.db = db;
    }

    /**
     * Writes the decisions in one transaction: one prepared statement per table, every row added to its batch and the
     * batches executed once. The answer is kept as the bytes it was sent as and the shipment as received, so nothing
     * is serialised here (only the shipments of a batch request, whose elements have no bytes of their own); the two
     * are deflated into one value ({@link PackedDecision}), which is what makes a decision cheap for H2 to store.
     */
    public void write(Collection<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try (PackedDecision.Packer packer = new PackedDecision.Packer(); Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO audit_trail (audit_id, shipment_id, verdict,"
                    + " caller, audited_at, packed) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (AuditRecord r : records) {
                    AuditResult a = r.result();
                    ins.setString(1, a.auditId());
                    ins.setString(2, a.shipmentId());
                    ins.setString(3, a.verdict().name());
                    ins.setString(4, r.caller());
                    ins.setObject(5, OffsetDateTime.ofInstant(a.auditedAt(), ZoneOffset.UTC));
                    ins.setBytes(6, packer.pack(r.resultJson(), r.sent().utf8(json)));
                    ins.addBatch();
                }
                ins.executeBatch();
                writeFindings(c, records);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail: " + e.getMessage(), e);
        }
    }

    /** One row per finding, with the dimensions the analytics group by (see {@link FindingDimensions}). */
    private static void writeFindings(Connection c, Collection<AuditRecord> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_findings (audit_id, seq, rule_id, category,"
                + " severity, amount, currency, carrier, audited_on, week_start, lane) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            boolean any = false;
            for (AuditRecord r : records) {
                AuditResult a = r.result();
                if (a.findings().isEmpty()) {
                    continue;
                }
                FindingDimensions d = r.dimensions();
                int seq = 0;
                for (org.shipaudit.findings.Finding f : a.findings()) {
                    ps.setString(1, a.auditId());
                    ps.setInt(2, ++seq);
                    ps.setString(3, f.ruleId());
                    ps.setString(4, f.category().name());
                    ps.setString(5, f.severity().name());
                    ps.setBigDecimal(6, f.amount() == null ? null : f.amount().amount());
                    ps.setString(7, f.amount() == null ? null : f.amount().currency());
                    ps.setString(8, d.carrier());
                    ps.setObject(9, d.day());
                    ps.setObject(10, d.weekStart());
                    ps.setString(11, d.lane());
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    /** The decision with this id, with the shipment as sent. */
    public Optional<StoredAudit> find(String auditId) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_trail WHERE audit_id = ?")) {
            ps.setString(1, auditId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail: " + e.getMessage(), e);
        }
    }

    /** Decisions matching the query, newest first, without their shipments. */
    public List<StoredAudit> list(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT audit_id, shipment_id, verdict, caller, audited_at, result_json,"
                + " packed FROM audit_trail WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.shipmentId() != null) {
            sql.append(" AND shipment_id = ?");
            args.add(q.shipmentId());
        }
        if (q.from() != null) {
            sql.append(" AND audited_at >= ?");
            args.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            sql.append(" AND audited_at < ?");
            args.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.verdict() != null) {
            sql.append(" AND verdict = ?");
            args.add(q.verdict().name());
        }
        // The id breaks ties between decisions of the same millisecond, so pages are stable.
        sql.append(" ORDER BY audited_at DESC, audit_id DESC LIMIT ?");
        args.add(q.limit());
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<StoredAudit> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, false));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail: " + e.getMessage(), e);
        }
    }

    /** Deletes the decisions made before {@code cutoff}; answers how many. */
    public int deleteBefore(Instant cutoff) {
        try (Connection c = db.connection();
             PreparedStatement findings = c.prepareStatement("DELETE FROM audit_findings WHERE audit_id IN"
                     + " (SELECT audit_id FROM audit_trail WHERE audited_at < ?)");
             PreparedStatement ps = c.prepareStatement("DELETE FROM audit_trail WHERE audited_at < ?")) {
            // The analytics forget a decision together with the trail: retention applies to both.
            findings.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            findings.executeUpdate();
            ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail: " + e.getMessage(), e);
        }
    }

    /** A decision kept packed (schema version 14 on), or as its two texts (before it). */
    private static StoredAudit read(ResultSet rs, boolean withShipment) throws SQLException {
        byte[] packed = rs.getBytes("packed");
        String result;
        String shipment;
        if (packed != null) {
            String[] texts = PackedDecision.unpack(packed, withShipment);
            result = texts[0];
            shipment = texts[1];
        } else {
            result = rs.getString("result_json");
            shipment = withShipment ? rs.getString("shipment_json") : null;
        }
        return new StoredAudit(rs.getString("audit_id"), rs.getString("shipment_id"),
                Verdict.valueOf(rs.getString("verdict")), rs.getString("caller"),
                rs.getObject("audited_at", OffsetDateTime.class).toInstant(), result, shipment);
    }
}
