package org.shipaudit.sheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.RowError;
import org.shipaudit.sheets.ChargeTypes.Typed;

/**
 * The {@code ups-billing} profile: UPS Billing Data, a headerless 250-column CSV with one row per charge. Columns
 * are read by their position in UPS's published layout (1-based positions below); a file exported with UPS's column
 * names as a header is read by those names instead. The service is the description of the row's freight charge
 * (classification FRT) and is carried to the package's other charge rows that follow it, as UPS lists them together.
 */
final class UpsBillingProfile {

    static final int WIDTH = 250;
    // 1-based positions in the UPS Billing Data layout, as UPS numbers them.
    static final int ACCOUNT = 3;
    static final int INVOICE_DATE = 5;
    static final int INVOICE_NUMBER = 6;
    static final int INVOICE_CURRENCY = 10;
    /** The day UPS recorded the transaction: the pickup day on shipment rows; real exports leave Shipment Date blank. */
    static final int TRANSACTION_DATE = 12;
    static final int TRACKING = 21;
    static final int ENTERED_WEIGHT = 27;
    static final int ENTERED_WEIGHT_UNIT = 28;
    static final int BILLED_WEIGHT = 29;
    static final int BILLED_WEIGHT_UNIT = 30;
    static final int DIMENSIONS = 33;
    static final int ZONE = 34;
    static final int CHARGE_CATEGORY = 35;
    static final int CHARGE_CATEGORY_DETAIL = 36;
    static final int CHARGE_CLASSIFICATION = 44;
    static final int CHARGE_DESCRIPTION_CODE = 45;
    static final int CHARGE_DESCRIPTION = 46;
    static final int TRANSACTION_CURRENCY = 51;
    static final int INCENTIVE_AMOUNT = 52;
    static final int NET_AMOUNT = 53;
    static final int SENDER_POSTAL = 73;
    static final int RECEIVER_COMPANY = 76;
    static final int RECEIVER_ADDRESS = 77;
    static final int RECEIVER_CITY = 79;
    static final int RECEIVER_STATE = 80;
    static final int RECEIVER_POSTAL = 81;
    static final int RECEIVER_COUNTRY = 82;
    static final int SHIPMENT_DATE = 117;
    static final int DELIVERY_DATE = 122;
    static final int DIMENSION_UNIT = 196;
    static final int ORIGINAL_SERVICE = 230;

    /** The names of the columns this profile reads, at their positions; the others are "Column N". */
    static final List<String> NAMES = names();

    private UpsBillingProfile() {
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>(Collections.nCopies(WIDTH, ""));
        n.set(ACCOUNT - 1, "Account Number");
        n.set(INVOICE_DATE - 1, "Invoice Date");
        n.set(INVOICE_NUMBER - 1, "Invoice Number");
        n.set(INVOICE_CURRENCY - 1, "Invoice Currency Code");
        n.set(TRANSACTION_DATE - 1, "Transaction Date");
        n.set(TRACKING - 1, "Tracking Number");
        n.set(ENTERED_WEIGHT - 1, "Entered Weight");
        n.set(ENTERED_WEIGHT_UNIT - 1, "Entered Weight Unit of Measure");
        n.set(BILLED_WEIGHT - 1, "Billed Weight");
        n.set(BILLED_WEIGHT_UNIT - 1, "Billed Weight Unit of Measure");
        n.set(DIMENSIONS - 1, "Package Dimensions");
        n.set(ZONE - 1, "Zone");
        n.set(CHARGE_CATEGORY - 1, "Charge Category Code");
        n.set(CHARGE_CATEGORY_DETAIL - 1, "Charge Category Detail Code");
        n.set(CHARGE_CLASSIFICATION - 1, "Charge Classification Code");
        n.set(CHARGE_DESCRIPTION_CODE - 1, "Charge Description Code");
        n.set(CHARGE_DESCRIPTION - 1, "Charge Description");
        n.set(TRANSACTION_CURRENCY - 1, "Transaction Currency Code");
        n.set(INCENTIVE_AMOUNT - 1, "Incentive Amount");
        n.set(NET_AMOUNT - 1, "Net Amount");
        n.set(SENDER_POSTAL - 1, "Sender Postal");
        n.set(RECEIVER_COMPANY - 1, "Receiver Company Name");
        n.set(RECEIVER_ADDRESS - 1, "Receiver Address Line 1");
        n.set(RECEIVER_CITY - 1, "Receiver City");
        n.set(RECEIVER_STATE - 1, "Receiver State");
        n.set(RECEIVER_POSTAL - 1, "Receiver Postal");
        n.set(RECEIVER_COUNTRY - 1, "Receiver Country");
        n.set(SHIPMENT_DATE - 1, "Shipment Date");
        n.set(DELIVERY_DATE - 1, "Shipment Delivery Date");
        n.set(DIMENSION_UNIT - 1, "Package Dimension Unit Of Measure");
        n.set(ORIGINAL_SERVICE - 1, "Original Service Description");
        for (int i = 0; i < WIDTH; i++) {
            if (n.get(i).isEmpty()) {
                n.set(i, "Column " + (i + 1));
            }
        }
        return List.copyOf(n);
    }

