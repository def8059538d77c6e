package org.shipaudit.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.shipaudit.csv.CsvReader;

/**
 * Imports the USITC HTSUS CSV export as schedule "HTSUS", rebuilding the hierarchy from the Indent column.
 *
 * <p>The export is flat: each row has an indent, and a row belongs to the nearest row above it with a smaller
 * indent. Unnumbered rows ("Men's or boys':") are not lines but headings of the rows below, so their text goes into
 * the descendants' path. Statistical 10-digit lines carry no rates; they get the rates of their 8-digit rate line.
 * Paths start at the HS chapter when HS is loaded (the export has no chapter rows).
 * An 8-digit line printed only as its "00" 10-digit line (7117.19.90.00) is also found by its 8 digits, and an HS
 * subheading without a row of its own by its 6 digits (answering its first line).
 */
final class HtsusImporter {
    static final String SCHEDULE = "HTSUS";
    private static final Pattern CODE = Pattern.compile("\\d{4}(\\.\\d{2}){0,3}");

    private HtsusImporter() {
    }

    private record Node(int indent, String code, String digits, String text, String general, String special,
                        String column2) {
        String label() {
            return code == null ? text : code + " " + text;
        }
    }

    /**
     * Imports the file; {@code chapters} ("61" -> "61 Apparel ...", may be empty) start each path at its chapter,
     * since the export itself has no chapter rows.
     */
    static ImportSummary run(ImportRun run, Path file, String edition, Map<String, String> chapters)
            throws IOException {
        String source = TariffDocs.source(SCHEDULE);
        run.replace(source);
        Set<String> seen = new HashSet<>(64_000);
        Deque<Node> stack = new ArrayDeque<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> header = csv.next();
            int cCode = column(run, header, "HTS Number");
            int cIndent = column(run, header, "Indent");
            int cDesc = column(run, header, "Description");
            int cUnits = column(run, header, "Unit of Quantity");
            int cGeneral = column(run, header, "General Rate of Duty");
            int cSpecial = column(run, header, "Special Rate of Duty");
            int cColumn2 = column(run, header, "Column 2 Rate of Duty");
            int width = header.size();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.isEmpty()) {
                    continue;
                }
                run.read++;
                if (row.size() != width) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected " + width + " columns as in the header, found " + row.size()
                                    + " (line " + csv.line() + ")");
                }
                String code = row.get(cCode).trim();
                int indent;
                try {
                    indent = Integer.parseInt(row.get(cIndent).trim());
                } catch (NumberFormatException e) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected a whole number in Indent, found '" + row.get(cIndent) + "'");
                }
                if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected an HTS Number like 6109.10.00.12, found '" + code + "'");
                }
                String text = clean(row.get(cDesc));
                while (!stack.isEmpty() && stack.peek().indent() >= indent) {
                    stack.pop();
                }
                if (code.isEmpty()) {
                    if (text.isEmpty()) {
                        run.skip("row with neither number nor text");
                        continue;
                    }
                    stack.push(new Node(indent, null, null, text, null, null, null));
                    run.skip("unnumbered heading row (text kept in the path of the rows below)");
                    continue;
                }
                String digits = code.replace(".", "");
                String general = row.get(cGeneral).trim();
                String special = row.get(cSpecial).trim();
                String column2 = row.get(cColumn2).trim();
                if (general.isEmpty() && special.isEmpty() && column2.isEmpty()) {
                    // A statistical suffix line: the rates live on the 8-digit line above it.
                    for (Node n : stack) {
                        if (n.general() != null && !(n.general().isEmpty() && n.special().isEmpty())) {
                            general = n.general();
                            special = n.special();
                            column2 = n.column2();
                            break;
                        }
                    }
                }
                List<String> path = new ArrayList<>(stack.size() + 1);
                String chapter = chapters.get(digits.substring(0, 2));
                if (chapter != null) {
                    path.add(chapter);
                }
                String parent = chapter == null ? null : digits.substring(0, 2);
                for (Iterator<Node> it = stack.descendingIterator(); it.hasNext(); ) {
                    Node n = it.next();
                    path.add(n.label());
                    if (n.code() != null) {
                        parent = n.code();
                    }
                }
                List<String> aliases = new ArrayList<>(2);
                if (digits.length() == 10 && digits.endsWith("00") && !seen.contains(digits.substring(0, 8))) {
                    aliases.add(digits.substring(0, 8));
                }
                // An HS subheading with no row of its own (0106.12 is printed only as 0106.12.01.00) is found as
                // its first, most general line, so every HS6 code of the schedule answers.
                if (digits.length() > 6 && !seen.contains(digits.substring(0, 6))) {
                    aliases.add(digits.substring(0, 6));
                }
                seen.add(digits);
                seen.addAll(aliases);
                run.add(TariffDocs.line(SCHEDULE, digits, aliases, code, text, digits.length(), path, parent,
                        general, special, column2, units(row.get(cUnits))));
                stack.push(new Node(indent, code, digits, text, general, special, column2));
            }
        }
        run.edition(source, "tariff", edition, run.indexed);
        return run.summary(ReferenceFormat.HTSUS_CSV, source, edition);
    }

    private static int column(ImportRun run, List<String> header, String name) throws MalformedReferenceFileException {
        if (header != null) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).trim().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        throw new MalformedReferenceFileException(run.file, 1, "expected a header column '" + name + "'");
    }

    /** Drops the trailing colon of heading text; the colon is layout, not words. */
    private static String clean(String description) {
        // Line breaks inside quoted cells are layout; one line keeps paths (joined by line breaks) intact.
        String s = description.replaceAll("\\s+", " ").trim();
        return s.endsWith(":") ? s.substring(0, s.length() - 1).trim() : s;
    }

    /** The export writes units as a JSON-like list, ["doz.","kg"]. */
    static List<String> units(String raw) {
        String s = raw.trim();
        if (s.isEmpty() || s.equals("[]")) {
            return List.of();
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        List<String> units = new ArrayList<>();
        for (String part : s.split(",")) {
            String u = part.trim();
            if (u.startsWith("\"") && u.endsWith("\"") && u.length() >= 2) {
                u = u.substring(1, u.length() - 1);
            }
            if (!u.isEmpty()) {
                units.add(u);
            }
        }
        return units;
    }

    static String normalizeSchedule(String schedule) {
        return schedule == null ? HsImporter.SCHEDULE : schedule.trim().toUpperCase(Locale.ROOT);
    }
}
