package org.shipaudit.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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
 * Imports OFAC's SDN list in its legacy CSV layout: {@code sdn.csv} (one row per entry), with the companions
 * {@code add.csv} (addresses) and {@code alt.csv} (a.k.a., f.k.a. and n.k.a. names) joined on the entity number.
 * The files have no header; OFAC writes {@code -0-} for an empty cell.
 *
 * <p>From the remarks come the weak aliases (OFAC moved "weak a.k.a." names there, in single quotes), nationality and
 * citizenship (as countries) and identifiers (passports, national and tax ids, IMO and registration numbers).
 */
final class OfacSdnImporter {
    private static final Pattern WEAK_ALIAS = Pattern.compile("(?i)\\b(a\\.k\\.a\\.|f\\.k\\.a\\.|n\\.k\\.a\\.)\\s*'([^']+)'");
    private static final Pattern NATIONALITY = Pattern.compile("(?i)^(?:alt\\. )?(nationality|citizen)\\s+(.+)$");
    private static final Pattern IDENTIFIER = Pattern.compile("(?i)^(?:alt\\. )?(passport|national id no|tax id no|"
            + "registration id|registration number|identification number|cedula no|d\\.n\\.i\\.|nit #|r\\.f\\.c\\.|"
            + "c\\.u\\.r\\.p\\.|imo|mmsi|swift/bic|business registration|company number|ssn|"
            + "vessel registration identification|aircraft|serial number|driver'?s license|personal id).*");

    private OfacSdnImporter() {
    }

    static ImportSummary run(ImportRun run, Path sdn, Path add, Path alt, String edition) throws IOException {
        Map<String, List<ListedAddress>> addresses = add == null ? Map.of() : addresses(add);
        Map<String, List<ListedName>> aliases = alt == null ? Map.of() : aliases(alt);
        SanctionsList list = SanctionsList.OFAC_SDN;
        run.replace(list.source());
        long entries = 0;
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(sdn))) {
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.isEmpty() || row.size() == 1 && clean(row.get(0)).isEmpty()) {
                    continue; // blank lines and the DOS end-of-file mark OFAC's older files carry
                }
                run.read++;
                if (row.size() != 12) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected the 12 columns of OFAC's sdn.csv, found " + row.size());
                }
                String id = clean(row.get(0));
                if (!id.matches("\\d+")) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected an entity number, found '" + id + "'");
                }
                String name = clean(row.get(1));
                if (name.isEmpty()) {
                    run.skip("entry without a name");
                    continue;
                }
                EntryType type = switch (clean(row.get(2)).toLowerCase(Locale.ROOT)) {
                    case "individual" -> EntryType.INDIVIDUAL;
                    case "vessel" -> EntryType.VESSEL;
                    case "aircraft" -> EntryType.AIRCRAFT;
                    default -> EntryType.ENTITY;
                };
                String remarks = clean(row.get(11));
                List<ListedName> names = new ArrayList<>();
                names.add(new ListedName(name, AliasQuality.PRIMARY));
                names.addAll(aliases.getOrDefault(id, List.of()));
                Matcher weak = WEAK_ALIAS.matcher(remarks);
                while (weak.find()) {
                    names.add(new ListedName(weak.group(2), AliasQuality.WEAK));
                }
                List<ListedAddress> where = addresses.getOrDefault(id, List.of());
                List<String> countries = new ArrayList<>();
                where.forEach(a -> countries.add(a.country()));
                List<String> identifiers = new ArrayList<>();
                for (String part : remarks.split(";")) {
                    String p = part.strip().replaceAll("\\.$", "");
                    Matcher nat = NATIONALITY.matcher(p);
                    if (nat.matches()) {
                        countries.add(CountryNames.code(nat.group(2)));
                    } else if (IDENTIFIER.matcher(p).matches()) {
                        identifiers.add(p);
                    }
                }
                String flag = clean(row.get(9));
                if (!flag.isEmpty()) {
                    countries.add(CountryNames.code(flag));
                }
                List<String> programs = programs(clean(row.get(3)));
                ScreeningDocs.add(run, new ListedEntry(list, id, type, names, programs, where, countries, identifiers,
                        remarks, null, null, null));
                entries++;
            }
        }
        run.screeningEdition(list.source(), edition, entries);
        return run.summary(ReferenceFormat.OFAC_SDN_CSV, list.source(), edition);
    }

    /** "IRAN] [SDGT] [IRGC" -> IRAN, SDGT, IRGC (the legacy file joins programs so). */
    static List<String> programs(String cell) {
        List<String> out = new ArrayList<>();
        for (String p : cell.replace("[", "").split("\\]")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static Map<String, List<ListedAddress>> addresses(Path file) throws IOException {
        Map<String, List<ListedAddress>> out = new HashMap<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() < 5) {
                    continue;
                }
                String country = clean(row.get(4));
                ListedAddress a = new ListedAddress(clean(row.get(2)), clean(row.get(3)), "", "",
                        CountryNames.code(country), country);
                if (!a.isEmpty()) {
                    out.computeIfAbsent(clean(row.get(0)), k -> new ArrayList<>()).add(a);
                }
            }
        }
        return out;
    }

    private static Map<String, List<ListedName>> aliases(Path file) throws IOException {
        Map<String, List<ListedName>> out = new HashMap<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() < 4 || clean(row.get(3)).isEmpty()) {
                    continue;
                }
                AliasQuality q = switch (clean(row.get(2)).toLowerCase(Locale.ROOT)) {
                    case "fka" -> AliasQuality.FKA;
                    case "nka" -> AliasQuality.NKA;
                    default -> AliasQuality.AKA;
                };
                out.computeIfAbsent(clean(row.get(0)), k -> new ArrayList<>()).add(new ListedName(clean(row.get(3)), q));
            }
        }
        return out;
    }

    /** A cell without OFAC's empty mark "-0-", the DOS end-of-file character or surrounding blanks. */
    static String clean(String cell) {
        String s = cell == null ? "" : cell.replace("\u001a", "").strip();
        return s.equals("-0-") ? "" : s;
    }
}
