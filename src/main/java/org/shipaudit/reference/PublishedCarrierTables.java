package org.shipaudit.reference;

import org.shipaudit.model.DeliveryAreaTier;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.shipaudit.csv.CsvReader;

/**
 * Imports the carriers' delivery-area ZIP lists and weekly fuel tables in the layouts the carriers' own files are
 * flattened to (reference-data/MANIFEST.md, carriers/): {@code zip,das_list} (FedEx), {@code zip,ups_area_type} (UPS),
 * {@code effectiveDate,ground,express} (FedEx fuel) and {@code effectiveDate,domesticGround,domesticAir,...} (UPS fuel).
 *
 * <p>Unlike our own layouts ({@link CarrierTableImporter}) these files do not say which carrier or edition they are:
 * the carrier follows from the layout, and a delivery-area list's effective date from the edition (the file name,
 * as the carriers publish them, e.g. {@code fedex_das_zips_2025-06-02}); a list with no date in its name is refused
 * rather than guessed. A row that cannot be read is skipped and reported with its row number and reason, so one bad
 * line in a 25,000-row list does not drop the list; a file with no readable row is refused.
 */
final class PublishedCarrierTables {

    private static final Pattern DATE = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)(?!\\d)");

    /** The weekly columns of the UPS table and the service group each is charged to; import columns are not. */
    private static final Map<String, String> UPS_FUEL_COLUMNS = Map.of("domesticground", "GROUND",
            "domesticair", "AIR", "intlairexport", "INTERNATIONAL");
    /** FedEx publishes one Ground and one Express percentage; Express is its domestic air table. */
    private static final Map<String, String> FEDEX_FUEL_COLUMNS = Map.of("ground", "GROUND", "express", "AIR");

    private PublishedCarrierTables() {
    }

    /**
     * The day a list takes effect, read from its edition: a date (2025-06-02), else a year alone (2026, taken as
     * January 1st); null when the edition names neither.
     */
    static LocalDate effectiveFrom(String edition) {
        Matcher d = DATE.matcher(edition);
        if (d.find()) {
            try {
                return LocalDate.parse(d.group(1) + "-" + d.group(2) + "-" + d.group(3));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher y = YEAR.matcher(edition);
        return y.find() ? LocalDate.of(Integer.parseInt(y.group(1)), 1, 1) : null;
    }

    static ImportSummary deliveryAreas(ImportRun run, Path file, String edition, String carrier,
                                       ReferenceFormat format) throws IOException {
        LocalDate from = effectiveFrom(edition);
        if (from == null) {
            throw new MalformedReferenceFileException(run.file, 1, "a " + carrier + " delivery-area list does not "
                    + "carry its effective date: name the file with it as the carrier publishes it, e.g. "
                    + carrier.toLowerCase(java.util.Locale.ROOT) + "_das_zips_2025-06-02.csv");
        }
        String source = CarrierTableImporter.deliveryAreaSource(carrier, from.toString());
        RowErrors errors = new RowErrors(run);
        Set<String> seen = new HashSet<>();
        Map<DeliveryAreaTier, Long> tiers = new java.util.EnumMap<>(DeliveryAreaTier.class);
        run.replace(source);
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            csv.next();
            CsvRows.each(run, csv, (row, at) -> {
                String zip = CarrierTableImporter.zip(cell(row, 0));
                if (!zip.matches("\\d{5}")) {
                    errors.add(at, "zip: expected a 5-digit ZIP code, found '" + cell(row, 0) + "'");
                    return;
                }
                DeliveryAreaTier tier = DeliveryAreaTier.of(cell(row, 1)).orElse(null);
                if (tier == null) {
                    errors.add(at, "tier: '" + cell(row, 1) + "' is not a " + carrier + " delivery-area tier");
                    return;
                }
                if (!seen.add(zip)) {
                    errors.add(at, "zip " + zip + " is listed twice");
                    return;
                }
                tiers.merge(tier, 1L, Long::sum);
                Document d = Fields.base(Fields.KIND_DELIVERY_AREA, source);
                Fields.key(d, Fields.deliveryAreaKey(carrier, from.toString(), zip));
                d.add(new StoredField("type", tier.name()));
                run.add(d);
            });
        }
        if (seen.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, run.read + 1, "no readable ZIP code in the list");
        }
        run.edition(source, "delivery-area", edition + " (effective " + from + "; " + tiersText(tiers) + ")",
                seen.size());
        return run.summary(format, source, edition);
    }

    static String tiersText(Map<DeliveryAreaTier, Long> tiers) {
        StringBuilder s = new StringBuilder();
        tiers.forEach((t, n) -> s.append(s.isEmpty() ? "" : ", ").append(t.name()).append(' ').append(n));
        return s.toString();
    }

    static ImportSummary fedexFuel(ImportRun run, Path file, String edition) throws IOException {
        return fuel(run, file, edition, "FEDEX", FEDEX_FUEL_COLUMNS, ReferenceFormat.FEDEX_FUEL_WEEKLY_CSV);
    }

    static ImportSummary upsFuel(ImportRun run, Path file, String edition) throws IOException {
        return fuel(run, file, edition, "UPS", UPS_FUEL_COLUMNS, ReferenceFormat.UPS_FUEL_WEEKLY_CSV);
    }

    /**
     * A weekly table: each row is the Monday a week starts and one fraction per column (0.2650 is 26.50 %), in force
     * Monday to Sunday.
     */
    private static ImportSummary fuel(ImportRun run, Path file, String edition, String carrier,
                                      Map<String, String> groups, ReferenceFormat format) throws IOException {
        String source = CarrierTableImporter.fuelSource(carrier);
        RowErrors errors = new RowErrors(run);
        Set<LocalDate> weeks = new HashSet<>();
        run.replace(source);
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> header = csv.next();
            Map<Integer, String> columns = new HashMap<>();
            for (int i = 1; i < header.size(); i++) {
                String g = groups.get(header.get(i).trim().toLowerCase(java.util.Locale.ROOT));
                if (g != null) {
                    columns.put(i, g);
                }
            }
            CsvRows.each(run, csv, (row, at) -> {
                LocalDate monday;
                try {
                    monday = LocalDate.parse(cell(row, 0).trim());
                } catch (DateTimeParseException e) {
                    errors.add(at, "effectiveDate: expected a date as YYYY-MM-DD, found '" + cell(row, 0) + "'");
                    return;
                }
                if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
                    errors.add(at, "effectiveDate " + monday + " is a " + monday.getDayOfWeek()
                            + ": weekly fuel percentages take effect on Mondays");
                    return;
                }
                if (!weeks.add(monday)) {
                    errors.add(at, "the week of " + monday + " is listed twice");
                    return;
                }
                for (Map.Entry<Integer, String> c : columns.entrySet()) {
                    String raw = cell(row, c.getKey()).trim();
                    BigDecimal fraction;
                    try {
                        fraction = new BigDecimal(raw);
                    } catch (NumberFormatException e) {
                        errors.add(at, header.get(c.getKey()) + ": expected a fraction such as 0.2650, found '"
                                + raw + "'");
                        continue;
                    }
                    if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) >= 0) {
                        errors.add(at, header.get(c.getKey()) + ": expected a fraction from 0 to 1 (0.2650 is "
                                + "26.50 %), found " + raw);
                        continue;
                    }
                    run.add(fuelDocument(source, carrier, c.getValue(), monday,
                            fraction.movePointRight(2).stripTrailingZeros(), edition));
                }
            });
        }
        if (weeks.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, run.read + 1, "no readable week in the table");
        }
        LocalDate first = weeks.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = weeks.stream().max(LocalDate::compareTo).orElseThrow();
        run.edition(source, "fuel", edition + " (weeks " + first + " to " + last.plusDays(6) + ")", run.indexed);
        return run.summary(format, source, edition);
    }

    private static Document fuelDocument(String source, String carrier, String group, LocalDate monday,
                                         BigDecimal percent, String edition) {
        Document d = Fields.base(Fields.KIND_FUEL, source);
        Fields.key(d, Fields.fuelKey(carrier, group));
        d.add(new StoredField("carrier", carrier));
        d.add(new StoredField("group", group));
        d.add(new StoredField("from", monday.toString()));
        d.add(new StoredField("to", monday.plusDays(6).toString()));
        d.add(new StoredField("percent", (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString()));
        d.add(new StoredField("appliesTo", String.join(" ",
                CarrierTableImporter.DEFAULT_FUEL_BASE.stream().map(Enum::name).sorted().toList())));
        d.add(new StoredField("source", edition));
        return d;
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i) : "";
    }
}
