package org.shipaudit.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.shipaudit.csv.CsvReader;
import org.shipaudit.model.lookup.ServiceCatalog;
import org.shipaudit.reference.zones.Zones;

/**
 * The shipper's contract discounts off the carriers' published rates, as finance staff write them from the carrier
 * agreement: one row per carrier, account (blank: every account), service, zones (blank: all; {@code 2-8},
 * {@code 2;3;4}) and billed-weight band (whole pounds, blank: any), with the percentage and its dates.
 *
 * <pre>
 * carrier,account,service,zones,weight_from_lb,weight_to_lb,discount_percent,effective_from,effective_to,source
 * FEDEX,,HOME_DELIVERY,,1,20,36,2025-01-06,,agreement 2025 performance pricing
 * </pre>
 *
 * Enter the discount the agreement guarantees (performance pricing tiers), not one that depends on revenue later
 * (an earned discount's tier): the check claims what the guaranteed discount says is owed, so a deeper figure than
 * the contract's would claim money that is not. A file replaces the discounts of the carriers it holds; rows that
 * overlap (same carrier, account and service, a shared zone, weight and day) or cannot be read refuse the file with
 * the row numbers, keeping the discounts loaded before: a contract half loaded would claim the wrong amounts.
 */
final class ContractDiscounts {

    static final String KIND = "contract-discount";
    static final ContractDiscounts EMPTY = new ContractDiscounts(List.of());

    /** One row: zones as inclusive ranges (empty: all zones), weights inclusive (null: open). */
    record Row(String carrier, String account, String service, List<int[]> zones, Integer weightFrom,
               Integer weightTo, BigDecimal percent, LocalDate from, LocalDate to, String source, long at) {

        boolean covers(String zone, int weight, LocalDate day) {
            return inZones(zone) && (weightFrom == null || weight >= weightFrom)
                    && (weightTo == null || weight <= weightTo) && !day.isBefore(from)
                    && (to == null || !day.isAfter(to));
        }

        private boolean inZones(String zone) {
            if (zones.isEmpty()) {
                return true;
            }
            if (zone == null || !zone.matches("\\d{1,4}")) {
                return false;
            }
            int z = Integer.parseInt(zone);
            return zones.stream().anyMatch(r -> z >= r[0] && z <= r[1]);
        }

        boolean overlaps(Row o) {
            boolean zonesShared = zones.isEmpty() || o.zones.isEmpty() || zones.stream().anyMatch(a ->
                    o.zones.stream().anyMatch(b -> a[0] <= b[1] && b[0] <= a[1]));
            boolean weightsShared = (weightFrom == null || o.weightTo == null || weightFrom <= o.weightTo)
                    && (o.weightFrom == null || weightTo == null || o.weightFrom <= weightTo);
            boolean daysShared = (to == null || !o.from.isAfter(to)) && (o.to == null || !from.isAfter(o.to));
            return zonesShared && weightsShared && daysShared;
        }
    }

    private final Map<String, List<Row>> byService = new HashMap<>();

    ContractDiscounts(List<Row> rows) {
        for (Row r : rows) {
            byService.computeIfAbsent(r.carrier() + "|" + r.service(), k -> new ArrayList<>()).add(r);
        }
    }

    /**
     * The discount for a charge: the row for the invoice's account if one covers it, else the row for every account;
     * empty when none does (then the check compares with the published rate itself).
     */
    Optional<ContractDiscount> lookup(String carrier, String account, String service, String zone, int weightLb,
                                      LocalDate day) {
        if (carrier == null || service == null || day == null) {
            return Optional.empty();
        }
        List<Row> rows = byService.get(carrier.trim().toUpperCase(Locale.ROOT) + "|"
                + ServiceCatalog.canonical(service));
        if (rows == null) {
            return Optional.empty();
        }
        String z = Zones.plain(zone);
        String acct = account == null ? "" : account.trim();
        Row general = null;
        for (Row r : rows) {
            if (r.covers(z, weightLb, day)) {
                if (!r.account().isEmpty() && r.account().equals(acct)) {
                    return Optional.of(new ContractDiscount(r.percent(), r.source()));
                }
                if (r.account().isEmpty()) {
                    general = r;
                }
            }
        }
        return general == null ? Optional.empty() : Optional.of(new ContractDiscount(general.percent(),
                general.source()));
    }

    static String source(String carrier) {
        return "discounts:" + carrier;
    }

