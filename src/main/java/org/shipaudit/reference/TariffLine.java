package org.shipaudit.reference;

import java.util.List;

/**
 * One line of a tariff schedule with its hierarchy.
 *
 * <p>{@code code} is displayed as the schedule writes it: HS {@code 6109.10}, HTSUS {@code 6109.10.00.12},
 * EU CN {@code 6109 10 00} (the Combined Nomenclature's own spacing). {@code path} runs from the top of the schedule
 * down to the parent of this line, each element "code text" (unnumbered HTSUS headings are text only).
 * Duty rates are null where the schedule gives none (HS, EU CN); HTSUS statistical lines carry the rates of their
 * 8-digit rate line. {@code score} is the search score, 0 for exact look-ups.
 */
public record TariffLine(
        String schedule,
        String code,
        String description,
        int level,
        List<String> path,
        String parentCode,
        String dutyGeneral,
        String dutySpecial,
        String dutyColumn2,
        List<String> units,
        float score) {
}
