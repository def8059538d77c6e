package org.shipaudit.reference;

import org.shipaudit.model.DeliveryAreaTier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.shipaudit.sheets.WorkbookRows;

/**
 * Imports the carriers' own delivery-area workbooks (FedEx "DAS_Contiguous_Extended_Remote_Alaska_Hawaii", UPS "Area
 * Surcharge ZIPs"): one worksheet per tier, ZIP codes as numbers spread over the columns under a title and an
 * "Effective ..." line, notes below. The sheet names the tier; every numeric cell is a ZIP code; the list takes
 * effect on the latest "Effective" date the workbook prints (FedEx dates its Alaska and Hawaii sheets earlier than
 * the rest), else on the date in the file name. Read through {@link WorkbookRows}: POI stays in {@code sheets}.
 */
final class CarrierWorkbooks {

    /** FedEx's sheet names and the tier each lists. */
    static final Map<String, DeliveryAreaTier> FEDEX_TIERS = Map.of("DAS_ContUS", DeliveryAreaTier.DAS,
            "DAS_ContUSExt", DeliveryAreaTier.EXTENDED, "DAS_ContUSRem", DeliveryAreaTier.REMOTE,
            "DAS_Alaska", DeliveryAreaTier.ALASKA, "DAS_Hawaii", DeliveryAreaTier.HAWAII,
            "DAS_IntraHawaii", DeliveryAreaTier.INTRA_HAWAII);
    /** UPS's sheet names and the tier each lists. */
    static final Map<String, DeliveryAreaTier> UPS_TIERS = Map.of("US 48 Zip", DeliveryAreaTier.DAS,
            "US 48 Zip DAS Extended", DeliveryAreaTier.EXTENDED, "Remote US 48 Zip", DeliveryAreaTier.REMOTE,
            "Remote AK Zip", DeliveryAreaTier.ALASKA, "Remote HI Zip", DeliveryAreaTier.HAWAII);

    private static final Pattern EFFECTIVE = Pattern.compile("(?i)\\beffective\\s+(.+?)\\s*$");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("M/d/uuuu"),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US), DateTimeFormatter.ISO_LOCAL_DATE);
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.0+)?");

    private CarrierWorkbooks() {
    }

    static ImportSummary deliveryAreas(ImportRun run, Path file, String edition, String carrier,
                                       Map<String, DeliveryAreaTier> tiers, ReferenceFormat format)
            throws IOException {
        LocalDate[] latest = new LocalDate[1];
        WorkbookRows.read(file, (sheet, row, cells) -> {
            for (String c : cells) {
                LocalDate d = effectiveDate(c);
                if (d != null && (latest[0] == null || d.isAfter(latest[0]))) {
                    latest[0] = d;
                }
            }
        });
        LocalDate from = latest[0] != null ? latest[0] : PublishedCarrierTables.effectiveFrom(edition);
        if (from == null) {
            throw new MalformedReferenceFileException(run.file, 1, "the " + carrier + " workbook prints no "
                    + "\"Effective\" date and its name carries none: name the file with it, e.g. "
                    + carrier.toLowerCase(Locale.ROOT) + "_das_zips_2025-06-02.xlsx");
        }
        String source = CarrierTableImporter.deliveryAreaSource(carrier, from.toString());
        RowErrors errors = new RowErrors(run);
        Map<String, DeliveryAreaTier> seen = new HashMap<>();
        Map<DeliveryAreaTier, Long> counts = new EnumMap<>(DeliveryAreaTier.class);
        run.replace(source);
        WorkbookRows.read(file, (sheet, row, cells) -> {
            DeliveryAreaTier tier = tiers.get(sheet);
            for (int i = 0; i < cells.size(); i++) {
                String v = cells.get(i).trim();
                if (!NUMBER.matcher(v).matches()) {
                    continue; // titles, the "Effective" line, column headings and notes
                }
                run.read++;
                String where = "sheet '" + sheet + "' cell " + column(i) + row;
                String zip = CarrierTableImporter.zip(v.replaceFirst("\\.0+$", ""));
                if (tier == null) {
                    errors.add(row, where + ": the sheet is not a " + carrier + " delivery-area tier");
                } else if (!zip.matches("\\d{5}")) {
                    errors.add(row, where + ": expected a 5-digit ZIP code, found '" + v + "'");
                } else if (seen.putIfAbsent(zip, tier) != null) {
                    errors.add(row, where + ": zip " + zip + " is already listed at tier " + seen.get(zip));
                } else {
                    counts.merge(tier, 1L, Long::sum);
                    Document d = Fields.base(Fields.KIND_DELIVERY_AREA, source);
                    Fields.key(d, Fields.deliveryAreaKey(carrier, from.toString(), zip));
                    d.add(new StoredField("type", tier.name()));
                    run.add(d);
                }
            }
        });
        if (seen.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, 1, "no ZIP code in any sheet of the workbook");
        }
        run.edition(source, "delivery-area", edition + " (effective " + from + "; "
                + PublishedCarrierTables.tiersText(counts) + ")", seen.size());
        return run.summary(format, source, edition);
    }

    /** The date of an "Effective 6/2/2025" or "Effective June 1, 2025" line; null for any other text. */
    static LocalDate effectiveDate(String text) {
        Matcher m = EFFECTIVE.matcher(text);
        if (!m.find()) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(m.group(1), f);
            } catch (DateTimeParseException e) {
                // try the next way carriers print a date
            }
        }
        return null;
    }

    private static String column(int i) {
        StringBuilder s = new StringBuilder();
        for (int n = i + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }
}