    static ImportSummary importFile(ImportRun run, Path file, String edition) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            csv.next();
            List<String> cells;
            while ((cells = CarrierTableImporter.nextRow(run, csv)) != null) {
                Row r = row(run, csv.record(), cells);
                for (Row earlier : rows) {
                    if (earlier.carrier().equals(r.carrier()) && earlier.account().equals(r.account())
                            && earlier.service().equals(r.service()) && earlier.overlaps(r)) {
                        throw new MalformedReferenceFileException(run.file, r.at(), r.carrier() + " " + r.service()
                                + (r.account().isEmpty() ? "" : " account " + r.account()) + " overlaps row "
                                + earlier.at() + ": one discount per zone, weight and day");
                    }
                }
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, 2, "no discount rows");
        }
        Map<String, Long> perCarrier = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!perCarrier.containsKey(r.carrier())) {
                run.replace(source(r.carrier()));
            }
            perCarrier.merge(r.carrier(), 1L, Long::sum);
            run.add(document(r));
        }
        for (Map.Entry<String, Long> e : perCarrier.entrySet()) {
            run.edition(source(e.getKey()), "contract-discounts", edition, e.getValue());
        }
        return run.summary(ReferenceFormat.CONTRACT_DISCOUNTS_CSV, perCarrier.size() == 1
                ? source(perCarrier.keySet().iterator().next()) : "discounts (" + perCarrier.size() + " carriers)",
                edition);
    }

    private static Row row(ImportRun run, long at, List<String> c) throws MalformedReferenceFileException {
        String carrier = CarrierTableImporter.cell(c, 0).trim().toUpperCase(Locale.ROOT);
        if (carrier.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, at, "carrier is required");
        }
        String service = CarrierTableImporter.cell(c, 2).isBlank() ? "" : PublishedRates.code(CarrierTableImporter.cell(c, 2));
        if (service.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, at, "service is required (GROUND, HOME_DELIVERY, "
                    + "NEXT_DAY_AIR...)");
        }
        List<int[]> zones = new ArrayList<>();
        for (String part : CarrierTableImporter.cell(c, 3).trim().split("[\\s;]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] ends = part.split("-", -1);
            try {
                int lo = Integer.parseInt(Zones.plain(ends[0]));
                int hi = ends.length == 2 ? Integer.parseInt(Zones.plain(ends[1])) : lo;
                if (ends.length > 2 || hi < lo) {
                    throw new NumberFormatException();
                }
                zones.add(new int[] {lo, hi});
            } catch (NumberFormatException e) {
                throw new MalformedReferenceFileException(run.file, at, "zones: expected zone numbers or ranges "
                        + "such as '2-8' or '2;3;44', found '" + CarrierTableImporter.cell(c, 3) + "'");
            }
        }
        Integer wFrom = pounds(run, at, "weight_from_lb", CarrierTableImporter.cell(c, 4));
        Integer wTo = pounds(run, at, "weight_to_lb", CarrierTableImporter.cell(c, 5));
        if (wFrom != null && wTo != null && wTo < wFrom) {
            throw new MalformedReferenceFileException(run.file, at, "weight_to_lb " + wTo + " is below weight_from_lb "
                    + wFrom);
        }
        BigDecimal percent;
        try {
            percent = new BigDecimal(CarrierTableImporter.cell(c, 6).trim().replace("%", ""));
        } catch (NumberFormatException e) {
            throw new MalformedReferenceFileException(run.file, at, "discount_percent: expected a number such as "
                    + "36.5, found '" + CarrierTableImporter.cell(c, 6) + "'");
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new MalformedReferenceFileException(run.file, at, "discount_percent: expected 0 to below 100, found "
                    + percent.toPlainString());
        }
        LocalDate from = CarrierTableImporter.date(run, at, "effective_from", CarrierTableImporter.cell(c, 7));
        if (from == null) {
            throw new MalformedReferenceFileException(run.file, at, "effective_from is required");
        }
        LocalDate to = CarrierTableImporter.date(run, at, "effective_to", CarrierTableImporter.cell(c, 8));
        if (to != null && to.isBefore(from)) {
            throw new MalformedReferenceFileException(run.file, at, "effective_to " + to + " is before effective_from "
                    + from);
        }
        String source = CarrierTableImporter.cell(c, 9).trim();
        return new Row(carrier, CarrierTableImporter.cell(c, 1).trim(), service, List.copyOf(zones), wFrom, wTo, percent, from, to,
                source.isEmpty() ? run.file + " row " + at : source, at);
    }

    private static Document document(Row r) {
        Document d = Fields.base(KIND, source(r.carrier()));
        d.add(new StoredField("carrier", r.carrier()));
        d.add(new StoredField("account", r.account()));
        d.add(new StoredField("service", r.service()));
        StringBuilder zones = new StringBuilder();
        r.zones().forEach(z -> zones.append(zones.isEmpty() ? "" : ";").append(z[0]).append('-').append(z[1]));
        d.add(new StoredField("zones", zones.toString()));
        Fields.store(d, "wfrom", r.weightFrom() == null ? null : r.weightFrom().toString());
        Fields.store(d, "wto", r.weightTo() == null ? null : r.weightTo().toString());
        d.add(new StoredField("percent", r.percent().toPlainString()));
        d.add(new StoredField("from", r.from().toString()));
        Fields.store(d, "to", r.to() == null ? null : r.to().toString());
        d.add(new StoredField("source", r.source()));
        d.add(new StoredField("at", String.valueOf(r.at())));
        return d;
    }

    /** A row as the index holds it, for {@link ReferenceIndex}. */
    static Row fromStored(Payload d) {
        List<int[]> zones = new ArrayList<>();
        String z = d.get("zones");
        if (z != null && !z.isEmpty()) {
            for (String part : z.split(";")) {
                String[] ends = part.split("-");
                zones.add(new int[] {Integer.parseInt(ends[0]), Integer.parseInt(ends[1])});
            }
        }
        return new Row(d.get("carrier"), d.get("account"), d.get("service"), List.copyOf(zones),
                d.get("wfrom") == null ? null : Integer.valueOf(d.get("wfrom")),
                d.get("wto") == null ? null : Integer.valueOf(d.get("wto")), new BigDecimal(d.get("percent")),
                LocalDate.parse(d.get("from")), d.get("to") == null ? null : LocalDate.parse(d.get("to")),
                d.get("source"), Long.parseLong(d.get("at")));
    }

    private static Integer pounds(ImportRun run, long at, String column, String value)
            throws MalformedReferenceFileException {
        if (value.isBlank()) {
            return null;
        }
        try {
            int w = new BigDecimal(value.trim()).intValueExact();
            if (w >= 0) {
                return w;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new MalformedReferenceFileException(run.file, at, column + ": expected whole pounds such as 20, found '"
                + value + "'");
    }
}
