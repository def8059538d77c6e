package org.shipaudit.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.shipaudit.reference.screening.AliasQuality;
import org.shipaudit.reference.screening.CountryNames;
import org.shipaudit.reference.screening.EntryType;
import org.shipaudit.reference.screening.ListedAddress;
import org.shipaudit.reference.screening.ListedEntry;
import org.shipaudit.reference.screening.ListedName;
import org.shipaudit.reference.screening.SanctionsList;
import org.shipaudit.csv.CsvReader;

/**
 * Imports the BIS Denied Persons List (tab-separated, quoted, with a header). The list has one row per person and
 * address; rows of one name and order (same name, effective date and citation) become one entry with all its
 * addresses. The list has no ids: the entry id is a short hash of the name and effective date, stable across
 * editions so a clearance keeps pointing at the same order. Effective and expiration dates bound the entry: an order
 * that has expired on the business date no longer applies.
 */
final class DplImporter {
    static final List<String> HEADER = List.of("Name", "Street_Address", "City", "State", "Country", "Postal_Code",
            "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");
    private static final Pattern ALIAS_SPLIT = Pattern.compile("(?i),?\\s+(?:a\\.k\\.a\\.|a/k/a|aka)\\s+");
    /** Words that make a denied party a company rather than a person (the list does not say which). */
    private static final Set<String> COMPANY_WORDS = Set.of("ltd", "llc", "inc", "co", "corp", "corporation", "company",
            "gmbh", "limited", "sa", "srl", "bv", "trading", "industries", "industrial", "international", "group",
            "enterprises", "technologies", "technology", "electronics", "services", "import", "export", "airlines",
            "aviation", "llp", "pte", "fze", "ooo", "jsc", "sas", "systems", "holdings", "engineering", "supply");

    private DplImporter() {
    }

    static ImportSummary run(ImportRun run, Path file, String edition) throws IOException {
        SanctionsList list = SanctionsList.BIS_DPL;
        run.replace(list.source());
        Map<String, List<List<String>>> byOrder = new LinkedHashMap<>();
        try (CsvReader tsv = new CsvReader(ReferenceFiles.reader(file), '\t')) {
            List<String> header = tsv.next();
            if (header == null || header.isEmpty()) {
                throw new MalformedReferenceFileException(run.file, 1, "the DPL header " + HEADER);
            }
            header = new ArrayList<>(header);
            header.set(0, header.get(0).replace("\uFEFF", ""));
            if (!header.subList(0, Math.min(header.size(), HEADER.size())).equals(HEADER)) {
                throw new MalformedReferenceFileException(run.file, 1, "the DPL header " + HEADER + ", found " + header);
            }
            List<String> row;
            while ((row = tsv.next()) != null) {
                if (row.isEmpty() || row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                run.read++;
                if (row.size() < HEADER.size()) {
                    throw new MalformedReferenceFileException(run.file, tsv.record(),
                            "expected " + HEADER.size() + " tab-separated columns, found " + row.size());
                }
                String name = row.get(0).strip();
                if (name.isEmpty()) {
                    run.skip("row without a name");
                    continue;
                }
                date(row.get(6), run, tsv.record(), "Effective_Date");
                date(row.get(7), run, tsv.record(), "Expiration_Date");
                // Keyed as the entry id is (name and effective date), not by citation too: rows of one order carry
                // citations that differ by a typo ("81 F.R.45276"), and keyed by them one order became several
                // entries sharing one id, whose content depended on row order.
                String key = name.toUpperCase(Locale.ROOT) + "|" + row.get(6).strip();
                byOrder.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        long entries = 0;
        for (List<List<String>> rows : byOrder.values()) {
            // Rows of one order in the order of their text, not of the file: BIS publishes no fixed row order, and
            // the first row's action, dates and the order of addresses must not change when a re-export shuffles
            // them (DplReimportTest).
            rows.sort(java.util.Comparator.comparing((List<String> r) -> String.join("\t", r)));
            List<String> first = rows.get(0);
            String name = first.get(0).strip();
            List<ListedName> names = new ArrayList<>();
            String[] parts = ALIAS_SPLIT.split(name);
            names.add(new ListedName(parts[0].strip(), AliasQuality.PRIMARY));
            for (int i = 1; i < parts.length; i++) {
                names.add(new ListedName(parts[i].strip(), AliasQuality.AKA));
            }
            List<ListedAddress> addresses = new ArrayList<>();
            List<String> countries = new ArrayList<>();
            for (List<String> r : rows) {
                String c = r.get(4).strip().toUpperCase(Locale.ROOT);
                String code = c.length() == 2 ? c : CountryNames.code(c);
                ListedAddress a = new ListedAddress(r.get(1), r.get(2), r.get(3), r.get(5), code, code);
                if (!a.isEmpty()) {
                    addresses.add(a);
                }
                countries.add(code);
            }
            EntryType type = company(parts[0]) ? EntryType.ENTITY : EntryType.INDIVIDUAL;
            List<String> ids = new ArrayList<>();
            java.util.TreeSet<String> citations = new java.util.TreeSet<>(); // sorted: independent of row order
            for (List<String> r : rows) {
                if (!r.get(11).strip().isEmpty()) {
                    citations.add(r.get(11).strip());
                }
            }
            citations.forEach(c -> ids.add("Federal Register " + c));
            String action = first.get(10).strip();
            ScreeningDocs.add(run, new ListedEntry(list, id(name, first.get(6).strip()), type, names,
                    List.of("EAR denial order" + ("Y".equalsIgnoreCase(first.get(8).strip()) ? " (standard)" : "")),
                    addresses, countries, ids, action, null, date(first.get(6), run, 0, "Effective_Date"),
                    date(first.get(7), run, 0, "Expiration_Date")));
            entries++;
        }
        run.screeningEdition(list.source(), edition, entries);
        return run.summary(ReferenceFormat.BIS_DPL_TSV, list.source(), edition);
    }

    static boolean company(String name) {
        for (String t : name.toLowerCase(Locale.ROOT).replace(".", "").split("[^a-z0-9]+")) {
            if (COMPANY_WORDS.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** "DPL-" and the first 10 hex digits of SHA-256 over the upper-case name and the effective date. */
    static String id(String name, String effective) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((name.toUpperCase(Locale.ROOT) + "|" + effective)
                    .getBytes(StandardCharsets.UTF_8));
            return "DPL-" + HexFormat.of().formatHex(h, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static LocalDate date(String cell, ImportRun run, long row, String column)
            throws MalformedReferenceFileException {
        String s = cell == null ? "" : cell.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s, US_DATE);
        } catch (DateTimeParseException e) {
            throw new MalformedReferenceFileException(run.file, row, column + " as MM/DD/YYYY, found '" + s + "'");
        }
    }
}
