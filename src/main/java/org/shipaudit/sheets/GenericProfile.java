package org.shipaudit.sheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.RowError;

/**
 * The {@code generic} profile of API.md: named columns in any order, long (charge_code/charge_description/
 * charge_amount) or wide (one column per charge) layout; and saved {@link ColumnMapping}s, which rename a custom
 * header to these names and are then read the same way.
 */
final class GenericProfile {

    /** The generic field names, snake case as API.md writes them. */
    static final List<String> FIELDS = List.of("invoice_number", "invoice_date", "carrier", "account_number",
            "tracking_number", "ship_date", "delivery_date", "service", "zone", "sender_postal_code",
            "recipient_company", "recipient_address", "recipient_city", "recipient_state", "recipient_postal_code",
            "recipient_country", "residential", "actual_weight", "billed_weight", "weight_unit", "length", "width",
            "height", "dimension_unit", "charge_code", "charge_description", "charge_amount", "currency");

    /** The wide-layout charge columns and the charge type each stands for. */
    static final Map<String, ChargeType> WIDE = wide();

    static final List<String> REQUIRED = List.of("invoice_number", "invoice_date", "carrier", "tracking_number",
            "ship_date", "service", "actual_weight", "billed_weight");

    /** Fewer matching names than this and a row is not taken for a header (a title row, a note). */
    private static final int MIN_MATCHES = 4;

    private GenericProfile() {
    }

    private static Map<String, ChargeType> wide() {
        Map<String, ChargeType> m = new LinkedHashMap<>();
        for (String name : List.of("freight", "fuel_surcharge", "residential_surcharge", "delivery_area_surcharge",
                "additional_handling", "large_package", "address_correction", "saturday_delivery", "other_charges")) {
            m.put(name, ChargeType.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        return Map.copyOf(m);
    }

    /** A header name as matched: lower case without spaces, {@code _} and {@code -}. */
    static String key(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '_' && c != '-' && c != '\u00A0' && c != '\uFEFF' && c != '\t') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    static boolean isField(String snakeName) {
        String k = key(snakeName);
        return FIELDS.stream().anyMatch(f -> key(f).equals(k)) || WIDE.keySet().stream().anyMatch(f -> key(f).equals(k));
    }

    /** The generic field each column stands for (snake name), or null; mapping renames first. */
    private static String[] fieldsOf(List<String> header, ColumnMapping mapping) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String f : FIELDS) {
            known.put(key(f), f);
        }
        for (String f : WIDE.keySet()) {
            known.put(key(f), f);
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        if (mapping != null) {
            mapping.columns().forEach((custom, field) -> renamed.put(key(custom), known.get(key(field))));
        }
        String[] fields = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String k = key(header.get(i));
            fields[i] = renamed.containsKey(k) ? renamed.get(k) : mapping != null && mapping.onlyMapped() ? null
                    : known.get(k);
        }
        return fields;
    }

    /** How many cells of a row name a generic column (after the mapping): a header has several. */
    static int matches(List<String> row, ColumnMapping mapping) {
        int n = 0;
        for (String f : fieldsOf(row, mapping)) {
            if (f != null) {
                n++;
            }
        }
        return n;
    }

    static boolean looksLikeHeader(List<String> row, ColumnMapping mapping) {
        return matches(row, mapping) >= MIN_MATCHES;
    }