    /** A header row with UPS's own column names (some exports add one). */
    static boolean isNamedHeader(List<String> row) {
        List<String> keys = row.stream().map(GenericProfile::key).toList();
        return keys.contains("trackingnumber") && keys.contains("chargedescription") && keys.contains("netamount")
                && keys.contains("chargeclassificationcode");
    }

    /**
     * The first row of headerless UPS billing data: wide enough to hold the net amount, with a date where the invoice
     * date is and an amount where the net amount is.
     */
    static boolean isDataRow(List<String> row) {
        return row.size() >= NET_AMOUNT && Values.date(row.get(INVOICE_DATE - 1)) != null
                && Values.amount(row.get(NET_AMOUNT - 1), false) != null && !row.get(TRACKING - 1).isBlank()
                || row.size() >= NET_AMOUNT && Values.date(row.get(INVOICE_DATE - 1)) != null
                && Values.amount(row.get(NET_AMOUNT - 1), false) != null && !row.get(CHARGE_DESCRIPTION - 1).isBlank();
    }

    static Binding headerless(boolean decimalComma) {
        return new Binding("ups-billing", SheetSummary.Layout.LONG, 0, NAMES, new Mapper(NAMES, positions(null),
                decimalComma), true);
    }

    static Binding named(List<String> header, long headerRow, boolean decimalComma) {
        return new Binding("ups-billing", SheetSummary.Layout.LONG, headerRow, header,
                new Mapper(header, positions(header), decimalComma), false);
    }

    /** 0-based index of each position this profile reads: by the layout, or by name in a named header. */
    private static int[] positions(List<String> header) {
        int[] at = new int[WIDTH + 1];
        for (int p = 1; p <= WIDTH; p++) {
            if (header == null) {
                at[p] = p - 1;
            } else {
                String wanted = GenericProfile.key(NAMES.get(p - 1));
                at[p] = -1;
                for (int i = 0; i < header.size(); i++) {
                    if (GenericProfile.key(header.get(i)).equals(wanted)) {
                        at[p] = i;
                        break;
                    }
                }
            }
        }
        return at;
    }

    private static final class Mapper implements RowMapper {
        private final Cells c;
        private final int[] at;
        private final LineBuilder b = new LineBuilder();
        private String lastTracking;
        private String lastService;
        private Boolean lastResidential;
        private final java.util.Map<String, String> services = new java.util.HashMap<>();

        Mapper(List<String> names, int[] at, boolean decimalComma) {
            this.c = new Cells(names, decimalComma);
            this.at = at;
        }

        @Override
        public void map(long row, List<String> cells, List<ChargeLine> lines, List<RowError> errors) {
            c.at(row, cells, errors);
            b.clear(row);
            b.carrier = "UPS";
            b.accountNumber = c.text(at[ACCOUNT]);
            b.invoiceDate = c.date(at[INVOICE_DATE]);
            b.invoiceNumber = c.text(at[INVOICE_NUMBER]);
            b.trackingNumber = c.text(at[TRACKING]);
            b.actualWeightLb = c.pounds(at[ENTERED_WEIGHT], at[ENTERED_WEIGHT_UNIT]);
            b.billedWeightLb = c.pounds(at[BILLED_WEIGHT], at[BILLED_WEIGHT_UNIT]);
            dimensions(c.text(at[DIMENSIONS]));
            b.zone = c.text(at[ZONE]);
            b.senderPostalCode = c.text(at[SENDER_POSTAL]);
            b.recipientCompany = c.text(at[RECEIVER_COMPANY]);
            b.recipientAddress = c.text(at[RECEIVER_ADDRESS]);
            b.recipientCity = c.text(at[RECEIVER_CITY]);
            b.recipientState = c.text(at[RECEIVER_STATE]);
            b.recipientPostalCode = c.text(at[RECEIVER_POSTAL]);
            b.recipientCountry = c.text(at[RECEIVER_COUNTRY]);
            b.shipDate = c.date(at[SHIPMENT_DATE]);
            if (b.shipDate == null) {
                // Effective-dated tables (rates, DAS lists, fuel) need the ship day; the real 250-column exports carry
                // it only as Transaction Date (Shipment Date is empty on every row of the shared files).
                b.shipDate = c.date(at[TRANSACTION_DATE]);
            }
            b.deliveredAt = c.dateTime(at[DELIVERY_DATE]);
            String currency = c.text(at[TRANSACTION_CURRENCY]);
            if (currency == null) {
                currency = c.text(at[INVOICE_CURRENCY]);
            }
            b.currency = currency == null ? null : currency.toUpperCase(Locale.ROOT);

            String classification = upper(c.text(at[CHARGE_CLASSIFICATION]));
            String category = upper(c.text(at[CHARGE_CATEGORY]));
            String detail = upper(c.text(at[CHARGE_CATEGORY_DETAIL]));
            String code = c.text(at[CHARGE_DESCRIPTION_CODE]);
            String description = c.text(at[CHARGE_DESCRIPTION]);
            if (b.trackingNumber == null || !b.trackingNumber.equals(lastTracking)) {
                lastTracking = b.trackingNumber;
                lastService = null;
                lastResidential = null;
            }
            boolean shipment = category == null || "SHP".equals(category);
            String original = c.text(at[ORIGINAL_SERVICE]);
            if (original != null) {
                lastService = serviceOf(original);
            } else if ("FRT".equals(classification) && description != null && shipment) {
                lastService = serviceOf(description);
            }
            ChargeType type = type(classification, category, detail, code, description).type();
            // UPS states the address type in the freight description ("Ground Residential", "Ground Commercial"):
            // the carrier's own classification, read before anything else infers it.
            if ("FRT".equals(classification) && shipment && description != null) {
                String d = description.toUpperCase(Locale.ROOT);
                if (d.contains("RESIDENTIAL")) {
                    lastResidential = Boolean.TRUE;
                } else if (d.contains("COMMERCIAL")) {
                    lastResidential = Boolean.FALSE;
                }
            } else if (type == ChargeType.RESIDENTIAL_SURCHARGE && lastResidential == null) {
                lastResidential = Boolean.TRUE;
            }
            b.service = lastService;
            b.residential = lastResidential;
            int before = errors.size();
            BigDecimal amount = c.amount(at[NET_AMOUNT]);
            if (amount == null && errors.size() == before) {
                c.error(at[NET_AMOUNT], "no net amount");
            }
            // Information-only rows (classification INF) carry no money: they are read but make no charge.
            if (amount != null && !"INF".equals(classification)) {
                if (type == ChargeType.FREIGHT) {
                    // UPS states the discount it took on each row: the published charge is incentive plus net, what
                    // the published-rate check compares with the carrier's own table.
                    BigDecimal incentive = c.amount(at[INCENTIVE_AMOUNT]);
                    b.publishedAmount = incentive == null ? null : incentive.add(amount);
                }
                lines.add(b.line(type, code != null ? code : classification, description, amount));
            }
        }

