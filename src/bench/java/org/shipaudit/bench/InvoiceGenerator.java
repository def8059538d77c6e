package org.shipaudit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.shipaudit.model.lookup.CarrierHolidays;
import org.shipaudit.sheets.XlsxTableWriter;

/**
 * Writes realistic carrier invoices with planted errors at a known rate, in the generic long layout (CSV or XLSX) or a
 * carrier's own export ({@link Layout}), and remembers, for each planted error, the row and the rule that must find
 * it. Deterministic for a seed. Each package
 * is billed freight, fuel and, when residential, a residential surcharge; a planted error adds or alters a line:
 * freight billed again a few packages later (DUP-001), a residential surcharge on an address classed commercial
 * (ACC-001), Saturday delivery on a weekday (ACC-003), billed weight above billable (WBL-002, re-rated from the generated rate sheet), additional handling
 * on a small box (ACC-004), a Next Day Air package delivered a day late (SVC-001), fuel above the week's percentage
 * (ACC-007), a delivery-area surcharge to a ZIP code not on the list (ACC-006), transportation above the contract rate
 * (RAT-001). {@link #writeCarrierTables} writes the fuel table, delivery-area list and rate sheet the invoice is billed
 * from, so the checks that need them run too.
 */
public final class InvoiceGenerator {

    static final List<String> HEADER = List.of("invoice_number", "invoice_date", "carrier", "tracking_number",
            "ship_date", "delivery_date", "service", "zone", "recipient_company", "recipient_city", "recipient_state",
            "recipient_postal_code", "recipient_country", "residential", "actual_weight", "billed_weight", "weight_unit",
            "length", "width", "height", "charge_code", "charge_description", "charge_amount", "currency");

    /** One planted error: the sheet row that carries it and the rule that must report it. */
    public record Planted(long row, String rule) implements Comparable<Planted> {
        @Override
        public int compareTo(Planted o) {
            return row != o.row ? Long.compare(row, o.row) : rule.compareTo(o.rule);
        }
    }

    private record Billed(List<Object> base, double freight) {
    }

    /** Kinds of planted error; 0 is a clean package. */
    private static final int KINDS = 9;
    /** The contract discount of the generated rate sheet, and the fuel percentage per ship week (Monday). */
    static final double DISCOUNT = 0.20;
    static final LocalDate FUEL_WEEK_1 = LocalDate.of(2026, 11, 2);
    static final LocalDate FUEL_WEEK_2 = LocalDate.of(2026, 11, 9);
    /** ZIP codes on the generated delivery-area list, and one that is not. */
    static final List<String> DAS_ZIPS = List.of("59001", "59002", "59003", "82001", "97910");
    static final String NOT_DAS_ZIP = "59999";

    /** The file layouts the generator writes: the generic long layout, or a carrier's own export. */
    public enum Layout {
        /** The generic long layout: a header row and one row per charge. */
        GENERIC,
        /** UPS Billing Data: headerless, 250 columns by position, one row per charge ({@code ups-billing}). */
        UPS_BILLING,
        /** FedEx Billing Online: a header row, 210 columns, one row per package ({@code fedex-billing}). */
        FEDEX_BILLING;

        /** The layout named on the command line ("generic", "ups-billing"); null when none has that name. */
        public static Layout named(String name) {
            for (Layout l : values()) {
                if (l.cliName().equalsIgnoreCase(name)) {
                    return l;
                }
            }
            return null;
        }

        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final SplittableRandom random;
    private final double errorRate;
    private final Layout layout;
    private final SplittableRandom extras;
    /** FedEx Billing Online: the package row being filled (its charges), its package fields, and where rows go. */
    private final List<List<Object>> fedexRow = new ArrayList<>();
    private List<Object> fedexBase;
    private java.util.function.Consumer<List<List<Object>>> fedexOut;
    private final Set<Planted> planted = new TreeSet<>();
    private final Deque<Billed> pendingDuplicates = new ArrayDeque<>();
    private long row = 1;
    private long packages;