    /** The required columns this header lacks (the carrier column is not needed when the mapping names one). */
    static List<String> missing(List<String> header, ColumnMapping mapping) {
        List<String> present = new ArrayList<>();
        for (String f : fieldsOf(header, mapping)) {
            if (f != null) {
                present.add(f);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String r : REQUIRED) {
            if (!present.contains(r) && !(r.equals("carrier") && mapping != null && mapping.carrier() != null)) {
                missing.add(r);
            }
        }
        boolean wide = present.stream().anyMatch(WIDE::containsKey);
        if (!wide && !present.contains("charge_amount")) {
            missing.add("charge_amount (or one column per charge: " + String.join(", ", WIDE.keySet()) + ")");
        }
        return missing;
    }

    static Binding bind(List<String> header, long headerRow, ColumnMapping mapping, boolean decimalComma)
            throws InvoiceSheetException {
        List<String> missing = missing(header, mapping);
        if (!missing.isEmpty()) {
            throw new InvoiceSheetException(InvoiceSheetException.Reason.MISSING_COLUMNS,
                    "The header in row " + headerRow + " lacks required column" + (missing.size() > 1 ? "s" : "")
                            + ": " + String.join(", ", missing) + ".", missing, null);
        }
        String[] fields = fieldsOf(header, mapping);
        boolean wide = false;
        boolean longLayout = false;
        for (String f : fields) {
            wide |= f != null && WIDE.containsKey(f);
            longLayout |= "charge_amount".equals(f);
        }
        // A sheet with both shapes is read as long: charge_amount is the explicit one-charge-per-row signal.
        SheetSummary.Layout layout = longLayout || !wide ? SheetSummary.Layout.LONG : SheetSummary.Layout.WIDE;
        String profile = mapping == null ? "generic" : "mapping:" + mapping.name();
        return new Binding(profile, layout, headerRow, header,
                new Mapper(header, fields, layout, mapping == null ? null : mapping.carrier(), decimalComma), false);
    }

    private static final class Mapper implements RowMapper {
        private final Cells cells;
        private final LineBuilder b = new LineBuilder();
        private final SheetSummary.Layout layout;
        private final String defaultCarrier;
        private final int invoiceNumber;
        private final int invoiceDate;
        private final int carrier;
        private final int account;
        private final int tracking;
        private final int shipDate;
        private final int deliveryDate;
        private final int service;
        private final int zone;
        private final int senderPostal;
        private final int company;
        private final int address;
        private final int city;
        private final int state;
        private final int postal;
        private final int country;
        private final int residential;
        private final int actualWeight;
        private final int billedWeight;
        private final int weightUnit;
        private final int length;
        private final int width;
        private final int height;
        private final int dimensionUnit;
        private final int chargeCode;
        private final int chargeDescription;
        private final int chargeAmount;
        private final int currency;
        private final int[] wideColumns;
        private final ChargeType[] wideTypes;
        private final String[] wideNames;

        Mapper(List<String> header, String[] fields, SheetSummary.Layout layout, String defaultCarrier,
                boolean decimalComma) {
            this.cells = new Cells(header, decimalComma);
            this.layout = layout;
            this.defaultCarrier = defaultCarrier;
            invoiceNumber = index(fields, "invoice_number");
            invoiceDate = index(fields, "invoice_date");
            carrier = index(fields, "carrier");
            account = index(fields, "account_number");
            tracking = index(fields, "tracking_number");
            shipDate = index(fields, "ship_date");
            deliveryDate = index(fields, "delivery_date");
            service = index(fields, "service");
            zone = index(fields, "zone");
            senderPostal = index(fields, "sender_postal_code");
            company = index(fields, "recipient_company");
            address = index(fields, "recipient_address");
            city = index(fields, "recipient_city");
            state = index(fields, "recipient_state");
            postal = index(fields, "recipient_postal_code");
            country = index(fields, "recipient_country");
            residential = index(fields, "residential");
            actualWeight = index(fields, "actual_weight");
            billedWeight = index(fields, "billed_weight");
            weightUnit = index(fields, "weight_unit");
            length = index(fields, "length");
            width = index(fields, "width");
            height = index(fields, "height");
            dimensionUnit = index(fields, "dimension_unit");
            chargeCode = index(fields, "charge_code");
            chargeDescription = index(fields, "charge_description");
            chargeAmount = index(fields, "charge_amount");
            currency = index(fields, "currency");
            List<Integer> cols = new ArrayList<>();
            for (int i = 0; i < fields.length; i++) {
                if (fields[i] != null && WIDE.containsKey(fields[i])) {
                    cols.add(i);
                }
            }
            wideColumns = cols.stream().mapToInt(Integer::intValue).toArray();
            wideTypes = new ChargeType[wideColumns.length];
            wideNames = new String[wideColumns.length];
            for (int i = 0; i < wideColumns.length; i++) {
                wideTypes[i] = WIDE.get(fields[wideColumns[i]]);
                wideNames[i] = header.get(wideColumns[i]).strip();
            }
        }

        private static int index(String[] fields, String name) {
            for (int i = 0; i < fields.length; i++) {
                if (name.equals(fields[i])) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void map(long row, List<String> row_, List<ChargeLine> lines, List<RowError> errors) {
            Cells c = cells;
            c.at(row, row_, errors);
            b.clear(row);
            b.invoiceNumber = c.text(invoiceNumber);
            b.invoiceDate = c.date(invoiceDate);
            String carrierName = c.text(carrier);
            b.carrier = carrierName == null ? defaultCarrier : carrierName.toUpperCase(Locale.ROOT);
            b.accountNumber = c.text(account);
            b.trackingNumber = c.text(tracking);
            b.shipDate = c.date(shipDate);
            b.deliveredAt = c.dateTime(deliveryDate);
            b.service = c.service(c.text(service));
            b.zone = c.text(zone);
            b.senderPostalCode = c.text(senderPostal);
            b.recipientCompany = c.text(company);
            b.recipientAddress = c.text(address);
            b.recipientCity = c.text(city);
            b.recipientState = c.text(state);
            b.recipientPostalCode = c.text(postal);
            b.recipientCountry = c.text(country);
            b.residential = c.flag(residential);
            b.actualWeightLb = c.pounds(actualWeight, weightUnit);
            b.billedWeightLb = c.pounds(billedWeight, weightUnit);
            b.lengthIn = c.inches(length, dimensionUnit);
            b.widthIn = c.inches(width, dimensionUnit);
            b.heightIn = c.inches(height, dimensionUnit);
            String cur = c.text(currency);
            b.currency = cur == null ? null : cur.toUpperCase(Locale.ROOT);
            if (b.trackingNumber == null) {
                c.error(tracking, "no tracking number");
            }
            if (layout == SheetSummary.Layout.LONG) {
                String code = c.text(chargeCode);
                String description = c.text(chargeDescription);
                int before = errors.size();
                BigDecimal amount = c.amount(chargeAmount);
                if (amount == null && errors.size() == before) {
                    c.error(chargeAmount, "no charge amount");
                }
                if (amount != null) {
                    lines.add(b.line(ChargeTypes.classify(b.carrier, code, description), code, description, amount));
                }
            } else {
                for (int i = 0; i < wideColumns.length; i++) {
                    BigDecimal amount = c.amount(wideColumns[i]);
                    if (amount != null && amount.signum() != 0) {
                        lines.add(b.line(wideTypes[i], wideNames[i], wideNames[i], amount));
                    }
                }
            }
        }
    }
}
