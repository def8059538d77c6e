package org.shipaudit.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes generated packages as FedEx Billing Online rows: a header row and 210 columns, one row per package, the
 * transportation charge in its own column and every other charge in the repeated "Tracking ID Charge Description" /
 * "Tracking ID Charge Amount" pairs (positions 108 to 209), with the descriptions FedEx writes on its real exports
 * ({@code carrier_invoices/fedex_billing_online_2025-07_to_08_redacted.csv}). The columns the {@code fedex-billing}
 * profile reads carry FedEx's names at FedEx's positions
 * ({@code carrier_layouts/fedex_billing_online_invoice_csv_210_columns.csv}); the others are named by position.
 */
final class FedexBillingRows {

    static final int WIDTH = 210;
    private static final int FIRST_PAIR = 108;
    private static final int PAIRS = 51;

    /** FedEx's names of the columns written, by 1-based position. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(2, "Bill to Account Number"),
            Map.entry(3, "Invoice Date"), Map.entry(4, "Invoice Number"), Map.entry(10, "Express or Ground Tracking ID"),
            Map.entry(11, "Transportation Charge Amount"), Map.entry(12, "Net Charge Amount"),
            Map.entry(13, "Service Type"), Map.entry(14, "Ground Service"), Map.entry(15, "Shipment Date"),
            Map.entry(16, "POD Delivery Date"), Map.entry(17, "POD Delivery Time"), Map.entry(20, "Actual Weight Amount"),
            Map.entry(21, "Actual Weight Units"), Map.entry(22, "Rated Weight Amount"),
            Map.entry(23, "Rated Weight Units"), Map.entry(29, "Dim Length"), Map.entry(30, "Dim Width"),
            Map.entry(31, "Dim Height"), Map.entry(33, "Dim Unit"), Map.entry(34, "Recipient Name"),
            Map.entry(35, "Recipient Company"), Map.entry(36, "Recipient Address Line 1"),
            Map.entry(38, "Recipient City"), Map.entry(39, "Recipient State"), Map.entry(40, "Recipient Zip Code"),
            Map.entry(41, "Recipient Country/Territory"), Map.entry(65, "Zone Code"));

    /** FedEx's description of each generated charge code that goes in a pair. */
    private static final Map<String, String> DESCRIPTIONS = Map.of("RESIDENTIAL_SURCHARGE", "Residential",
            "DELIVERY_AREA_SURCHARGE", "DAS Extended Resi", "FUEL_SURCHARGE", "Fuel Surcharge",
            "SATURDAY_DELIVERY", "Saturday Delivery", "ADDITIONAL_HANDLING", "AHS - Weight",
            "EARNED_DISCOUNT", "Earned Discount", "PERFORMANCE_PRICING", "Performance Pricing",
            "ADDRESS_CORRECTION", "Address Correction");

    private FedexBillingRows() {
    }

    static String header() {
        List<String> h = new ArrayList<>(WIDTH);
        for (int p = 1; p <= WIDTH; p++) {
            String name = NAMES.get(p);
            if (name == null && p >= FIRST_PAIR && p < FIRST_PAIR + 2 * PAIRS) {
                name = (p - FIRST_PAIR) % 2 == 0 ? "Tracking ID Charge Description" : "Tracking ID Charge Amount";
            }
            h.add(name == null ? "Column " + p : name);
        }
        return String.join(",", h) + "\n";
    }

    /**
     * The CSV line of one package: {@code charges} are the generic layout's values of its charges (the same package
     * fields, one charge each, in {@link InvoiceGenerator#HEADER} order).
     */
    static String csv(List<List<Object>> charges) {
        List<Object> v = charges.get(0);
        String[] row = new String[WIDTH];
        Arrays.fill(row, "");
        boolean nda = "NEXT_DAY_AIR".equals(v.get(6));
        boolean residential = "Y".equals(v.get(13));
        set(row, 2, "358900001");
        set(row, 3, compact(v.get(1)));
        set(row, 4, v.get(0).toString().replace("INV-", "49660"));
        set(row, 10, v.get(3));
        // FedEx bills a residential ground package as Home Delivery, residential surcharge included.
        set(row, 13, nda ? "Priority Overnight" : residential ? "Home Delivery" : "Ground");
        set(row, 14, "Prepaid");
        set(row, 15, compact(v.get(4)));
        String delivered = v.get(5).toString();
        set(row, 16, compact(delivered.substring(0, 10)));
        set(row, 17, delivered.substring(11, 16));
        set(row, 20, v.get(14));
        set(row, 21, "lbs");
        set(row, 22, v.get(15));
        set(row, 23, "lbs");
        set(row, 29, v.get(17));
        set(row, 30, v.get(18));
        set(row, 31, v.get(19));
        set(row, 33, "I");
        String company = v.get(8) == null || v.get(8).toString().isEmpty() ? null : v.get(8).toString();
        // FedEx repeats the recipient's name as the company when there is none.
        set(row, 34, "PAT MORGAN");
        set(row, 35, company == null ? "PAT MORGAN" : company);
        set(row, 36, "12 ELM ST");
        set(row, 38, v.get(9));
        set(row, 39, v.get(10));
        set(row, 40, v.get(11));
        set(row, 41, v.get(12));
        set(row, 65, v.get(7));
        double net = 0;
        int pair = 0;
        for (List<Object> c : charges) {
            String code = (String) c.get(20);
            double amount = Double.parseDouble(c.get(22).toString());
            net += amount;
            if (code.equals("FREIGHT") || code.equals("RETURN_FRT")) {
                set(row, 11, c.get(22));
                if (code.equals("RETURN_FRT")) {
                    set(row, 14, "Print Return Label");
                }
                continue;
            }
            String description = code.equals("DELIVERY_AREA_SURCHARGE") && !residential ? "DAS Extended Comm"
                    : DESCRIPTIONS.get(code);
            if (description == null) {
                throw new IllegalArgumentException("no FedEx Billing Online charge for code " + code);
            }
            if (pair == PAIRS) {
                throw new IllegalArgumentException("more charges than FedEx has pairs for on " + v.get(3));
            }
            set(row, FIRST_PAIR + 2 * pair, description);
            set(row, FIRST_PAIR + 2 * pair + 1, c.get(22));
            pair++;
        }
        set(row, 12, String.format(java.util.Locale.ROOT, "%.2f", net));
        return String.join(",", row) + "\n";
    }

    /** FedEx writes dates as yyyyMMdd. */
    private static String compact(Object isoDate) {
        return isoDate.toString().replace("-", "");
    }

    private static void set(String[] row, int position, Object value) {
        row[position - 1] = value == null ? "" : value.toString();
    }
}
