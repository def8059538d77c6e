package org.shipaudit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model classes issue 19 moved out of {@code org.shipaudit.model} (the shipment contract to {@code model.api},
 * look-ups to {@code model.lookup}), under their old names. No pack in {@code rules/} names them, but a pack deployed
 * before the move (kept in a user's database) may: the compiler reads the old name as the new one, and validation
 * warns, so such a pack keeps compiling to the same rules. The sandbox judges the new name, which the allow-list
 * admits exactly as it admitted the old one (both are public classes of the model).
 */
final class MovedModelTypes {

    /** Simple name -> the sub-package now holding it. */
    static final Map<String, String> MOVED = Map.ofEntries(
            Map.entry("Address", "api"), Map.entry("Customs", "api"), Map.entry("DangerousGoods", "api"),
            Map.entry("Dimensions", "api"), Map.entry("LengthUnit", "api"), Map.entry("Money", "api"),
            Map.entry("NetQuantity", "api"), Map.entry("Party", "api"), Map.entry("PartyRole", "api"),
            Map.entry("QuantityUnit", "api"), Map.entry("Retailer", "api"), Map.entry("Shipment", "api"),
            Map.entry("ShipmentItem", "api"), Map.entry("ShipmentPackage", "api"), Map.entry("ShipmentSchema", "api"),
            Map.entry("Weight", "api"),
            Map.entry("BusinessNames", "lookup"), Map.entry("CarrierHolidays", "lookup"),
            Map.entry("Countries", "lookup"), Map.entry("CountryNames", "lookup"),
            Map.entry("ExchangeRates", "lookup"), Map.entry("HazmatNames", "lookup"),
            Map.entry("ServiceCatalog", "lookup"));

    private static final Pattern OLD = Pattern.compile("(?<![\\w.])org\\.shipaudit\\.model\\.("
            + String.join("|", MOVED.keySet()) + ")\\b");

    private MovedModelTypes() {
    }

    /** The DRL with every old name of a moved class replaced by its new one (lines and columns of the rest kept). */
    static String rewrite(String drl) {
        Matcher m = OLD.matcher(drl);
        return m.find() ? m.replaceAll(r -> "org.shipaudit.model." + MOVED.get(r.group(1)) + "." + r.group(1)) : drl;
    }

    /** One warning per line of {@code drl} that names a moved class by its old name. */
    static List<String> warnings(String path, String drl) {
        List<String> out = new ArrayList<>();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = OLD.matcher(lines[i]);
            while (m.find()) {
                String now = "org.shipaudit.model." + MOVED.get(m.group(1)) + "." + m.group(1);
                out.add(path + ":" + (i + 1) + ": " + m.group() + " is now " + now + "; read as the new name, "
                        + "write that in the pack");
            }
        }
        return out;
    }
}
