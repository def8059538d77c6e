package org.shipaudit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.model.ShippedPackage;

/**
 * Packages as recorded at shipping, by tracking number. Recording the same tracking number again replaces the record
 * (a re-audit after a re-weigh is the better record), done as delete-then-insert in one transaction so the SQL stays
 * portable to PostgreSQL. JDBC is blocking: call from worker threads only.
 */
public final class ShippedPackageStore {

    /** Tracking numbers per query: keeps the IN list well under any driver's parameter limit. */
    private static final int CHUNK = 500;

    private final Database db;
    private final Clock clock;

    public ShippedPackageStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(Collection<ShippedPackage> packages) {
        if (packages.isEmpty()) {
            return;
        }
        // The last record of a tracking number in the batch wins, as it would across batches.
        Map<String, ShippedPackage> byTracking = new LinkedHashMap<>();
        packages.forEach(p -> byTracking.put(p.trackingNumber(), p));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM shipped_packages WHERE tracking_number = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO shipped_packages (tracking_number, shipment_id,"
                         + " package_id, carrier, service, ship_date, weight_lb, length_in, width_in, height_in,"
                         + " ship_to_street, ship_to_city, ship_to_state, ship_to_postal_code, ship_to_country,"
                         + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ShippedPackage p : byTracking.values()) {
                    del.setString(1, p.trackingNumber());
                    del.addBatch();
                    int i = 1;
                    ins.setString(i++, p.trackingNumber());
                    ins.setString(i++, p.shipmentId());
                    ins.setString(i++, p.packageId());
                    ins.setString(i++, p.carrier());
                    ins.setString(i++, p.service());
                    ins.setObject(i++, p.shipDate());
                    for (Double d : new Double[] {p.weightLb(), p.lengthIn(), p.widthIn(), p.heightIn()}) {
                        if (d == null) {
                            ins.setNull(i++, Types.DOUBLE);
                        } else {
                            ins.setDouble(i++, d);
                        }
                    }
                    ins.setString(i++, p.shipToStreet());
                    ins.setString(i++, p.shipToCity());
                    ins.setString(i++, p.shipToState());
                    ins.setString(i++, p.shipToPostalCode());
                    ins.setString(i++, p.shipToCountry());
                    ins.setString(i++, p.recordedBy());
                    ins.setObject(i, now);
                    ins.addBatch();
                }
                del.executeBatch();
                ins.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** The recorded packages among these tracking numbers, by tracking number. */
    public Map<String, ShippedPackage> find(Collection<String> trackingNumbers) {
        Map<String, ShippedPackage> out = new HashMap<>();
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(trackingNumbers));
        try (Connection c = db.connection()) {
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM shipped_packages WHERE tracking_number IN ("
                        + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ShippedPackage p = read(rs);
                            out.put(p.trackingNumber(), p);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
        return out;
    }

    private static ShippedPackage read(ResultSet rs) throws SQLException {
        return new ShippedPackage(rs.getString("tracking_number"), rs.getString("shipment_id"),
                rs.getString("package_id"), rs.getString("carrier"), rs.getString("service"),
                rs.getObject("ship_date", java.time.LocalDate.class), number(rs, "weight_lb"),
                number(rs, "length_in"), number(rs, "width_in"), number(rs, "height_in"),
                rs.getString("ship_to_street"), rs.getString("ship_to_city"), rs.getString("ship_to_state"),
                rs.getString("ship_to_postal_code"), rs.getString("ship_to_country"), rs.getString("recorded_by"),
                null, null);
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
