package org.shipaudit.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.AddressCheck;
import org.shipaudit.model.BillableWeightRate;
import org.shipaudit.model.ContractRate;
import org.shipaudit.model.DeliveryAreaCheck;
import org.shipaudit.model.ExchangeRate;
import org.shipaudit.model.DestinationDeliveryArea;
import org.shipaudit.model.SurchargeRate;
import org.shipaudit.model.FuelRate;
import org.shipaudit.model.HazmatFact;
import org.shipaudit.model.HazmatLookup;
import org.shipaudit.model.ScaleBilling;
import org.shipaudit.model.ScreeningMatch;
import org.shipaudit.model.ShippedPackage;
import org.shipaudit.model.TariffMatch;
import org.shipaudit.model.TariffSuggestion;

/**
 * The reference facts a scenario may supply under {@code given.facts}, each {@code {type: TariffMatch, ...}}. Types
 * come from this allow-list, never from a class name in the file, so a scenario cannot instantiate anything else.
 * Scenarios supply reference facts directly (instead of running look-ups) so that a pack's scenarios prove its rules
 * whatever reference data a deployment has loaded; the enrichment that produces these facts is tested on its own.
 */
final class ScenarioFacts {

    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("TariffMatch", TariffMatch.class),
            Map.entry("TariffSuggestion", TariffSuggestion.class),
            Map.entry("TariffPlausibility", org.shipaudit.model.TariffPlausibility.class),
            Map.entry("HazmatLookup", HazmatLookup.class),
            Map.entry("HazmatFact", HazmatFact.class),
            Map.entry("AddressCheck", AddressCheck.class),
            Map.entry("DeliveryAreaCheck", DeliveryAreaCheck.class),
            Map.entry("FuelRate", FuelRate.class),
            Map.entry("ShippedPackage", ShippedPackage.class),
            Map.entry("ContractRate", ContractRate.class),
            Map.entry("PublishedRate", org.shipaudit.model.PublishedRate.class),
            Map.entry("ZoneCheck", org.shipaudit.model.ZoneCheck.class),
            Map.entry("BillableWeightRate", BillableWeightRate.class),
            Map.entry("ScreeningMatch", ScreeningMatch.class),
            Map.entry("ExchangeRate", ExchangeRate.class),
            Map.entry("ScaleBilling", ScaleBilling.class),
            Map.entry("SurchargeRate", SurchargeRate.class),
            Map.entry("DestinationDeliveryArea", DestinationDeliveryArea.class));

    private ScenarioFacts() {
    }

    /** The facts, or an error message per bad entry ("facts[2]: unknown type 'Foo'; allowed: ..."). */
    static List<Object> convert(List<Map<String, Object>> entries, List<String> errors) {
        List<Object> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> e = entries.get(i);
            Object type = e == null ? null : e.get("type");
            Class<?> c = type == null ? null : TYPES.get(type.toString());
            if (c == null) {
                errors.add("given.facts[" + i + "]: " + (type == null ? "type is required" : "unknown type '" + type
                        + "'") + "; allowed: " + String.join(", ", new java.util.TreeSet<>(TYPES.keySet())));
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>(e);
            fields.remove("type");
            try {
                out.add(Mappers.yaml().convertValue(fields, c));
            } catch (IllegalArgumentException ex) {
                errors.add("given.facts[" + i + "] (" + type + "): " + Scenario.describe(ex.getCause() instanceof
                        Exception cause ? cause : ex));
            }
        }
        return out;
    }
}
