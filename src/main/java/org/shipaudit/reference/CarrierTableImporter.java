package org.shipaudit.reference;

import org.shipaudit.model.DeliveryAreaTier;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.lookup.ServiceCatalog;
import org.shipaudit.csv.CsvReader;
import org.shipaudit.reference.zones.Zones;

/**
 * Imports the carrier tables the invoice audit checks surcharges against: delivery-area ZIP lists (one per carrier
 * and year) and weekly fuel surcharge tables (one per carrier). Carriers publish these as spreadsheets and web
 * tables in layouts that change; finance staff save them in the two plain CSV layouts below (see
 * reference-data/SOURCES.md), and a malformed row stops the file with its row number, keeping the previous edition.
 *
 * <pre>
 * carrier,year,postal_code,area_type                                   (delivery-area list)
 * carrier,service_group,effective_from,effective_to,percent,applies_to,source   (fuel table)
 * carrier,service,zone,weight_lb,list_rate,discount_percent,effective_from,effective_to,source   (contract rates)
 * </pre>
 */
final class CarrierTableImporter {

    static final Set<String> FUEL_GROUPS = Set.of("GROUND", "AIR", "INTERNATIONAL");

    /** Charges the fuel percentage is taken of when a row does not list them: transportation and package surcharges. */
    static final Set<ChargeType> DEFAULT_FUEL_BASE = EnumSet.of(ChargeType.FREIGHT, ChargeType.RESIDENTIAL_SURCHARGE,
            ChargeType.DELIVERY_AREA_SURCHARGE, ChargeType.ADDITIONAL_HANDLING, ChargeType.LARGE_PACKAGE,
            ChargeType.SATURDAY_DELIVERY);

    private CarrierTableImporter() {
    }

    static ImportSummary deliveryAreas(ImportRun run, Path file, String edition) throws IOException {
        return importRows(run, file, edition, ReferenceFormat.DELIVERY_AREA_CSV, "delivery-area", "lists",
                (at, row) -> {
                    String carrier = carrier(run, at, cell(row, 0));
                    int year = year(run, at, cell(row, 1));
                    String zip = zip(cell(row, 2));
                    if (!zip.matches("\\d{5}")) {
                        throw new MalformedReferenceFileException(run.file, at, "postal_code: expected a 5-digit ZIP "
                                + "code, found '" + cell(row, 2) + "'");
                    }
                    String source = deliveryAreaSource(carrier, String.valueOf(year));
                    Document d = Fields.base(Fields.KIND_DELIVERY_AREA, source);
                    Fields.key(d, Fields.deliveryAreaKey(carrier, String.valueOf(year), zip));
                    // A carrier's own label is stored as the common tier when it names one, else as written.
                    d.add(new StoredField("type", DeliveryAreaTier.of(cell(row, 3)).map(Enum::name)
                            .orElse(cell(row, 3).trim().toUpperCase(Locale.ROOT))));
                    return new Entry(source, d);
                });
    }

    static ImportSummary fuel(ImportRun run, Path file, String edition) throws IOException {
        Periods periods = new Periods(run, "one percentage per day");
        return importRows(run, file, edition, ReferenceFormat.FUEL_CSV, "fuel", "carriers", (at, row) -> {
            FuelTableRow r = fuelRow(run, at, row);
            periods.add(r.carrier() + " " + r.group(), r.from(), r.to(), at);
            String source = fuelSource(r.carrier());
            Document d = Fields.base(Fields.KIND_FUEL, source);
            Fields.key(d, Fields.fuelKey(r.carrier(), r.group()));
            d.add(new StoredField("carrier", r.carrier()));
            d.add(new StoredField("group", r.group()));
            d.add(new StoredField("from", r.from().toString()));
            Fields.store(d, "to", r.to() == null ? null : r.to().toString());
            d.add(new StoredField("percent", r.percent().toPlainString()));
            d.add(new StoredField("appliesTo", String.join(" ", r.appliesTo().stream().map(Enum::name).toList())));
            Fields.store(d, "source", r.source());
            return new Entry(source, d);
        });
    }

