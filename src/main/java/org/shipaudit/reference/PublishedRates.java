package org.shipaudit.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.shipaudit.csv.CsvReader;
import org.shipaudit.model.lookup.ServiceCatalog;
import org.shipaudit.reference.zones.Zones;

/**
 * Imports the carriers' published (list) rates as the carriers' files are flattened (reference-data/MANIFEST.md,
 * carriers/rates): UPS Daily Rates as {@code service,weight_lbs,zone,rate_usd} (one row per cell, UPS's service
 * names, its zone codes: 2-8 and 44-46 for Ground, 102-126 for Next Day Air...) and FedEx Ground / Home Delivery
 * list rates as {@code Weight_lbs,Zone2,...,Zone8} (one row per pound, one column per zone; the Alaska and Hawaii
 * table's columns are {@code Zone17_ToAlaska} and the like).
 *
 * <p>The files do not say their edition: it is the file's name, with its effective date (e.g.
 * {@code ups_daily_rates_2025-12-22.csv}) or its rate year, whose effective day the carrier's rate documents state
 * ({@link RateEditions}); a name with neither is refused rather than guessed. Each file is one source, replaced by
 * its next import (idempotent). A row that cannot be read is skipped and named with its row number and reason;
 * UPS letter (envelope) rates are kept out, as invoices bill envelopes as letters, not by weight.
 */
final class PublishedRates {

