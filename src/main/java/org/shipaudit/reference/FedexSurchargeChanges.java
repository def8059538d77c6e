package org.shipaudit.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.shipaudit.model.AccessorialCharge;
import org.shipaudit.model.DeliveryAreaTier;

/**
 * Imports the delivery area surcharge amounts of FedEx's yearly "changes to FedEx surcharges &amp; fees" PDF
 * ({@code fedex_surcharge_fee_changes_2025_to_2026.pdf}, reference-data/SOURCES.md). FedEx publishes the Alaska and
 * Hawaii amounts ($46 and $16.25 per package in 2026, page 4) in this document and the Service Guide only; the
 * derived accessorial JSON has no key for them, so without this file a FedEx Alaska or Hawaii delivery area charge
 * is predicted and checked without an amount.
 *
 * <p>The document is a table: surcharge name, applicable services, last year's amount, this year's. The importer
 * reads the "Delivery Area Surcharge" rows (one per tier and address kind; a row's label may continue on the next
 * lines, "(Extended Commercial)") up to the first line with an amount that is not per package (the per-shipment
 * maximum) and takes the amount in the column of the later year, in force from the date the
 * first page gives ("will take effect Jan. 5, 2026"). "U.S. Package Services" are FedEx Express and FedEx Ground
 * alike (page 1), so the amounts apply to either network. A row marked with its own effective date (an asterisk) or
 * that names no tier this importer knows is left out and listed in the summary.
 */
final class FedexSurchargeChanges {

    /** The PDF's first bytes. */
    static final String MAGIC = "%PDF-";
    /** A carrier document is a few MB; past this it is not one of these tables and is not parsed. */
    private static final long MAX_BYTES = 64L << 20;
    /** PDFBox's buffers for one document, in memory only: nothing of an upload spills to a temp file. */
    private static final long MAX_MEMORY = 256L << 20;
    private static final Pattern TITLE = Pattern.compile("changes\\s+to\\s+FedEx\\s+surcharges", Pattern.CASE_INSENSITIVE);
    private static final Pattern EFFECTIVE = Pattern.compile(
            "take\\s+effect\\s+([A-Z][a-z]{2,8})\\.?\\s+(\\d{1,2}),\\s+(\\d{4})");
    private static final Pattern YEARS = Pattern.compile("\\b(20\\d\\d)\\s+(20\\d\\d)\\s*$");
    private static final Pattern PER_PACKAGE = Pattern.compile("\\$(\\d{1,4}(?:\\.\\d{2})?) per package");
    private static final String BLOCK = "Delivery Area Surcharge";

    private FedexSurchargeChanges() {
    }

    /** True when the PDF's first page is the title page of FedEx's yearly surcharge changes. */
    static boolean recognises(Path file) {
        try {
            String first = text(file, 1, 1);
            return TITLE.matcher(first).find() && EFFECTIVE.matcher(first).find();
        } catch (IOException | RuntimeException e) {
            return false; // not a PDF PDFBox reads: the detector calls the file unknown
        }
    }