    static ImportSummary rates(ImportRun run, Path file, String edition) throws IOException {
        Periods periods = new Periods(run, "one rate per cell and day");
        return importRows(run, file, edition, ReferenceFormat.RATE_SHEET_CSV, "rates", "carriers", (at, row) -> {
            RateSheetRow r = rateRow(run, at, row);
            periods.add(r.carrier() + " " + r.service() + " zone " + r.zone() + " " + r.weightLb() + " lb", r.from(),
                    r.to(), at);
            String source = rateSource(r.carrier());
            Document d = Fields.base(Fields.KIND_RATE, source);
            Fields.key(d, Fields.rateKey(r.carrier(), r.service(), r.zone(), r.weightLb()));
            d.add(new StoredField("list", r.listRate().toPlainString()));
            d.add(new StoredField("discount", r.discountPercent().toPlainString()));
            d.add(new StoredField("from", r.from().toString()));
            Fields.store(d, "to", r.to() == null ? null : r.to().toString());
            Fields.store(d, "source", r.source());
            return new Entry(source, d);
        });
    }

    /** One row's document and the source (carrier list, carrier table) it belongs to. */
    private record Entry(String source, Document document) {
    }

    @FunctionalInterface
    private interface RowReader {
        Entry read(long at, List<String> row) throws MalformedReferenceFileException;
    }

