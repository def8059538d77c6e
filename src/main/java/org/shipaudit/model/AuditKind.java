package org.shipaudit.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an audit judges: pre-ship shipments, carrier invoice lines, retailer chargebacks or product catalog rows. The
 * one list of them: a
 * pack's {@code appliesTo}, a job's {@code kind} and the audit that runs packs all name one of these, by {@link #id}.
 */
public enum AuditKind {
    SHIPMENTS, INVOICES, CHARGEBACKS, CATALOG;

    /** The name the API and pack.yaml use: {@code shipments}, {@code invoices}, {@code chargebacks}, {@code catalog}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code id} (any case, surrounding blanks ignored); empty for none. */
    public static Optional<AuditKind> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String k = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id().equals(k)).findFirst();
    }

    /** The ids, in order, for messages that list what is allowed. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(AuditKind::id).toList();
    }

    @Override
    public String toString() {
        return id();
    }
}
