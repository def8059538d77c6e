package org.shipaudit.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.csv.CsvReader;

/**
 * Imports the HS 2022 nomenclature CSV (section,hscode,description,parent,level) as schedule "HS": chapters,
 * headings and 6-digit subheadings with their parents.
 *
 * <p>UN Comtrade's pseudo rows (TOTAL, chapter 99, 9999, 999999) are not HS lines and are skipped, counted in the
 * summary. The optional sections CSV gives each line its section name. Rows must come parents first, as the
 * published file does; only chapter and heading texts are kept in memory (about 1,300 strings).
 */
final class HsImporter {
    static final String SCHEDULE = "HS";

    private HsImporter() {
    }

    static ImportSummary run(ImportRun run, Path file, Path sectionsFile, String edition) throws IOException {
        Map<String, String> sections = sectionsFile == null ? Map.of() : readSections(sectionsFile);
        String source = TariffDocs.source(SCHEDULE);
        run.replace(source);
        Map<String, String> labels = new HashMap<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> header = csv.next();
            if (header == null || header.size() < 5) {
                throw new MalformedReferenceFileException(run.file, 1,
                        "expected the header section,hscode,description,parent,level");
            }
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.isEmpty()) {
                    continue;
                }
                run.read++;
                if (row.size() != 5) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected 5 columns (section,hscode,description,parent,level), found " + row.size());
                }
                String code = row.get(1).trim();
                String description = row.get(2).trim();
                String parent = row.get(3).trim();
                int level;
                try {
                    level = Integer.parseInt(row.get(4).trim());
                } catch (NumberFormatException e) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected level 2, 4 or 6, found '" + row.get(4) + "'");
                }
                if (code.equals("TOTAL")) {
                    run.skip("TOTAL row (not a code)");
                    continue;
                }
                if (code.equals("99") || code.equals("9999") || code.equals("999999")) {
                    run.skip("UN Comtrade pseudo code 99/9999/999999");
                    continue;
                }
                if ((level != 2 && level != 4 && level != 6) || code.length() != level || !code.chars().allMatch(Character::isDigit)) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected a " + level + "-digit HS code at level 2, 4 or 6, found '" + code + "'");
                }
                List<String> path = new ArrayList<>(2);
                if (level >= 4) {
                    addLabel(path, labels, code.substring(0, 2));
                }
                if (level == 6) {
                    addLabel(path, labels, code.substring(0, 4));
                }
                String display = TariffDocs.hsDisplay(code);
                if (level < 6) {
                    labels.put(code, display + " " + description);
                }
                String parentDisplay = level == 2 ? null : TariffDocs.hsDisplay(parent);
                var doc = TariffDocs.line(SCHEDULE, code, List.of(), display, description, level, path,
                        parentDisplay, null, null, null, List.of());
                String section = sections.get(row.get(0).trim());
                Fields.store(doc, "section", section == null ? row.get(0).trim() : row.get(0).trim() + " " + section);
                run.add(doc);
            }
        }
        run.edition(source, "tariff", edition, run.indexed);
        return run.summary(ReferenceFormat.HS_NOMENCLATURE, source, edition);
    }

    private static void addLabel(List<String> path, Map<String, String> labels, String code) {
        String label = labels.get(code);
        path.add(label == null ? code : label);
    }

    private static Map<String, String> readSections(Path file) throws IOException {
        Map<String, String> sections = new HashMap<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            csv.next();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() >= 2) {
                    sections.put(row.get(0).trim(), row.get(1).trim());
                }
            }
        }
        return sections;
    }
}
