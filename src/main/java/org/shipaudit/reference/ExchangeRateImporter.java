package org.shipaudit.reference;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.shipaudit.csv.CsvReader;

/**
 * Imports the ECB's euro foreign exchange reference rates (https://www.ecb.europa.eu/stats/eurofxref/) in the ECB's
 * own formats: {@code eurofxref-hist.xml} / {@code eurofxref-daily.xml} (gesmes envelope, one {@code Cube time=...}
 * per day holding {@code Cube currency=... rate=...}), and the CSV of {@code eurofxref-hist.zip} /
 * {@code eurofxref.zip} ({@code Date,USD,JPY,...}, "N/A" where a currency was not quoted; read inside the zip too).
 *
 * <p>The rates are an append-only series, so a file adds its days to those already loaded and replaces only the days
 * it holds (the daily file adds today to the history; re-importing a file changes nothing). A rate that cannot be
 * read is skipped and named with its line (XML) or row (CSV) and reason; a file without one readable day is refused
 * and the loaded days stay. The edition names the whole loaded span, days and currencies.
 */
final class ExchangeRateImporter {

    /** The index source of the ECB rates; findings name the publisher as {@link #PUBLISHER}. */
    static final String SOURCE = "fx:ECB";
    static final String PUBLISHER = "ECB euro foreign exchange reference rates";

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    /** The daily CSV writes its date as "21 February 2023"; the history CSV as 2023-02-21. */
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private ExchangeRateImporter() {
    }

    static ImportSummary xml(ImportRun run, Path file, String edition) throws IOException {
        Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        RowErrors errors = new RowErrors(run);
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A rate file has no business declaring entities: refuse DTDs so no external entity is ever fetched.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = ReferenceFiles.open(file)) {
            XMLStreamReader x = factory.createXMLStreamReader(in, "UTF-8");
            LocalDate day = null;
            boolean dayUsable = false;
            int depth = 0;
            int dayDepth = -1;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth-- == dayDepth) {
                        day = null;
                        dayUsable = false;
                        dayDepth = -1;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                if (!"Cube".equals(x.getLocalName())) {
                    continue;
                }
                String where = "line " + x.getLocation().getLineNumber();
                String time = x.getAttributeValue(null, "time");
                String currency = x.getAttributeValue(null, "currency");
                if (time != null) {
                    run.read++;
                    day = null;
                    dayUsable = false;
                    dayDepth = depth;
                    try {
                        day = LocalDate.parse(time.trim());
                    } catch (DateTimeParseException e) {
                        errors.add(where, "Cube time '" + time + "' is not a date as YYYY-MM-DD; its rates are skipped");
                        continue;
                    }
                    if (days.containsKey(day)) {
                        errors.add(where, "day " + day + " is listed twice; the second is skipped");
                        continue;
                    }
                    days.put(day, new TreeMap<>());
                    dayUsable = true;
                } else if (currency != null) {
                    if (day == null) {
                        if (dayDepth < 0) {
                            errors.add(where, "a rate for " + currency + " outside a dated Cube is skipped");
                        }
                        continue; // the day itself was reported
                    }
                    if (dayUsable) {
                        rate(days.get(day), currency, x.getAttributeValue(null, "rate"), where + ", day " + day, errors);
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new MalformedReferenceFileException(run.file, line, "not well-formed XML: "
                    + e.getMessage().replaceAll("\\s+", " "));
        }
        return finish(run, days, ReferenceFormat.ECB_XML, edition);
    }

    static ImportSummary csv(ImportRun run, Path file, String edition) throws IOException {
        Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        RowErrors errors = new RowErrors(run);
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> header = csv.next();
            List<String> codes = new ArrayList<>();
            for (int i = 1; i < header.size(); i++) {
                codes.add(header.get(i).trim());
            }
            CsvRows.each(run, csv, (row, at) -> {
                String raw = row.get(0).trim();
                LocalDate day;
                try {
                    day = raw.matches("\\d{4}-\\d\\d-\\d\\d") ? LocalDate.parse(raw) : LocalDate.parse(raw, LONG_DATE);
                } catch (DateTimeParseException e) {
                    errors.add(at, "Date '" + raw + "' is not a date (2023-02-21 or 21 February 2023)");
                    return;
                }
                if (days.containsKey(day)) {
                    errors.add(at, "day " + day + " is listed twice; the second is skipped");
                    return;
                }
                Map<String, BigDecimal> rates = new TreeMap<>();
                days.put(day, rates);
                for (int i = 0; i < codes.size() && i + 1 < row.size(); i++) {
                    String value = row.get(i + 1).trim();
                    if (codes.get(i).isEmpty() && value.isEmpty() || value.isEmpty() || value.equals("N/A")) {
                        continue; // the ECB's mark for a currency not quoted that day (and the trailing comma)
                    }
                    rate(rates, codes.get(i), value, "row " + at + ", day " + day, errors);
                }
            });
        }
        return finish(run, days, ReferenceFormat.ECB_CSV, edition);
    }

    private static void rate(Map<String, BigDecimal> rates, String currency, String value, String where,
                             RowErrors errors) {
        String code = currency.trim();
        if (!CODE.matcher(code).matches()) {
            errors.add(where, "currency '" + currency + "' is not an ISO 4217 code of three capital letters");
            return;
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            errors.add(where, code + ": rate '" + value + "' is not a number");
            return;
        }
        if (rate.signum() <= 0) {
            errors.add(where, code + ": rate " + value + " is not positive");
            return;
        }
        if (rates.putIfAbsent(code, rate) != null) {
            errors.add(where, code + " is quoted twice; the second is skipped");
        }
    }

    private static ImportSummary finish(ImportRun run, Map<LocalDate, Map<String, BigDecimal>> days,
                                        ReferenceFormat format, String edition) throws IOException {
        days.values().removeIf(Map::isEmpty);
        if (days.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, run.read + 1, "no readable day of rates in the file");
        }
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> e : days.entrySet()) {
            String key = Fields.exchangeRateDayKey(SOURCE, e.getKey());
            // Delete before add: Lucene applies a delete-by-term only to documents added before it.
            run.writer.deleteDocuments(new Term(Fields.KEY, key));
            Document d = Fields.base(Fields.KIND_FX_DAY, SOURCE);
            Fields.key(d, key);
            d.add(new StoredField("date", e.getKey().toString()));
            d.add(new StoredField("rates", ExchangeRateTable.encode(e.getValue())));
            run.add(d);
        }
        // The edition describes every day now loaded (this file's and earlier imports'), read back before the commit.
        run.writer.deleteDocuments(new Term(Fields.KEY, Fields.editionKey(SOURCE)));
        ExchangeRateTable loaded;
        try (DirectoryReader reader = DirectoryReader.open(run.writer)) {
            loaded = ExchangeRateTable.read(reader, PUBLISHER);
        }
        List<String> currencies = loaded.currencies();
        run.edition(SOURCE, "exchange-rates", PUBLISHER + ", " + loaded.firstDay() + " to " + loaded.lastDay() + " ("
                + String.format(Locale.ROOT, "%,d", loaded.dayCount()) + " days, " + currencies.size()
                + " currencies; last file " + edition + ")", loaded.dayCount());
        return run.summary(format, SOURCE, edition);
    }
}