    static final String KIND = "published-rate";
    private static final Pattern DATE = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)(?!\\d)");
    private static final Pattern ZONE_COLUMN = Pattern.compile("zone0*(\\d+)(?:_.*)?");
    /** FedEx publishes one table for both services (FedEx Service Guide 2025, "FedEx Ground and FedEx Home
     * Delivery rates: Zones 2-8"). */
    private static final List<String> FEDEX_GROUND_SERVICES = List.of("GROUND", "HOME_DELIVERY");

    private PublishedRates() {
    }

    static ImportSummary upsDaily(ImportRun run, Path file, String edition) throws IOException {
        LocalDate from = effectiveFrom(run, "UPS", edition);
        String source = source("UPS", from, "daily");
        RowErrors errors = new RowErrors(run);
        Set<String> seen = new HashSet<>();
        Set<String> services = new TreeSet<>();
        run.replace(source);
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            csv.next();
            List<String> row;
            while ((row = CarrierTableImporter.nextRow(run, csv)) != null) {
                long at = csv.record();
                String name = CarrierTableImporter.cell(row, 0).trim();
                String service = code(name);
                if (service.isEmpty()) {
                    errors.add(at, "service is empty");
                    continue;
                }
                if (CarrierTableImporter.cell(row, 1).trim().equalsIgnoreCase("letter")) {
                    run.skip("letter (envelope) rates: billed as letters, not by weight");
                    continue;
                }
                Integer weight = weight(CarrierTableImporter.cell(row, 1));
                if (weight == null) {
                    errors.add(at, "weight_lbs: expected whole pounds from 1 to 2000 or 'letter', found '"
                            + CarrierTableImporter.cell(row, 1) + "'");
                    continue;
                }
                String zone = Zones.plain(CarrierTableImporter.cell(row, 2));
                if (!zone.matches("\\d{1,3}")) {
                    errors.add(at, "zone: expected a UPS zone number such as 5 or 102, found '" + CarrierTableImporter.cell(row, 2) + "'");
                    continue;
                }
                BigDecimal rate = rate(CarrierTableImporter.cell(row, 3));
                if (rate == null) {
                    errors.add(at, "rate_usd: expected an amount such as 12.34, found '" + CarrierTableImporter.cell(row, 3) + "'");
                    continue;
                }
                if (!seen.add(name + "|" + zone + "|" + weight)) {
                    errors.add(at, name + " zone " + zone + " at " + weight + " lb is listed twice");
                    continue;
                }
                services.add(service);
                run.add(document(source, "UPS", service, zone, weight, rate, from, name, edition));
            }
        }
        return finish(run, source, edition, from, seen.size(), services, ReferenceFormat.UPS_DAILY_RATES_CSV);
    }

    static ImportSummary fedexList(ImportRun run, Path file, String edition) throws IOException {
        LocalDate from = effectiveFrom(run, "FEDEX", edition);
        RowErrors errors = new RowErrors(run);
        Set<String> seen = new HashSet<>();
        String source;
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> header = csv.next();
            Map<Integer, String> zones = new TreeMap<>();
            for (int i = 1; i < header.size(); i++) {
                Matcher m = ZONE_COLUMN.matcher(header.get(i).trim().toLowerCase(Locale.ROOT));
                if (m.matches()) {
                    zones.put(i, m.group(1));
                }
            }
            if (zones.isEmpty()) {
                throw new MalformedReferenceFileException(run.file, 1, "no zone columns (Zone2, Zone17_ToAlaska...)");
            }
            // One source per table: the contiguous and the Alaska/Hawaii tables of one year are two files.
            source = source("FEDEX", from, "zones " + String.join(" ", zones.values()));
            run.replace(source);
            List<String> row;
            while ((row = CarrierTableImporter.nextRow(run, csv)) != null) {
                long at = csv.record();
                Integer weight = weight(CarrierTableImporter.cell(row, 0));
                if (weight == null) {
                    errors.add(at, header.get(0) + ": expected whole pounds from 1 to 2000, found '" + CarrierTableImporter.cell(row, 0)
                            + "'");
                    continue;
                }
                if (!seen.add(String.valueOf(weight))) {
                    errors.add(at, weight + " lb is listed twice");
                    continue;
                }
                for (Map.Entry<Integer, String> z : zones.entrySet()) {
                    String raw = CarrierTableImporter.cell(row, z.getKey());
                    if (raw.isBlank()) {
                        continue;
                    }
                    BigDecimal rate = rate(raw);
                    if (rate == null) {
                        errors.add(at, header.get(z.getKey()) + ": expected an amount such as 12.34, found '" + raw
                                + "'");
                        continue;
                    }
                    for (String service : FEDEX_GROUND_SERVICES) {
                        run.add(document(source, "FEDEX", service, z.getValue(), weight, rate, from,
                                "FedEx Ground and FedEx Home Delivery", edition));
                    }
                }
            }
        }
        return finish(run, source, edition, from, run.indexed, new TreeSet<>(FEDEX_GROUND_SERVICES),
                ReferenceFormat.FEDEX_LIST_RATES_CSV);
    }

    private static ImportSummary finish(ImportRun run, String source, String edition, LocalDate from, long cells,
                                        Set<String> services, ReferenceFormat format) throws IOException {
        if (cells == 0) {
            throw new MalformedReferenceFileException(run.file, run.read + 1, "no readable rate in the table");
        }
        run.edition(source, "published-rates", edition + " (effective " + from + "; " + String.join(", ", services)
                + ")", run.indexed);
        return run.summary(format, source, edition);
    }

    /**
     * Our service code for a carrier's service name, its trademark signs dropped: "UPS Next Day Air® Early" is
     * NEXT_DAY_AIR, as the invoices' service names are read ({@link ServiceCatalog}).
     */
    static String code(String carrierName) {
        String plain = carrierName.replaceAll("[®™©]", " ").replaceAll("\\s+", " ").trim();
        return plain.isEmpty() ? "" : ServiceCatalog.canonical(plain);
    }

    static String source(String carrier, LocalDate from, String table) {
        return "published-rates:" + carrier + ":" + from + ":" + table;
    }

    /**
     * The day the table took effect: the date in its edition (file name), else the known effective day of the rate
     * year it names; refused when it names neither or a year whose day is not known.
     */
    static LocalDate effectiveFrom(ImportRun run, String carrier, String edition)
            throws MalformedReferenceFileException {
        Matcher d = DATE.matcher(edition);
        if (d.find()) {
            try {
                return LocalDate.parse(d.group(1) + "-" + d.group(2) + "-" + d.group(3));
            } catch (DateTimeParseException e) {
                // not a date after all: fall through to the year
            }
        }
        Matcher y = YEAR.matcher(edition);
        if (y.find()) {
            int year = Integer.parseInt(y.group(1));
            return RateEditions.of(carrier, year).map(RateEditions.Edition::from).orElseThrow(() ->
                    new MalformedReferenceFileException(run.file, 1, "the effective day of " + carrier + "'s " + year
                            + " rates is not known: name the file with it, e.g. "
                            + carrier.toLowerCase(Locale.ROOT) + "_rates_" + year + "-01-05.csv"));
        }
        throw new MalformedReferenceFileException(run.file, 1, "a published rate table does not say its edition: name "
                + "the file with its effective date or rate year, e.g. " + carrier.toLowerCase(Locale.ROOT)
                + "_rates_2026-01-05.csv");
    }

    private static Document document(String source, String carrier, String service, String zone, int weight,
                                     BigDecimal rate, LocalDate from, String carrierName, String edition) {
        Document d = Fields.base(KIND, source);
        d.add(new StoredField("carrier", carrier));
        d.add(new StoredField("service", service));
        d.add(new StoredField("zone", zone));
        d.add(new StoredField("weight", String.valueOf(weight)));
        d.add(new StoredField("rate", rate.toPlainString()));
        d.add(new StoredField("from", from.toString()));
        d.add(new StoredField("name", carrierName));
        d.add(new StoredField("edition", edition));
        return d;
    }

    private static Integer weight(String text) {
        try {
            int w = new BigDecimal(text.trim()).intValueExact();
            return w >= 1 && w <= 2_000 ? w : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static BigDecimal rate(String text) {
        try {
            BigDecimal r = new BigDecimal(text.trim().replace("$", ""));
            return r.signum() < 0 ? null : r;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
