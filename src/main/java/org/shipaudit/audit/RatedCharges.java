package org.shipaudit.audit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.model.PublishedRate;
import org.shipaudit.model.RateCheck;
import org.shipaudit.model.ZoneCheck;

/**
 * The published-rate check of a batch's transportation charges: the facts for the charges it could rate, the charges
 * billed at a zone other than the zone chart's ({@link ZoneCheck}), and how
 * many charges came to each outcome (counted on the job, so a check that could not run says why).
 */
public record RatedCharges(List<PublishedRate> facts, List<ZoneCheck> zones, Map<RateCheck, Long> outcomes) {

    static final RatedCharges NONE = new RatedCharges(List.of(), List.of(), Map.of());

    public RatedCharges {
        facts = List.copyOf(facts);
        zones = List.copyOf(zones);
        outcomes = outcomes.isEmpty() ? Map.of() : new EnumMap<>(outcomes);
    }
}
