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

    public Finding withPack(String packName, String version) {
        return new Finding(ruleId, packName, version, category, severity, message, subject, evidence, amount, suggestion);
    }
}
