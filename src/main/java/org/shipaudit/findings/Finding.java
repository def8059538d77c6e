package org.shipaudit.findings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.UploadRow;

/**
 * One breach found by one rule, with the facts that prove it. Immutable: a later review is a new record.
 * {@code pack} and {@code packVersion} are stamped by the engine that ran the rule, so rules never write them.
 *
 * @param subject what the finding is about, as the API shows it ({@code packages[0]}, {@code rows[17]})
 * @param row     the uploaded sheet row it is about, typed (null for a finding about no row: a single shipment); not
 *                part of the JSON, whose {@code subject} already names the row
 */
@JsonPropertyOrder({"ruleId", "pack", "packVersion", "category", "severity", "message", "subject", "evidence",
        "amount", "suggestion"})
public record Finding(
        String ruleId,
        String pack,
        String packVersion,
        Category category,
        Severity severity,
        String message,
        String subject,
        Map<String, String> evidence,
        Money amount,
        String suggestion,
        @JsonIgnore UploadRow row) {

    public Finding {
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }

    /** A finding about no sheet row (a shipment's, a scenario's). */
    public Finding(String ruleId, String pack, String packVersion, Category category, Severity severity,
                   String message, String subject, Map<String, String> evidence, Money amount, String suggestion) {
        this(ruleId, pack, packVersion, category, severity, message, subject, evidence, amount, suggestion, null);
    }

    /** The sheet row this finding is about; -1 when it is about none. */
    public long rowNumber() {
        return row == null ? -1 : row.number();
    }

    /**
     * What this finding claims back: its amount when positive, else zero. The one definition the job total, the
     * disputes file and the workbook all use, so they agree to the cent. (Invoice findings that are informational
     * carry no amount: the invoice audit's claim settlement removes it.)
     */
    public java.math.BigDecimal claimable() {
        if (amount == null || amount.amount() == null || amount.amount().signum() <= 0) {
            return java.math.BigDecimal.ZERO;
        }
        return amount.amount();
    }

    /** The same finding claiming {@code claim} instead (null: none), with evidence added to say why. */
    public Finding withClaim(Money claim, Map<String, String> addedEvidence) {
        Map<String, String> e = new java.util.LinkedHashMap<>(evidence);
        e.putAll(addedEvidence);
        return new Finding(ruleId, pack, packVersion, category, severity, message, subject, e, claim, suggestion, row);
    }

    /** The evidence key naming where a finding comes from: the rule's citation or the reference row's edition. */
    public static final String SOURCE = "source";

    /**
     * The same finding citing {@code citation} as its {@code source} when its rule gave none; a source the rule set
     * (a table row, an imported list's edition) is more specific and stays.
     */
    public Finding withSource(String citation) {
        String own = evidence.get(SOURCE);
        if (citation == null || citation.isBlank() || own != null && !own.isBlank()) {
            return this;
        }
        Map<String, String> e = new java.util.LinkedHashMap<>(evidence);
        e.put(SOURCE, citation.trim());
        return new Finding(ruleId, pack, packVersion, category, severity, message, subject, e, amount, suggestion, row);
    }

    public Finding withPack(String packName, String version) {
        return new Finding(ruleId, packName, version, category, severity, message, subject, evidence, amount, suggestion,
                row);
    }

    /** The same finding placed on sheet row {@code at}, its subject naming the row and, when given, a part of it. */
    public Finding at(UploadRow at, String path) {
        return new Finding(ruleId, pack, packVersion, category, severity, message, at.subject(path), evidence, amount,
                suggestion, at);
    }

    /**
     * The same finding read back with its row ({@code number} < 0: none). A store keeps the row and the subject text;
     * the tracking number of a claim is in its evidence ({@link ClaimEvidence#TRACKING_NUMBER}).
     */
    public Finding onRow(long number) {
        UploadRow at = number < 0 ? null : new UploadRow(number, evidence.get(ClaimEvidence.TRACKING_NUMBER));
        return new Finding(ruleId, pack, packVersion, category, severity, message, subject, evidence, amount,
                suggestion, at);
    }
}