    static ImportSummary run(ImportRun run, Path file, String edition) throws IOException {
        String all;
        try {
            all = text(file, 1, Integer.MAX_VALUE);
        } catch (IOException | RuntimeException e) {
            throw new MalformedReferenceFileException(run.file, 0, "not readable as a PDF: " + e.getMessage());
        }
        LocalDate from = effectiveDate(run, all);
        String label = "FEDEX delivery area surcharges effective " + from + " (FedEx " + from.getYear()
                + " changes to surcharges and fees, PDF; " + edition + ")";
        List<AccessorialAmount> amounts = deliveryAreaRows(run, all.split("\\R"), from, label);
        if (amounts.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, 0, "no \"" + BLOCK + "\" row with an amount per package"
                    + " in the document");
        }
        // Its own source beside the accessorial JSON's of the same date: importing one must not replace the other.
        String source = AccessorialTableImporter.source("FEDEX", from) + ":surcharge-changes";
        run.replace(source);
        for (AccessorialAmount a : amounts) {
            run.read++;
            run.add(AccessorialTableImporter.document(source, a));
        }
        run.edition(source, "accessorials", label + ": DELIVERY_AREA " + amounts.size(), amounts.size());
        return run.summary(ReferenceFormat.FEDEX_SURCHARGE_CHANGES_PDF, source, edition);
    }

    /** The first page's "will take effect Jan. 5, 2026". */
    private static LocalDate effectiveDate(ImportRun run, String text) throws MalformedReferenceFileException {
        Matcher m = EFFECTIVE.matcher(text);
        if (!m.find()) {
            throw new MalformedReferenceFileException(run.file, 0, "no \"will take effect <month> <day>, <year>\" "
                    + "on the first page: the date the amounts apply from");
        }
        Month month = null;
        for (Month candidate : Month.values()) {
            if (candidate.name().startsWith(m.group(1).toUpperCase(Locale.ROOT))) {
                month = candidate;
            }
        }
        if (month == null) {
            throw new MalformedReferenceFileException(run.file, 0, "\"" + m.group() + "\": not a month");
        }
        return LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
    }

    /**
     * The rows of the delivery-area block: from the line that starts it to the first line that is neither a row with
     * amounts per package nor a label's continuation. The later year's column is found from the table header.
     */
    private static List<AccessorialAmount> deliveryAreaRows(ImportRun run, String[] lines, LocalDate from,
                                                            String edition) throws MalformedReferenceFileException {
        int column = -1;
        List<String[]> rows = new ArrayList<>();  // label, amount text
        boolean in = false;
        for (String raw : lines) {
            String line = raw.strip().replaceAll("\\s+", " ");
            Matcher years = YEARS.matcher(line);
            if (years.find() && line.startsWith("Surcharge name")) {
                column = Integer.parseInt(years.group(2)) > Integer.parseInt(years.group(1)) ? 1 : 0;
                continue;
            }
            if (line.startsWith(BLOCK)) {
                in = true;
                line = line.substring(BLOCK.length()).strip();
            } else if (!in) {
                continue;
            }
            List<String> found = new ArrayList<>();
            Matcher m = PER_PACKAGE.matcher(line);
            while (m.find()) {
                found.add(m.group(1));
            }
            if (found.size() == 2) {
                if (column < 0) {
                    throw new MalformedReferenceFileException(run.file, 0, "the \"" + BLOCK + "\" rows come before a "
                            + "\"Surcharge name ... <year> <year>\" header: which column is the new amount is unknown");
                }
                rows.add(new String[] {PER_PACKAGE.matcher(line).replaceAll("").strip(), found.get(column)});
            } else if (!line.contains("$") && !line.isEmpty() && !rows.isEmpty()) {
                // "(Extended Commercial)", "Remote Residential)": the label of the row above, wrapped in its cell.
                String[] last = rows.get(rows.size() - 1);
                last[0] = last[0] + " " + line;
            } else {
                break;
            }
        }
        List<AccessorialAmount> out = new ArrayList<>();
        for (String[] row : rows) {
            AccessorialAmount a = amount(row[0], new BigDecimal(row[1]).setScale(2), from, edition);
            if (a == null) {
                run.skip(BLOCK + " \"" + row[0] + "\": not a tier and address kind this importer knows (left out)");
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** One row's label read as tier and address kind; null when it names neither, or carries its own date. */
    private static AccessorialAmount amount(String label, BigDecimal amount, LocalDate from, String edition) {
        if (label.contains("*")) {
            return null;
        }
        DeliveryAreaTier tier = label.contains("Alaska") ? DeliveryAreaTier.ALASKA
                : label.contains("Hawaii") ? DeliveryAreaTier.HAWAII
                : label.contains("Remote") ? DeliveryAreaTier.REMOTE
                : label.contains("Extended") ? DeliveryAreaTier.EXTENDED
                : label.startsWith("U.S. Package Services") ? DeliveryAreaTier.DAS : null;
        boolean residential = label.contains("Residential");
        boolean commercial = label.contains("Commercial");
        if (tier == null || !residential && !commercial) {
            return null;
        }
        Boolean kind = residential && commercial ? null : residential;
        return new AccessorialAmount("FEDEX", from, AccessorialCharge.DELIVERY_AREA, kind, null, tier, 0, 0, amount,
                "USD", BLOCK + ": " + label, edition);
    }

    /** The text of pages {@code first} to {@code last}, in reading order by position on the page. */
    private static String text(Path file, int first, int last) throws IOException {
        if (java.nio.file.Files.size(file) > MAX_BYTES) {
            throw new IOException("larger than " + (MAX_BYTES >> 20) + " MB");
        }
        try (PDDocument doc = Loader.loadPDF(file.toFile(), MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY).streamCache)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(first);
            stripper.setEndPage(Math.min(last, doc.getNumberOfPages()));
            return stripper.getText(doc);
        }
    }
}
