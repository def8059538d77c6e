package org.shipaudit.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a generated charge (the generic layout's values) into a row of UPS Billing Data: 250 columns, headerless,
 * each value at the 1-based position UPS's layout gives it (the column list in
 * {@code ../shared/reference-data/carrier_layouts/ups_billing_data_csv_250_columns.csv}), with the charge category,
 * category detail, classification and description codes and descriptions UPS writes on its real exports
 * ({@code carrier_invoices/ups_billing_data_2025-08-23_redacted.csv}).
 */
final class UpsBillingRows {

    static final int WIDTH = 250;

    /** UPS's codes of one kind of row; a description beginning with '+' is appended to the service name. */
    private record Codes(String category, String detail, String classification, String code, String description) {
    }

    /** By the generator's charge code: shipment rows (SHP) and the adjustments (ADJ) UPS bills later. */
    private static final Map<String, Codes> CODES = Map.ofEntries(
            Map.entry("FREIGHT", new Codes("SHP", "ISS", "FRT", null, "+")),
            Map.entry("INF_FRT", new Codes("SHP", "ISS", "INF", null, "+")),
            Map.entry("RESIDENTIAL_SURCHARGE", new Codes("SHP", "ISS", "ACC", "RES", "Residential Surcharge")),
            // The generated delivery-area list has the ZIPs as EXTENDED: UPS's extended-area codes and description.
            Map.entry("DELIVERY_AREA_SURCHARGE", new Codes("SHP", "ISS", "ACC", "LD", "Delivery Area Surcharge - Extended")),
            Map.entry("FUEL_SURCHARGE", new Codes("SHP", "ISS", "FSC", "FSC", "Fuel Surcharge")),
            Map.entry("SATURDAY_DELIVERY", new Codes("SHP", "ISS", "ACC", "SAT", "Saturday Delivery")),
            Map.entry("ADDITIONAL_HANDLING", new Codes("SHP", "ISS", "ACC", "AHW", "Addl. Handling weight")),
            Map.entry("SIM", new Codes("SHP", "ISS", "ACC", "SIM", "Special Incentive Modifier")),
            Map.entry("SCC_FRT", new Codes("ADJ", "SCC", "FRT", null, "Shipping Charge Correction ")),
            Map.entry("SCC_FSC", new Codes("ADJ", "SCC", "FSC", "FSC", "Shipping Charge Correction Fuel Surcharge")),
            Map.entry("ADC_FRT", new Codes("ADJ", "ADC", "FRT", null, "Address Correction ")),
            Map.entry("ADC_FSC", new Codes("ADJ", "ADC", "FSC", "FSC", "Address Correction Fuel Surcharge")),
            Map.entry("DIN_FRT", new Codes("ADJ", "DIN", "FRT", null, "Return to Sender")),
            Map.entry("DIN_IRS", new Codes("ADJ", "DIN", "ACC", "IRS", "Return To Sender - Phone Request")),
            Map.entry("VOID_FRT", new Codes("ADJ", "CADJ", "FRT", null, "Void ")));

    private UpsBillingRows() {
    }

    /** The CSV line (with its newline) of one generated charge, values as {@link InvoiceGenerator#HEADER} orders them. */
    static String csv(List<Object> v) {
        String key = (String) v.get(20);
        Codes codes = CODES.get(key);
        if (codes == null) {
            throw new IllegalArgumentException("no UPS Billing Data row for charge code " + key);
        }
        boolean nda = "NEXT_DAY_AIR".equals(v.get(6));
        boolean residential = "Y".equals(v.get(13));
        String service = nda ? "Next Day Air" : "Ground";
        String description = switch (key) {
            // The freight row names the service and the address class UPS rated it at.
            case "FREIGHT", "INF_FRT" -> service + (residential ? " Residential" : " Commercial");
            case "DIN_FRT" -> service + " Return to Sender";
            case "VOID_FRT" -> "Void " + service + (residential ? " Residential" : " Commercial");
            case "DELIVERY_AREA_SURCHARGE" -> codes.description();
            default -> codes.description().endsWith(" ") ? codes.description() + service : codes.description();
        };
        String code = codes.code() == null ? nda ? "001" : "003"
                : "LD".equals(codes.code()) ? residential ? "LDR" : "LDC" : codes.code();
        String[] row = new String[WIDTH];
        Arrays.fill(row, "");
        set(row, 1, "2.1");
        set(row, 2, "0000A1B2C3");
        set(row, 3, "0000A1B2C3");
        set(row, 4, "US");
        set(row, 5, v.get(1));
        set(row, 6, "0000000" + v.get(0).toString().replace("INV-", "A1B2C3").replace('-', '0'));
        set(row, 10, "USD");
        set(row, 21, v.get(3));
        set(row, 27, v.get(14));
        set(row, 28, "L");
        set(row, 29, v.get(15));
        set(row, 30, "L");
        set(row, 33, v.get(17) + "x" + v.get(18) + "x" + v.get(19));
        set(row, 34, v.get(7));
        set(row, 35, codes.category());
        set(row, 36, codes.detail());
        set(row, 44, codes.classification());
        set(row, 45, code);
        set(row, 46, description);
        set(row, 51, "USD");
        set(row, 53, v.get(22));
        set(row, 76, v.get(8));
        set(row, 79, v.get(9));
        set(row, 80, v.get(10));
        set(row, 81, v.get(11));
        set(row, 82, v.get(12));
        set(row, 117, v.get(4));
        set(row, 122, v.get(5));
        set(row, 196, "IN");
        StringBuilder b = new StringBuilder(600);
        for (int i = 0; i < WIDTH; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(row[i]);
        }
        return b.append('\n').toString();
    }

    private static void set(String[] row, int position, Object value) {
        row[position - 1] = value == null ? "" : value.toString();
    }
}
