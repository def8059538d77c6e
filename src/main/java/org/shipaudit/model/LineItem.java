package org.shipaudit.model;

import java.math.BigDecimal;
import java.util.Locale;
import org.shipaudit.model.api.DangerousGoods;
import org.shipaudit.model.api.NetQuantity;
import org.shipaudit.model.api.ShipmentItem;
import org.shipaudit.model.lookup.Countries;

/**
 * One shipment item normalised for rules: the HS code as digits with its format judged, the country of origin
 * checked against ISO 3166-1, the line value, and the dangerous-goods declaration flattened (UN number as
 * {@code UN1234}, packing group as a Roman numeral). Declared values stay as given (possibly null) so that data rules
 * can report them. Pure: built from the shipment alone, no look-ups.
 */
public final class LineItem {

    private final int index;
    private final ShipmentItem item;
    private final String hsDigits;
    private final boolean hsFormatValid;
    private final String origin;
    private final Integer packageIndex;
    private final String unNumber;
    private final String hazardClass;
    private final String packingGroup;
    private final String subject;

    public LineItem(int index, ShipmentItem item, Integer packageIndex) {
        this(index, item, packageIndex, "items[" + index + "]");
    }

    /**
     * An item that is not part of a shipment (a catalog product), found at {@code subject} ({@code rows[17]}), so the
     * item rules' findings point at its row; it is packed in no package.
     */
    public static LineItem outsideShipment(int index, ShipmentItem item, String subject) {
        return new LineItem(index, item, null, subject);
    }

    private LineItem(int index, ShipmentItem item, Integer packageIndex, String subject) {
        this.index = index;
        this.subject = subject;
        this.item = item;
        this.packageIndex = packageIndex;
        String hs = item.hsCode() == null ? null : item.hsCode().trim();
        this.hsDigits = hs == null || hs.isEmpty() ? null : HS_SEPARATORS.matcher(hs).replaceAll("");
        this.hsFormatValid = hsDigits != null && HS_LINE.matcher(hsDigits).matches();
        this.origin = item.countryOfOrigin() == null || item.countryOfOrigin().isBlank() ? null
                : item.countryOfOrigin().trim().toUpperCase(Locale.ROOT);
        DangerousGoods dg = item.dangerousGoods();
        this.unNumber = dg == null ? null : unNumber(dg.unNumber());
        this.hazardClass = dg == null || dg.hazardClass() == null || dg.hazardClass().isBlank() ? null
                : dg.hazardClass().trim().replaceAll("^(\\d)\\.0$", "$1");
        this.packingGroup = dg == null ? null : packingGroup(dg.packingGroup());
    }

