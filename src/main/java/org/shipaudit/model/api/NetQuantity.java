package org.shipaudit.model.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A net quantity of dangerous goods, e.g. {@code {"value": 0.5, "unit": "L"}}, and the reader of the quantity
 * limits 49 CFR 172.101 column 9 writes as text ("5 L", "35 kg gross", "1 L or 1 kg", "No limit", "Forbidden").
 */
public record NetQuantity(Double value, QuantityUnit unit) {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(kg|g|l|ml)\\b");

    /** The value in kilograms or litres, or null when the value or unit is missing. */
    public Double base() {
        return value == null || unit == null ? null : unit.toBase(value);
    }

    /** This quantity times a count (an item's quantity of units), or null when incomplete. */
    public NetQuantity times(Integer count) {
        return value == null || unit == null ? null : new NetQuantity(value * (count == null ? 1 : count), unit);
    }

    /** True when both are of one kind (mass or volume) and this is more than {@code limit}. */
    public boolean exceeds(NetQuantity limit) {
        return limit != null && base() != null && limit.base() != null && unit.isMass() == limit.unit().isMass()
                && base() > limit.base() + 1e-9;
    }

    /** For people: "10 kg", "500 mL". */
    public String label() {
        if (value == null || unit == null) {
            return "";
        }
        String n = value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
        return n + " " + (unit == QuantityUnit.ML ? "mL" : unit == QuantityUnit.L ? "L" : unit.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The quantities a column 9 text allows: one for "5 L" or "35 kg gross" (a gross limit bounds the net quantity
     * too), two for "1 L or 1 kg"; none for "Forbidden", "No limit", "None" or "See A1", which set no figure.
     */
    public static List<NetQuantity> limits(String text) {
        List<NetQuantity> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("less than") || t.contains("forbidden") || t.contains("no limit")) {
            // "Less than N kg" is an exception cut-off, not a per-package maximum; the other two set no figure.
            return out;
        }
        Matcher m = AMOUNT.matcher(t);
        while (m.find()) {
            QuantityUnit u = switch (m.group(2)) {
                case "kg" -> QuantityUnit.KG;
                case "g" -> QuantityUnit.G;
                case "l" -> QuantityUnit.L;
                default -> QuantityUnit.ML;
            };
            out.add(new NetQuantity(Double.parseDouble(m.group(1)), u));
        }
        return out;
    }
}