    /**
     * @param errorRate share of packages with one planted error (0 to 1)
     */
    public InvoiceGenerator(long seed, double errorRate) {
        this(seed, errorRate, Layout.GENERIC);
    }

    /**
     * @param errorRate share of packages with one planted error (0 to 1)
     * @param layout    the file layout written; the packages and planted errors are drawn the same way in each
     */
    public InvoiceGenerator(long seed, double errorRate, Layout layout) {
        this.random = new SplittableRandom(seed);
        // The carrier layouts' extra clean rows draw from a stream of their own, so every layout bills the same
        // packages with the same planted errors.
        this.extras = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.errorRate = errorRate;
        this.layout = layout;
        // A headerless file's first charge is row 1; the generic layout's header is row 1.
        this.row = layout == Layout.UPS_BILLING ? 0 : 1;
    }

    public Set<Planted> planted() {
        return planted;
    }

    /** Writes at least {@code lines} charge lines (finishing the last package); returns how many were written. */
    public long write(Path file, long lines) throws IOException {
        if (layout == Layout.FEDEX_BILLING) {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(FedexBillingRows.header());
                fedexOut = charges -> {
                    try {
                        w.write(FedexBillingRows.csv(charges));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                };
                long written = generate(lines, values -> { });
                flushFedexRow();
                return written;
            }
        }
        if (layout == Layout.UPS_BILLING) {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                return generate(lines, values -> {
                    try {
                        w.write(UpsBillingRows.csv(values));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            try (OutputStream out = Files.newOutputStream(file); XlsxTableWriter w = new XlsxTableWriter(out, HEADER)) {
                return generate(lines, w::write);
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", HEADER));
            w.write('\n');
            return generate(lines, values -> {
                StringBuilder b = new StringBuilder(160);
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    Object v = values.get(i);
                    b.append(v == null ? "" : v.toString());
                }
                try {
                    w.write(b.append('\n').toString());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private interface Sink {
        void write(List<Object> values);
    }

    private long generate(long lines, Sink sink) {
        LocalDate invoiceDate = LocalDate.of(2026, 11, 16);
        long first = row;
        while (row - first < lines) {
            packages++;
            String tracking = String.format(Locale.ROOT, "1Z%06dAA%08d", packages % 1_000_000, packages);
            LocalDate ship = invoiceDate.minusDays(5 + random.nextInt(4));
            while (!CarrierHolidays.isBusinessDay(ship)) {
                ship = ship.minusDays(1);
            }
            int kind = random.nextDouble() < errorRate ? 1 + random.nextInt(KINDS) : 0;
            boolean nda = kind == 6 || random.nextInt(10) == 0;
            boolean residential = kind != 2 && random.nextInt(3) > 0;
            double weight = Math.round((0.5 + random.nextDouble() * 30) * 10) / 10.0;
            int l = 6 + random.nextInt(14);
            int w = 4 + random.nextInt(10);
            int h = 2 + random.nextInt(8);
            // UPS from 2025-08-18: whole-inch sides, divisor 139, rounded up; billable = max(actual rounded up, DIM).
            long billable = Math.max((long) Math.ceil(weight - 1e-9), (long) Math.ceil(l * w * h / 139.0 - 1e-9));
            long billed = kind == 4 ? billable + 3 + random.nextInt(5) : billable;
            LocalDate due = nda ? nextBusinessDay(ship) : ship.plusDays(3);
            LocalDate delivered = kind == 6 ? nextBusinessDay(due) : due;
            if (kind == 3) {
                while (delivered.getDayOfWeek() == DayOfWeek.SATURDAY || delivered.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    delivered = delivered.plusDays(1);
                }
            }
            boolean das = kind == 8 || random.nextInt(8) == 0;
            String zip = kind == 8 ? NOT_DAS_ZIP : das ? DAS_ZIPS.get(random.nextInt(DAS_ZIPS.size())) : "43215";
            String invoice = "INV-" + (packages / 2000 + 1);
            List<Object> base = List.of(invoice, invoiceDate.toString(), "UPS", tracking, ship.toString(),
                    delivered + (nda ? "T10:05:00" : "T14:00:00"), nda ? "NEXT_DAY_AIR" : "GROUND", "5",
                    kind == 2 ? "Northwind Traders LLC" : "", das ? "Miles City" : "Columbus", das ? "MT" : "OH", zip,
                    "US", residential ? "Y" : "N", weight, billed, "LB", l, w, h);
            // Billed at the contract rate of the rate sheet (netRate), 2.50 more when a rate error is planted.
            double freight = netRate(nda, billed) + (kind == 9 ? 2.50 : 0);
            // The generated rate sheet covers every package, so a weight overcharge is re-rated from it (WBL-002).
            emit(sink, base, "FREIGHT", "Transportation", freight,
                    kind == 4 ? "WBL-002" : kind == 6 ? "SVC-001" : kind == 9 ? "RAT-001" : null);
            double fuelBase = freight;
            if (residential || kind == 2) {
                emit(sink, base, "RESIDENTIAL_SURCHARGE", "Residential Surcharge", 5.85, kind == 2 ? residentialOnCommercial() : null);
                fuelBase += 5.85;
            }
            if (das) {
                emit(sink, base, "DELIVERY_AREA_SURCHARGE", "Delivery Area Surcharge", 4.45,
                        kind == 8 ? "ACC-006" : null);
                fuelBase += 4.45;
            }
            // Fuel is the week's percentage of transportation and the surcharges billed before it (FUEL_BASE); two
            // points more when a fuel error is planted.
            emit(sink, base, "FUEL_SURCHARGE", "Fuel Surcharge",
                    Math.round(fuelBase * (fuelPercent(ship) + (kind == 7 ? 2 : 0))) / 100.0, kind == 7 ? "ACC-007" : null);
            if (kind == 3) {
                emit(sink, base, "SATURDAY_DELIVERY", "Saturday Delivery", 16.00, "ACC-003");
            }
            if (kind == 5) {
                emit(sink, base, "ADDITIONAL_HANDLING", "Additional Handling", 28.50, "ACC-004");
            }
            if (layout == Layout.UPS_BILLING) {
                upsCleanRows(sink, base, freight, kind);
            } else if (layout == Layout.FEDEX_BILLING) {
                fedexCleanCharges(sink, base, freight, kind);
            }
            if (kind == 1) {
                pendingDuplicates.add(new Billed(base, freight));
            }
            if (!pendingDuplicates.isEmpty() && random.nextInt(4) == 0) {
                Billed d = pendingDuplicates.poll();
                // A copy of the package's fields: in FedEx's layout the second bill is a row of its own, even when it
                // follows its package directly.
                emit(sink, new ArrayList<>(d.base()), "FREIGHT", "Transportation", d.freight(), "DUP-001");
            }
        }
        return row - first;
    }

    /**
     * The rows a real UPS Billing Data file has besides the charges, none of which is an error: the information copy
     * of the freight row (classification INF), the Special Incentive Modifier (a negative line), and now and then a
     * shipping charge correction, an address correction, a return to sender, or a void followed by the rebill. The
     * codes are {@link UpsBillingRows}' keys. A correction or return never goes on a package with a planted error,
     * as it would change what is right to bill (an address correction suspends the delivery guarantee; a rate or
     * fuel check nets the package's discounts).
     */
    private void upsCleanRows(Sink sink, List<Object> base, double freight, int kind) {
        emit(sink, base, "INF_FRT", null, freight, null);
        if (kind == 0 && extras.nextInt(3) > 0) {
            emit(sink, base, "SIM", null, -Math.round(freight * 15) / 100.0, null);
        }
        if (kind != 0) {
            return;
        }
        switch (extras.nextInt(40)) {
            case 0, 1 -> {
                emit(sink, base, "SCC_FRT", null, 1.85, null);
                emit(sink, base, "SCC_FSC", null, 0.31, null);
            }
            case 2 -> {
                emit(sink, base, "ADC_FRT", null, 23.50, null);
                emit(sink, base, "ADC_FSC", null, 4.00, null);
            }
            case 3 -> {
                emit(sink, base, "DIN_FRT", null, freight, null);
                emit(sink, base, "DIN_IRS", null, 6.55, null);
            }
            case 4 -> {
                emit(sink, base, "VOID_FRT", null, -freight, null);
                emit(sink, base, "FREIGHT", null, freight, null);
            }
            default -> {
            }
        }
    }

    /**
     * The rule a residential surcharge on a commercial address must trip. UPS states the address class in the freight
     * row ("Ground Commercial"): ACC-001. FedEx Billing Online has no such column (a residential charge is what makes
     * a package residential), so what is left to find is the business name the package went to: ACC-002.
     */
    private String residentialOnCommercial() {
        return layout == Layout.FEDEX_BILLING ? "ACC-002" : "ACC-001";
    }

    /**
     * The charges a real FedEx Billing Online file has besides the billed ones, none of which is an error: Earned
     * Discount and Performance Pricing (negative pairs) on most packages, now and then an address correction, or a
     * return label billed on a row of its own under the same tracking number (Ground Service "Print Return Label").
     * Never on a package with a planted error, for the reasons given at {@link #upsCleanRows}.
     */
    private void fedexCleanCharges(Sink sink, List<Object> base, double freight, int kind) {
        if (kind != 0) {
            return;
        }
        if (extras.nextInt(3) > 0) {
            emit(sink, base, "EARNED_DISCOUNT", null, -Math.round(freight * 10) / 100.0, null);
            emit(sink, base, "PERFORMANCE_PRICING", null, -Math.round(freight * 18) / 100.0, null);
        }
        switch (extras.nextInt(40)) {
            case 0 -> emit(sink, base, "ADDRESS_CORRECTION", null, 23.50, null);
            case 1 -> emit(sink, new ArrayList<>(base), "RETURN_FRT", null, freight, null);
            default -> {
            }
        }
    }

    private void flushFedexRow() {
        if (!fedexRow.isEmpty()) {
            fedexOut.accept(List.copyOf(fedexRow));
            fedexRow.clear();
        }
    }

    /** The charges fuel is a percentage of, in the table's applies_to notation. */
    static final String FUEL_BASE = "FREIGHT RESIDENTIAL_SURCHARGE DELIVERY_AREA_SURCHARGE";

    /** The fuel percentage of the ship date's week, as the generated table says. */
    static double fuelPercent(LocalDate ship) {
        return ship.isBefore(FUEL_WEEK_2) ? 16.5 : 17.0;
    }

    /** The contract rate: the sheet's list rate less the discount, in cents. */
    static double netRate(boolean nda, long pounds) {
        return Math.round((8 + pounds * 0.9 + (nda ? 25 : 0)) * 100) / 100.0;
    }

    /**
     * Writes the carrier tables this invoice is billed from, in the layouts {@code reference import} reads: the
     * weekly fuel table ({@code fuel.csv}), the delivery-area ZIP list ({@code das.csv}) and the contract rate sheet
     * ({@code rates.csv}, list rates that give {@link #netRate} after the discount). Returns the three files.
     */
    public static List<Path> writeCarrierTables(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder fuelRows = new StringBuilder(
                "carrier,service_group,effective_from,effective_to,percent,applies_to,source\n");
        for (String group : List.of("GROUND", "AIR")) {
            fuelRows.append("UPS,").append(group).append(',').append(FUEL_WEEK_1).append(',')
                    .append(FUEL_WEEK_2.minusDays(1)).append(',').append(fuelPercent(FUEL_WEEK_1)).append(',')
                    .append(FUEL_BASE).append(",generated\n");
            fuelRows.append("UPS,").append(group).append(',').append(FUEL_WEEK_2).append(",,")
                    .append(fuelPercent(FUEL_WEEK_2)).append(',').append(FUEL_BASE).append(",generated\n");
        }
        // FedEx bills the same generated packages: the same tables under its name (Home Delivery and Priority
        // Overnight are its services for the residential ground and next-day packages).
        for (String group : List.of("GROUND", "AIR")) {
            fuelRows.append("FEDEX,").append(group).append(',').append(FUEL_WEEK_1).append(',')
                    .append(FUEL_WEEK_2.minusDays(1)).append(',').append(fuelPercent(FUEL_WEEK_1)).append(',')
                    .append(FUEL_BASE).append(",generated\n");
            fuelRows.append("FEDEX,").append(group).append(',').append(FUEL_WEEK_2).append(",,")
                    .append(fuelPercent(FUEL_WEEK_2)).append(',').append(FUEL_BASE).append(",generated\n");
        }
        Path fuel = Files.writeString(dir.resolve("fuel.csv"), fuelRows);
        StringBuilder das = new StringBuilder("carrier,year,postal_code,area_type\n");
        DAS_ZIPS.forEach(z -> das.append("UPS,2026,").append(z).append(",EXTENDED\n"));
        DAS_ZIPS.forEach(z -> das.append("FEDEX,2026,").append(z).append(",EXTENDED\n"));
        Path dasFile = Files.writeString(dir.resolve("das.csv"), das);
        StringBuilder rates = new StringBuilder(
                "carrier,service,zone,weight_lb,list_rate,discount_percent,effective_from,effective_to,source\n");
        for (String service : List.of("UPS GROUND", "UPS NEXT_DAY_AIR", "FEDEX GROUND", "FEDEX HOME_DELIVERY",
                "FEDEX PRIORITY_OVERNIGHT")) {
            for (int lb = 1; lb <= 150; lb++) {
                boolean nextDay = service.endsWith("NEXT_DAY_AIR") || service.endsWith("OVERNIGHT");
                java.math.BigDecimal list = java.math.BigDecimal.valueOf(netRate(nextDay, lb))
                        .divide(java.math.BigDecimal.valueOf(1 - DISCOUNT), 6, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros();
                rates.append(service.replace(' ', ',')).append(",5,").append(lb).append(',').append(list.toPlainString())
                        .append(",20,2026-01-01,2026-12-31,generated\n");
            }
        }
        Path rateFile = Files.writeString(dir.resolve("rates.csv"), rates);
        return List.of(fuel, dasFile, rateFile);
    }

    private void emit(Sink sink, List<Object> base, String code, String description, double amount, String rule) {
        // FedEx puts a package's charges on one row: a new row starts with another package (or a return's own row).
        if (layout != Layout.FEDEX_BILLING || base != fedexBase) {
            row++;
        }
        if (layout == Layout.FEDEX_BILLING && base != fedexBase) {
            flushFedexRow();
            fedexBase = base;
        }
        List<Object> values = new ArrayList<>(base);
        values.add(code);
        values.add(description);
        values.add(String.format(Locale.ROOT, "%.2f", amount));
        values.add("USD");
        if (layout == Layout.FEDEX_BILLING) {
            fedexRow.add(values);
        } else {
            sink.write(values);
        }
        if (rule != null) {
            planted.add(new Planted(row, rule));
        }
    }

    private static LocalDate nextBusinessDay(LocalDate d) {
        LocalDate n = d.plusDays(1);
        while (!CarrierHolidays.isBusinessDay(n)) {
            n = n.plusDays(1);
        }
        return n;
    }
}
