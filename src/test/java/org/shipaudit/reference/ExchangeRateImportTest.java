package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.Conversion;
import org.shipaudit.model.lookup.ExchangeRates;

/**
 * The ECB euro reference rates, imported from the ECB's own files: the real {@code eurofxref-hist.xml} (1999-01-04 to
 * 2023-02-21) and daily file carried by {@code org.javamoney.moneta:moneta-convert-ecb} (a test dependency read for
 * these resources only), and the CSV layout of {@code eurofxref-hist.zip} written from those real figures.
 */
class ExchangeRateImportTest {

    private static final String RESOURCES = "/org/javamoney/moneta/convert/ecb/defaults/";
    private static final Pattern DAY = Pattern.compile("<Cube time=\"([0-9-]+)\">(.*?)</Cube>");
    private static final Pattern RATE = Pattern.compile("currency=\"([A-Z]{3})\" rate=\"([0-9.]+)\"");

    @TempDir
    static Path shared;
    static Path history;
    static ReferenceIndex index;

    @BeforeAll
    static void importHistory() throws IOException {
        history = copy("eurofxref-hist.xml", shared.resolve("files"));
        List<ImportSummary> s = importInto(shared.resolve("index"), history);
        assertTrue(s.get(0).ok(), s.get(0).describe());
        index = ReferenceIndex.open(shared.resolve("index"));
    }

    @Test
    void importsEveryDayAndCurrencyOfTheRealHistoryAndSaysSoInTheEdition() {
        Coverage.Source fx = index.coverage().source("fx:ECB").orElseThrow();
        assertEquals(6_184, fx.rows());
        assertTrue(fx.edition().startsWith("ECB euro foreign exchange reference rates, 1999-01-04 to 2023-02-21 "
                + "(6,184 days, 41 currencies"), fx.edition());
    }

    @Test
    void convertsAtTheRateOfTheShipDate() {
        Conversion c = convert("2400", "EUR", "USD", LocalDate.of(2023, 2, 21), 7);
        assertEquals(new BigDecimal("2559.36"), c.converted()); // 2,400 x 1.0664: over the USD 2,500 EEI threshold
        assertEquals(LocalDate.of(2023, 2, 21), c.rateDate());
        assertEquals("EUR 2400.00 = USD 2559.36 at 1.0664 USD per EUR (ECB euro foreign exchange reference rates, "
                + "2023-02-21)", c.describe());
        assertEquals(new BigDecimal("2295.60"), convert("2400", "EUR", "USD", LocalDate.of(2022, 9, 28), 7)
                .converted()); // 0.9565 that day: under it
    }

    @Test
    void onAWeekendTakesTheLastRatePublishedBeforeIt() {
        Conversion sunday = convert("2400", "EUR", "USD", LocalDate.of(2023, 2, 19), 7);
        assertEquals(LocalDate.of(2023, 2, 17), sunday.rateDate());
        assertEquals(new BigDecimal("2550.00"), sunday.converted()); // Friday's 1.0625
    }

    @Test
    void crossesTwoOtherCurrenciesThroughTheEuro() {
        // USD 150 to London: 150 / 1.0664 x 0.87925 GBP
        Conversion c = convert("150", "USD", "GBP", LocalDate.of(2023, 2, 21), 7);
        assertEquals(new BigDecimal("123.68"), c.converted());
        assertEquals(new BigDecimal("93.77"), convert("100", "USD", "EUR", LocalDate.of(2023, 2, 21), 7).converted());
    }

    @Test
    void aRateOlderThanTheWindowOrLaterThanTheShipDateIsNotUsed() {
        LocalDate afterTheLastDay = LocalDate.of(2023, 3, 10); // 17 days after the file's last rate
        assertTrue(index.exchangeRates(afterTheLastDay, 7).convert(BigDecimal.TEN, "EUR", "USD").isEmpty());
        assertEquals(LocalDate.of(2023, 2, 21), convert("10", "EUR", "USD", afterTheLastDay, 17).rateDate());
        assertTrue(index.exchangeRates(LocalDate.of(1998, 12, 31), 7).isEmpty());
        // Per currency: the Cyprus pound was last quoted on 2007-12-31, the dollar goes on.
        assertNotNull(convert("10", "CYP", "USD", LocalDate.of(2007, 12, 31), 7));
        assertTrue(index.exchangeRates(LocalDate.of(2008, 1, 10), 7).convert(BigDecimal.TEN, "CYP", "USD").isEmpty());
        assertFalse(index.exchangeRates(LocalDate.of(2008, 1, 10), 7).convert(BigDecimal.TEN, "EUR", "USD").isEmpty());
    }

