package org.shipaudit.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.shipaudit.csv.CsvReader;

/**
 * Imports ISO 3166-1 countries (country-codes CSV or Debian iso-codes JSON), ISO 3166-2 subdivisions (Debian JSON)
 * and ISO 4217 currencies (SIX-derived CSV or Debian JSON). Sources: "countries", "subdivisions", "currencies".
 *
 * <p>The currency CSV lists one row per country using a currency plus withdrawn currencies; only current codes
 * are kept, once each.
 */
final class IsoImporter {
    static final String COUNTRIES = "countries";
    static final String SUBDIVISIONS = "subdivisions";
    static final String CURRENCIES = "currencies";

    private IsoImporter() {
    }

    static ImportSummary countriesCsv(ImportRun run, Path file, String edition) throws IOException {
        run.replace(COUNTRIES);
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> h = csv.next();
            int a2 = required(run, h, "ISO3166-1-Alpha-2");
            int a3 = required(run, h, "ISO3166-1-Alpha-3");
            int num = required(run, h, "ISO3166-1-numeric");
            int cldr = h.indexOf("CLDR display name");
            int official = h.indexOf("official_name_en");
            int cur = h.indexOf("ISO4217-currency_alphabetic_code");
            List<String> row;
            while ((row = nextRow(csv, h, run)) != null) {
                String alpha2 = row.get(a2).trim();
                if (alpha2.length() != 2) {
                    run.skip("no ISO 3166-1 alpha-2 code");
                    continue;
                }
                String name = cldr >= 0 && !row.get(cldr).isBlank() ? row.get(cldr).trim()
                        : official >= 0 ? row.get(official).trim() : alpha2;
                String currency = cur >= 0 ? row.get(cur).trim() : "";
                // The file lists several currencies for a few countries ("USD,BBD"); the first is the main one.
                if (currency.contains(",")) {
                    currency = currency.substring(0, currency.indexOf(',')).trim();
                }
                country(run, alpha2, row.get(a3).trim(), row.get(num).trim(), name, currency);
            }
        }
        run.edition(COUNTRIES, "iso", edition, run.indexed);
        return run.summary(ReferenceFormat.COUNTRIES_CSV, COUNTRIES, edition);
    }

    static ImportSummary countriesJson(ImportRun run, Path file, String edition) throws IOException {
        run.replace(COUNTRIES);
        String display = file.getFileName().toString();
        JsonRecords.forEach(file, display, (o, index) -> {
            run.read++;
            String alpha2 = JsonRecords.text(o, "alpha_2");
            if (alpha2.length() != 2) {
                throw new MalformedReferenceFileException(display, index, "expected a 2-letter \"alpha_2\"");
            }
            String common = JsonRecords.text(o, "common_name");
            country(run, alpha2, JsonRecords.text(o, "alpha_3"), JsonRecords.text(o, "numeric"),
                    common.isEmpty() ? JsonRecords.text(o, "name") : common, "");
        });
        run.edition(COUNTRIES, "iso", edition, run.indexed);
        return run.summary(ReferenceFormat.ISO_3166_1_JSON, COUNTRIES, edition);
    }

    static ImportSummary subdivisionsJson(ImportRun run, Path file, String edition) throws IOException {
        run.replace(SUBDIVISIONS);
        String display = file.getFileName().toString();
        JsonRecords.forEach(file, display, (o, index) -> {
            run.read++;
            String code = JsonRecords.text(o, "code").toUpperCase(java.util.Locale.ROOT);
            int dash = code.indexOf('-');
            if (dash != 2 || code.length() < 4) {
                throw new MalformedReferenceFileException(display, index,
                        "expected a subdivision code like US-NY in \"code\", found '" + code + "'");
            }
            String name = JsonRecords.text(o, "name");
            Document d = Fields.base(Fields.KIND_SUBDIVISION, SUBDIVISIONS);
            Fields.key(d, Fields.subdivisionKey(code));
            Fields.key(d, Fields.subdivisionNameKey(code.substring(0, 2), Normalize.name(name)));
            d.add(new StoredField("code", code));
            Fields.store(d, "name", name);
            Fields.store(d, "type", JsonRecords.text(o, "type"));
            run.add(d);
        });
        run.edition(SUBDIVISIONS, "iso", edition, run.indexed);
        return run.summary(ReferenceFormat.ISO_3166_2_JSON, SUBDIVISIONS, edition);
    }

    static ImportSummary currenciesCsv(ImportRun run, Path file, String edition) throws IOException {
        run.replace(CURRENCIES);
        Set<String> seen = new HashSet<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> h = csv.next();
            int name = required(run, h, "Currency");
            int code = required(run, h, "AlphabeticCode");
            int num = required(run, h, "NumericCode");
            int minor = required(run, h, "MinorUnit");
            int withdrawn = h.indexOf("WithdrawalDate");
            List<String> row;
            while ((row = nextRow(csv, h, run)) != null) {
                String c = row.get(code).trim();
                if (withdrawn >= 0 && !row.get(withdrawn).isBlank()) {
                    run.skip("withdrawn currency");
                } else if (c.length() != 3) {
                    run.skip("no alphabetic code (e.g. Antarctica)");
                } else if (!seen.add(c)) {
                    run.skip("currency already listed for another entity");
                } else {
                    currency(run, c, row.get(num).trim(), row.get(name).trim(), row.get(minor).trim());
                }
            }
        }
        run.edition(CURRENCIES, "iso", edition, run.indexed);
        return run.summary(ReferenceFormat.CURRENCIES_CSV, CURRENCIES, edition);
    }

    static ImportSummary currenciesJson(ImportRun run, Path file, String edition) throws IOException {
        run.replace(CURRENCIES);
        String display = file.getFileName().toString();
        JsonRecords.forEach(file, display, (o, index) -> {
            run.read++;
            String c = JsonRecords.text(o, "alpha_3");
            if (c.length() != 3) {
                throw new MalformedReferenceFileException(display, index, "expected a 3-letter \"alpha_3\"");
            }
            currency(run, c, JsonRecords.text(o, "numeric"), JsonRecords.text(o, "name"), "");
        });
        run.edition(CURRENCIES, "iso", edition, run.indexed);
        return run.summary(ReferenceFormat.ISO_4217_JSON, CURRENCIES, edition);
    }

    private static void country(ImportRun run, String alpha2, String alpha3, String numeric, String name,
                                String currency) throws IOException {
        Document d = Fields.base(Fields.KIND_COUNTRY, COUNTRIES);
        String a2 = alpha2.toUpperCase(java.util.Locale.ROOT);
        Fields.key(d, Fields.countryKey(a2));
        d.add(new StoredField("alpha2", a2));
        Fields.store(d, "alpha3", alpha3);
        Fields.store(d, "numeric", numeric);
        Fields.store(d, "name", name);
        Fields.store(d, "currency", currency);
        run.add(d);
    }

    private static void currency(ImportRun run, String code, String numeric, String name, String minor)
            throws IOException {
        Document d = Fields.base(Fields.KIND_CURRENCY, CURRENCIES);
        Fields.key(d, Fields.currencyKey(code));
        d.add(new StoredField("code", code));
        Fields.store(d, "numeric", numeric);
        Fields.store(d, "name", name);
        if (minor.matches("\\d+")) {
            d.add(new StoredField("minor", Integer.parseInt(minor)));
        }
        run.add(d);
    }

    private static int required(ImportRun run, List<String> header, String name) throws IOException {
        int i = header == null ? -1 : header.indexOf(name);
        if (i < 0) {
            throw new MalformedReferenceFileException(run.file, 1, "expected a header column '" + name + "'");
        }
        return i;
    }

    /**
     * The next non-empty row, counted as read; a row whose width differs from the header's stops the import naming the
     * record, since the columns can no longer be trusted.
     */
    private static List<String> nextRow(CsvReader csv, List<String> header, ImportRun run) throws IOException {
        List<String> row = csv.next();
        while (row != null && row.isEmpty()) {
            row = csv.next();
        }
        if (row != null) {
            run.read++;
            if (row.size() != header.size()) {
                throw new MalformedReferenceFileException(run.file, csv.record(),
                        "expected " + header.size() + " columns as in the header, found " + row.size());
            }
        }
        return row;
    }
}