        /** "Ground Residential" and "UPS Next Day Air Saver Commercial" name the service plus the address class. */
        private String serviceOf(String description) {
            return services.computeIfAbsent(description, d -> c.service(
                    d.replaceAll("(?i)\\b(residential|commercial|resi|com)\\b", "").strip()));
        }

        /**
         * The type of a UPS row. The charge category says what kind of row it is before its description does: UPS
         * bills corrections (ADJ: shipping charge corrections SCC, address corrections ADC, returns to sender DIN,
         * billing adjustments) and account fees (MIS) as rows of their own, often with a freight classification and
         * a service name as description, and those are never a second transportation charge.
         */
        private static Typed type(String classification, String category, String detail, String code,
                                  String description) {
            if ("RTN".equals(category)) {
                return new Typed(ChargeType.RETURN, true);
            }
            Typed t = ChargeTypes.typed("UPS", code, description);
            if ("ADJ".equals(category)) {
                if ("ADC".equals(detail)) {
                    return new Typed(ChargeType.ADDRESS_CORRECTION, true);
                }
                return switch (t.type()) {
                    case ADDRESS_CORRECTION, RETURN, VOID, ADJUSTMENT -> t;
                    default -> new Typed(ChargeType.ADJUSTMENT, true);
                };
            }
            if ("MIS".equals(category)) {
                return new Typed(ChargeType.SERVICE_FEE, true);
            }
            if ("FRT".equals(classification)) {
                // The freight row's description is the service name ("Ground", "2nd Day Air"): freight by definition.
                return new Typed(ChargeType.FREIGHT, true);
            }
            if ("FSC".equals(classification)) {
                return new Typed(ChargeType.FUEL_SURCHARGE, true);
            }
            if (t.recognised()) {
                return t;
            }
            if ("TAX".equals(classification) || "GOV".equals(classification) || "BRK".equals(classification)) {
                return new Typed(ChargeType.DUTY_TAX, true);
            }
            return t;
        }

        /** "12x10x8", "12.0 x 10.0 x 8.0": length, width, height in the unit of position 196 (inches when blank). */
        private void dimensions(String text) {
            if (text == null) {
                return;
            }
            String[] parts = text.toLowerCase(Locale.ROOT).split("\\s*[x*]\\s*");
            if (parts.length != 3) {
                c.error(at[DIMENSIONS], "not dimensions: '" + text + "' (expected L x W x H)");
                return;
            }
            Double[] v = new Double[3];
            for (int i = 0; i < 3; i++) {
                v[i] = Values.number(parts[i].strip(), false);
                if (v[i] == null) {
                    c.error(at[DIMENSIONS], "not dimensions: '" + text + "' (expected L x W x H)");
                    return;
                }
            }
            b.lengthIn = c.inches(v[0], at[DIMENSION_UNIT]);
            b.widthIn = c.inches(v[1], at[DIMENSION_UNIT]);
            b.heightIn = c.inches(v[2], at[DIMENSION_UNIT]);
        }

        private static String upper(String s) {
            return s == null ? null : s.toUpperCase(Locale.ROOT);
        }
    }
}
