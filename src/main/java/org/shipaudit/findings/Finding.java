package org.shipaudit.findings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.shipaudit.model.Money;

/**
 * One breach found by one rule, with the facts that prove it. Immutable: a later review is a new record.
 * {@code pack} and {@code packVersion} are stamped by the engine that ran the rule, so rules never write them.
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
        String suggestion) {

    public Finding {
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
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
        return new Finding(ruleId, pack, packVersion, category, severity, message, subject, e, claim, suggestion);
    }

    public Finding withPack(String packName, String version) {
        return new Finding(ruleId, packName, version, category, severity, message, subject, evidence, amount, suggestion);
    }
}