    @Test
    void reimportingAndTheDailyFileAddDaysWithoutLosingAny(@TempDir Path dir) throws IOException {
        Path index = dir.resolve("index");
        // The last 90 days first, then the daily file (2023-02-21, already among them), then the whole history.
        importInto(index, copy("eurofxref-hist-90d.xml", dir));
        List<ImportSummary> daily = importInto(index, copy("eurofxref-daily.xml", dir));
        assertTrue(daily.get(0).ok(), daily.get(0).describe());
        assertEquals(63, rows(index));
        importInto(index, history);
        importInto(index, history);
        assertEquals(6_184, rows(index));
    }

    @Test
    void readsTheEcbCsvLayoutZippedOrNot(@TempDir Path dir) throws IOException {
        // The history CSV as the ECB lays it out (Date first, N/A where not quoted, a trailing comma), with the real
        // figures of three days from the XML history.
        Map<String, Map<String, String>> days = realDays("2023-02-21", "2023-02-20", "2007-12-31");
        List<String> codes = List.of("USD", "JPY", "CYP", "GBP");
        StringBuilder csv = new StringBuilder("Date," + String.join(",", codes) + ",\n");
        days.forEach((day, rates) -> {
            csv.append(day);
            codes.forEach(c -> csv.append(',').append(rates.getOrDefault(c, "N/A")));
            csv.append(",\n");
        });
        Path zip = dir.resolve("eurofxref-hist.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("eurofxref-hist.csv"));
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path index = dir.resolve("index");
        List<ImportSummary> s = importInto(index, zip);
        assertEquals("ECB euro reference rates CSV", s.get(0).format(), s.get(0).describe());
        assertEquals(3, s.get(0).rowsIndexed());
        assertEquals(0, s.get(0).rowsSkipped(), s.get(0).describe());
        try (ReferenceIndex r = ReferenceIndex.open(index)) {
            assertEquals(new BigDecimal("2559.36"), r.exchangeRates(LocalDate.of(2023, 2, 21), 7)
                    .convert(new BigDecimal("2400"), "EUR", "USD").orElseThrow().converted());
            assertEquals(0, new BigDecimal(days.get("2007-12-31").get("CYP")).compareTo(r.exchangeRates(
                    LocalDate.of(2007, 12, 31), 7).convert(BigDecimal.ONE, "EUR", "CYP").orElseThrow().rate()));
        }
        // The daily CSV: spaces after commas and the date written out.
        Path daily = dir.resolve("eurofxref.csv");
        Files.writeString(daily, "Date, USD, JPY, \n21 February 2023, 1.0664, 143.76, \n");
        assertEquals(1, importInto(dir.resolve("daily"), daily).get(0).rowsIndexed());
    }

    @Test
    void namesEachUnreadableRateWithItsLineAndReasonAndKeepsTheRest(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("rates.xml");
        Files.writeString(bad, """
                <?xml version="1.0" encoding="UTF-8"?>
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                <Cube>
                <Cube time='2023-02-21'>
                <Cube currency='USD' rate='1.0664'/>
                <Cube currency='JPY' rate='abc'/>
                <Cube currency='us' rate='1.2'/>
                <Cube currency='GBP' rate='-0.8'/>
                </Cube>
                <Cube time='2023-02-30'>
                <Cube currency='USD' rate='1.07'/>
                </Cube>
                </Cube>
                </gesmes:Envelope>
                """);
        ImportSummary s = importInto(dir.resolve("index"), bad).get(0);
        assertTrue(s.ok(), s.describe());
        assertEquals(1, s.rowsIndexed());
        assertEquals(Map.of(
                "line 6, day 2023-02-21: JPY: rate 'abc' is not a number", 1L,
                "line 7, day 2023-02-21: currency 'us' is not an ISO 4217 code of three capital letters", 1L,
                "line 8, day 2023-02-21: GBP: rate -0.8 is not positive", 1L,
                "line 10: Cube time '2023-02-30' is not a date as YYYY-MM-DD; its rates are skipped", 1L), s.skipped());
        Files.writeString(bad, "<?xml version=\"1.0\"?>\n<gesmes:Envelope xmlns:gesmes=\"x\" "
                + "xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">\n<Cube>\n<Cube time='2023-02-21'>\n");
        ImportSummary cut = importInto(dir.resolve("index"), bad).get(0);
        assertFalse(cut.ok());
        assertTrue(cut.error().startsWith("rates.xml, row "), cut.error());
        try (ReferenceIndex r = ReferenceIndex.open(dir.resolve("index"))) {
            // The file cut short was rolled back: the day of the first import is still there.
            assertEquals(1, r.coverage().source("fx:ECB").orElseThrow().rows());
        }
    }

    @Test
    void theBundledSampleHoldsTheEcbsOwnFigures(@TempDir Path dir) throws IOException {
        Path sample = Path.of("reference-data/facts/ecb_eurofxref_sample.xml");
        List<ImportSummary> s = importInto(dir, sample);
        assertTrue(s.get(0).ok(), s.get(0).describe());
        Map<String, Map<String, String>> sampleDays = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<Cube time='([0-9-]+)'>(.*?)</Cube>", Pattern.DOTALL)
                .matcher(Files.readString(sample));
        while (m.find()) {
            Map<String, String> rates = new LinkedHashMap<>();
            Matcher r = Pattern.compile("currency='([A-Z]{3})' rate='([0-9.]+)'").matcher(m.group(2));
            while (r.find()) {
                rates.put(r.group(1), r.group(2));
            }
            sampleDays.put(m.group(1), rates);
        }
        assertEquals(6, sampleDays.size());
        Map<String, Map<String, String>> real = realDays(sampleDays.keySet().toArray(String[]::new));
        sampleDays.forEach((day, rates) -> rates.forEach((c, r) -> assertEquals(real.get(day).get(c), r, day + " " + c)));
    }

    private static Conversion convert(String amount, String from, String to, LocalDate day, int maxAge) {
        ExchangeRates rates = index.exchangeRates(day, maxAge);
        return rates.convert(new BigDecimal(amount), from, to).orElse(null);
    }

    private static long rows(Path indexDir) throws IOException {
        try (ReferenceIndex r = ReferenceIndex.open(indexDir)) {
            return r.coverage().source("fx:ECB").orElseThrow().rows();
        }
    }

    private static List<ImportSummary> importInto(Path indexDir, Path file) throws IOException {
        try (ReferenceImporter importer = ReferenceImporter.open(indexDir)) {
            return importer.importPaths(List.of(file));
        }
    }

    private static Path copy(String resource, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve(resource);
        try (InputStream in = ExchangeRateImportTest.class.getResourceAsStream(RESOURCES + resource);
             OutputStream o = Files.newOutputStream(out)) {
            assertNotNull(in, "moneta-convert-ecb's " + resource + " is on the test class path");
            in.transferTo(o);
        }
        return out;
    }

    /** The rates of these days as the real history file has them. */
    private static Map<String, Map<String, String>> realDays(String... wanted) throws IOException {
        String xml = Files.readString(history);
        List<String> days = List.of(wanted);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Matcher d = DAY.matcher(xml);
        while (d.find()) {
            if (days.contains(d.group(1))) {
                Map<String, String> rates = new LinkedHashMap<>();
                Matcher r = RATE.matcher(d.group(2));
                while (r.find()) {
                    rates.put(r.group(1), r.group(2));
                }
                out.put(d.group(1), rates);
            }
        }
        assertEquals(new ArrayList<>(days).size(), out.size(), "days found in the history");
        return out;
    }
}