    /** "UN3480", "3480" and "un 3480" all read as "UN3480"; NA and ID numbers keep their prefix; null when blank. */
    public static String unNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        return FOUR_DIGITS.matcher(s).matches() ? "UN" + s : s;
    }

    // Compiled once: the getters below are called from rule constraints, several times per item per pack, and a
    // String.matches compiles its pattern on every call (Pattern.compile was in the audit's self-time profile).
    private static final java.util.regex.Pattern HS_SEPARATORS = java.util.regex.Pattern.compile("[.\\s-]");
    private static final java.util.regex.Pattern HS_LINE = java.util.regex.Pattern.compile("\\d{6,10}");
    private static final java.util.regex.Pattern HS_CHAPTER_OR_HEADING = java.util.regex.Pattern.compile("\\d{2}|\\d{4}");
    private static final java.util.regex.Pattern FOUR_DIGITS = java.util.regex.Pattern.compile("\\d{4}");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    /** True when {@code s} starts with at least {@code n} digits 0-9 (what the regex {@code \\d} matches). */
    private static boolean leadingDigits(String s, int n) {
        if (s == null || s.length() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** "2", "II" and "ii" all read as "II"; null when blank. */
    public static String packingGroup(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "1" -> "I";
            case "2" -> "II";
            case "3" -> "III";
            default -> s;
        };
    }

    public int getIndex() {
        return index;
    }

    /** Where this item is in the input, e.g. {@code items[2]} (or {@code rows[17]} for a catalog product). */
    public String getSubject() {
        return subject;
    }

    public String getSku() {
        return item.sku();
    }

    public String getDescription() {
        return item.description();
    }

    public boolean isDescriptionMissing() {
        return item.description() == null || item.description().isBlank();
    }

    /** The HS code as declared (with its dots), or null. */
    public String getHsCode() {
        return item.hsCode() == null || item.hsCode().isBlank() ? null : item.hsCode().trim();
    }

    /** The HS code without dots and spaces, or null when none is declared. */
    public String getHsDigits() {
        return hsDigits;
    }

    public boolean isHsMissing() {
        return hsDigits == null;
    }

    /** 6 to 10 digits: an HS subheading or a national tariff line. */
    public boolean isHsFormatValid() {
        return hsFormatValid;
    }

    /** Only digits, but 2 or 4 of them: a chapter or heading where customs need at least a subheading. */
    public boolean isHsHeadingOnly() {
        return hsDigits != null && HS_CHAPTER_OR_HEADING.matcher(hsDigits).matches();
    }

    public int getHsLength() {
        return hsDigits == null ? 0 : hsDigits.length();
    }

    /** The first 4 digits (the heading) when the code starts with at least 4 digits, else null. */
    public String getHsHeading() {
        return leadingDigits(hsDigits, 4) ? hsDigits.substring(0, 4) : null;
    }

    /** The first 2 digits (the chapter) when the code starts with 2 digits, else null. */
    public String getHsChapter() {
        return leadingDigits(hsDigits, 2) ? hsDigits.substring(0, 2) : null;
    }

    /** The international HS subheading (first 6 digits) of a well-formed code, else null. */
    public String getHs6() {
        return hsFormatValid ? hsDigits.substring(0, 6) : null;
    }

    public String getCountryOfOrigin() {
        return origin;
    }

    public boolean isOriginMissing() {
        return origin == null;
    }

    /** True when the origin is a current ISO 3166-1 alpha-2 code. */
    public boolean isOriginValid() {
        return origin != null && Countries.isIso(origin);
    }

    public Integer getQuantity() {
        return item.quantity();
    }

    public BigDecimal getUnitValue() {
        return item.unitValue() == null ? null : item.unitValue().amount();
    }

    public String getCurrency() {
        return item.unitValue() == null || item.unitValue().currency() == null ? null
                : item.unitValue().currency().trim().toUpperCase(Locale.ROOT);
    }

    /** Unit value times quantity, or null when either is missing. */
    public BigDecimal getLineValue() {
        BigDecimal unit = getUnitValue();
        return unit == null || item.quantity() == null ? null : unit.multiply(BigDecimal.valueOf(item.quantity()));
    }

    /** No unit value, or a line value of zero or less: customs cannot assess it. */
    public boolean isValueMissingOrZero() {
        BigDecimal v = getLineValue();
        return v == null || v.signum() <= 0;
    }

    public String getPackageId() {
        return item.packageId();
    }

    /** Index of the package the item is packed in (by id, or the only package), or null. */
    public Integer getPackageIndex() {
        return packageIndex;
    }

    public boolean isDangerousGoods() {
        return item.dangerousGoods() != null;
    }

    /** Normalised UN/NA/ID number, or null when none is declared. */
    public String getUnNumber() {
        return unNumber;
    }

    /** The declared proper shipping name, trimmed, or null. */
    public String getProperShippingName() {
        DangerousGoods dg = item.dangerousGoods();
        return dg == null || dg.properShippingName() == null || dg.properShippingName().isBlank() ? null
                : dg.properShippingName().trim();
    }

    public String getHazardClass() {
        return hazardClass;
    }

    public String getPackingGroup() {
        return packingGroup;
    }

    public String getPackingInstruction() {
        DangerousGoods dg = item.dangerousGoods();
        return dg == null || dg.packingInstruction() == null ? null : dg.packingInstruction().trim();
    }

    /** The number of the declared packing instruction: "965" for "PI 965" or "965 Section II"; null when none. */
    public String getPackingInstructionNumber() {
        String pi = getPackingInstruction();
        if (pi == null) {
            return null;
        }
        java.util.regex.Matcher m = NUMBER.matcher(pi);
        return m.find() ? m.group() : null;
    }

    /** The declared net quantity per unit of the item, or null. */
    public NetQuantity getNetQuantity() {
        DangerousGoods dg = item.dangerousGoods();
        return dg == null || dg.netQuantity() == null || dg.netQuantity().base() == null ? null : dg.netQuantity();
    }

    /**
     * The net quantity this item puts in its package: per-unit quantity times the item's quantity (an item line is
     * packed in one package), or null when no net quantity is declared.
     */
    public NetQuantity getNetQuantityInPackage() {
        NetQuantity n = getNetQuantity();
        return n == null ? null : n.times(item.quantity());
    }

    /** "I", "IA", "IB" or "II" (as declared, upper case), or null. */
    public String getSection() {
        DangerousGoods dg = item.dangerousGoods();
        return dg == null || dg.section() == null || dg.section().isBlank() ? null
                : dg.section().trim().toUpperCase(Locale.ROOT);
    }

    public Double getWattHours() {
        return item.dangerousGoods() == null ? null : item.dangerousGoods().wattHours();
    }

    public Double getLithiumContentGrams() {
        return item.dangerousGoods() == null ? null : item.dangerousGoods().lithiumContentGrams();
    }

    public boolean isLimitedQuantity() {
        return item.dangerousGoods() != null && Boolean.TRUE.equals(item.dangerousGoods().limitedQuantity());
    }

    public boolean isCargoAircraftOnly() {
        return item.dangerousGoods() != null && Boolean.TRUE.equals(item.dangerousGoods().cargoAircraftOnly());
    }

    /** Lithium ion batteries alone (UN3480) or in/with equipment (UN3481). */
    public boolean isLithiumIon() {
        return "UN3480".equals(unNumber) || "UN3481".equals(unNumber);
    }

    /** Lithium metal batteries alone (UN3090) or in/with equipment (UN3091). */
    public boolean isLithiumMetal() {
        return "UN3090".equals(unNumber) || "UN3091".equals(unNumber);
    }

    @Override
    public String toString() {
        return "LineItem[" + index + " " + item.description() + "]";
    }
}