    /**
     * The loop the three layouts share: skip the header and blank rows, read each row, replace each source the first
     * time one of its rows is read (so a file replaces exactly the lists or tables it holds), record the editions.
     */
    private static ImportSummary importRows(ImportRun run, Path file, String edition, ReferenceFormat format,
                                            String kind, String plural, RowReader reader) throws IOException {
        Map<String, Long> perSource = new LinkedHashMap<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            csv.next();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.isEmpty() || row.stream().allMatch(String::isBlank)) {
                    continue;
                }
                run.read++;
                Entry e = reader.read(csv.record(), row);
                if (!perSource.containsKey(e.source())) {
                    run.replace(e.source());
                    perSource.put(e.source(), 0L);
                }
                perSource.merge(e.source(), 1L, Long::sum);
                run.add(e.document());
            }
        }
        for (Map.Entry<String, Long> e : perSource.entrySet()) {
            run.edition(e.getKey(), kind, edition, e.getValue());
        }
        return run.summary(format, perSource.size() == 1 ? perSource.keySet().iterator().next()
                : kind + " (" + perSource.size() + " " + plural + ")", edition);
    }

    /** Validity periods read so far per key; refuses a row whose period overlaps an earlier one of the same key. */
    private static final class Periods {
        private final ImportRun run;
        private final String rule;
        private final Map<String, List<long[]>> byKey = new java.util.HashMap<>();

        Periods(ImportRun run, String rule) {
            this.run = run;
            this.rule = rule;
        }

        void add(String key, LocalDate from, LocalDate to, long at) throws MalformedReferenceFileException {
            long start = from.toEpochDay();
            long end = to == null ? Long.MAX_VALUE : to.toEpochDay();
            List<long[]> seen = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
            for (long[] p : seen) {
                if (start <= p[1] && p[0] <= end) {
                    throw new MalformedReferenceFileException(run.file, at, key + " from " + from + " overlaps row "
                            + p[2] + " (" + LocalDate.ofEpochDay(p[0]) + " to " + (p[1] == Long.MAX_VALUE ? "open"
                            : LocalDate.ofEpochDay(p[1])) + "): " + rule);
                }
            }
            seen.add(new long[] {start, end, at});
        }
    }

    private static RateSheetRow rateRow(ImportRun run, long at, List<String> row)
            throws MalformedReferenceFileException {
        String carrier = carrier(run, at, cell(row, 0));
        String service = ServiceCatalog.canonical(cell(row, 1).trim());
        if (service.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, at, "service is required");
        }
        String zone = Zones.plain(cell(row, 2));
        if (zone.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, at, "zone is required");
        }
        int weight;
        try {
            weight = new BigDecimal(cell(row, 3).trim()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            weight = -1;
        }
        if (weight < 1 || weight > 2_000) {
            throw new MalformedReferenceFileException(run.file, at, "weight_lb: expected whole pounds from 1 to 2000, "
                    + "found '" + cell(row, 3) + "'");
        }
        BigDecimal list = decimal(run, at, "list_rate", cell(row, 4), "12.34");
        BigDecimal discount = cell(row, 5).isBlank() ? BigDecimal.ZERO
                : decimal(run, at, "discount_percent", cell(row, 5).replace("%", ""), "22.5");
        if (list.signum() < 0 || discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new MalformedReferenceFileException(run.file, at, "list_rate must not be negative and "
                    + "discount_percent must be 0 to 100");
        }
        LocalDate from = date(run, at, "effective_from", cell(row, 6));
        if (from == null) {
            throw new MalformedReferenceFileException(run.file, at, "effective_from is required");
        }
        LocalDate to = date(run, at, "effective_to", cell(row, 7));
        if (to != null && to.isBefore(from)) {
            throw new MalformedReferenceFileException(run.file, at, "effective_to " + to + " is before effective_from "
                    + from);
        }
        return new RateSheetRow(carrier, service, zone, weight, list, discount, from, to, cell(row, 8).trim());
    }

    static String rateSource(String carrier) {
        return "rates:" + carrier;
    }

    private static BigDecimal decimal(ImportRun run, long at, String column, String value, String example)
            throws MalformedReferenceFileException {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new MalformedReferenceFileException(run.file, at, column + ": expected a number such as " + example
                    + ", found '" + value + "'");
        }
    }

    private static FuelTableRow fuelRow(ImportRun run, long at, List<String> row)
            throws MalformedReferenceFileException {
        String carrier = carrier(run, at, cell(row, 0));
        String group = cell(row, 1).trim().toUpperCase(Locale.ROOT);
        if (!FUEL_GROUPS.contains(group)) {
            throw new MalformedReferenceFileException(run.file, at, "service_group: expected one of GROUND, AIR, "
                    + "INTERNATIONAL, found '" + cell(row, 1) + "'");
        }
        LocalDate from = date(run, at, "effective_from", cell(row, 2));
        if (from == null) {
            throw new MalformedReferenceFileException(run.file, at, "effective_from is required");
        }
        LocalDate to = date(run, at, "effective_to", cell(row, 3));
        if (to != null && to.isBefore(from)) {
            throw new MalformedReferenceFileException(run.file, at, "effective_to " + to + " is before effective_from "
                    + from);
        }
        BigDecimal percent = decimal(run, at, "percent", cell(row, 4).replace("%", ""), "15.25");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new MalformedReferenceFileException(run.file, at, "percent: expected 0 to 100, found " + percent);
        }
        Set<ChargeType> appliesTo = EnumSet.noneOf(ChargeType.class);
        for (String name : cell(row, 5).trim().split("[\\s;|]+")) {
            if (name.isEmpty()) {
                continue;
            }
            try {
                appliesTo.add(ChargeType.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new MalformedReferenceFileException(run.file, at, "applies_to: unknown charge '" + name
                        + "'; expected charge names such as FREIGHT RESIDENTIAL_SURCHARGE");
            }
        }
        return new FuelTableRow(carrier, group, from, to, percent,
                appliesTo.isEmpty() ? DEFAULT_FUEL_BASE : appliesTo, cell(row, 6).trim());
    }

    /**
     * A US ZIP code as five digits. Spreadsheets store ZIP codes as numbers and drop leading zeros (04401 becomes
     * 4401), in carrier lists and invoices alike, so three- and four-digit codes are padded back.
     */
    static String zip(String code) {
        String z = Normalize.postalCode("US", code);
        return z.matches("\\d{3,4}") ? "0".repeat(5 - z.length()) + z : z;
    }

    /**
     * The source id of one delivery-area list: {@code das:FEDEX:2025} for a list of our layout (in force for that
     * calendar year), {@code das:FEDEX:2025-06-02} for a carrier's list (in force from that day until the next one).
     */
    static String deliveryAreaSource(String carrier, String list) {
        return "das:" + carrier + ":" + list;
    }

    static String fuelSource(String carrier) {
        return "fuel:" + carrier;
    }

    private static String carrier(ImportRun run, long at, String value)
            throws MalformedReferenceFileException {
        String c = value.trim().toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, at, "carrier is required");
        }
        return c;
    }

    private static int year(ImportRun run, long at, String value)
            throws MalformedReferenceFileException {
        String y = value.trim();
        if (!y.matches("(19|20|21)\\d\\d")) {
            throw new MalformedReferenceFileException(run.file, at, "year: expected a year such as 2026, found '"
                    + value + "'");
        }
        return Integer.parseInt(y);
    }

    static LocalDate date(ImportRun run, long at, String column, String value)
            throws MalformedReferenceFileException {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new MalformedReferenceFileException(run.file, at, column + ": expected a date as YYYY-MM-DD, found '"
                    + value + "'");
        }
    }

    /** The next row that is not blank, counted as read; null at the end of the file. */
    static List<String> nextRow(ImportRun run, CsvReader csv) throws IOException {
        List<String> row;
        while ((row = csv.next()) != null) {
            if (!row.stream().allMatch(String::isBlank)) {
                run.read++;
                return row;
            }
        }
        return null;
    }

    static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i) : "";
    }
}
