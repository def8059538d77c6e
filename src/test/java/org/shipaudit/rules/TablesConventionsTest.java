package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * What every pack's files keep, read from the files (no compile): a CHANGELOG, limits keys that a rule reads and
 * rules that read only keys a table defines, and decision tables dressed for editing ({@link TableTool#dress}):
 * boolean and enum columns with a list, code rows hidden, the sheet protected with the data cells left editable.
 */
class TablesConventionsTest {

    private static final Pattern KEY_READ = Pattern.compile("key\\s*==\\s*\"([A-Z0-9_]+)\"");

    static List<Path> tables() throws Exception {
        List<Path> out = new ArrayList<>();
        for (Path pack : RuleScenariosTest.packDirs()) {
            Path t = pack.resolve("tables");
            if (Files.isDirectory(t)) {
                try (Stream<Path> s = Files.list(t)) {
                    s.filter(p -> p.toString().endsWith(".xlsx")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    static XSSFWorkbook open(Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void everyPackHasAChangelogWithARowForItsVersion() throws Exception {
        for (Path pack : RuleScenariosTest.packDirs()) {
            Path log = pack.resolve("CHANGELOG.md");
            assertTrue(Files.isRegularFile(log), () -> pack + " has no CHANGELOG.md");
            Matcher v = Pattern.compile("(?m)^version:\\s*\"?([^\"\\s]+)").matcher(Files.readString(pack.resolve("pack.yaml")));
            assertTrue(v.find(), () -> pack + "/pack.yaml has no version");
            String row = "| " + v.group(1) + " |";
            assertTrue(Files.readAllLines(log).stream().anyMatch(l -> l.startsWith(row)),
                    () -> log + " has no row '" + row + " change | reason | approver |' for pack.yaml's version");
        }
    }

    @Test
    void everyLimitsKeyIsReadByARuleAndEveryKeyARuleReadsIsInATable() throws Exception {
        for (Path pack : RuleScenariosTest.packDirs()) {
            Set<String> defined = new TreeSet<>();
            for (Path t : tables()) {
                if (t.startsWith(pack)) {
                    defined.addAll(limitKeys(t));
                }
            }
            Set<String> read = new TreeSet<>();
            try (Stream<Path> drl = Files.list(pack.resolve("drl"))) {
                for (Path d : (Iterable<Path>) drl::iterator) {
                    Matcher m = KEY_READ.matcher(Files.readString(d));
                    while (m.find()) {
                        read.add(m.group(1));
                    }
                }
            }
            Set<String> unread = new TreeSet<>(defined);
            unread.removeAll(read);
            Set<String> undefined = new TreeSet<>(read);
            undefined.removeAll(defined);
            assertTrue(unread.isEmpty(), () -> pack + ": limits keys no rule reads (misspelt?): " + unread);
            assertTrue(undefined.isEmpty(), () -> pack + ": rules read keys no table defines (misspelt?): " + undefined);
        }
    }

    /** The keys of a PolicyLimit table: the column whose code constructs a PolicyLimit with {@code "$param"}. */
    static Set<String> limitKeys(Path table) throws Exception {
        Set<String> keys = new TreeSet<>();
        try (XSSFWorkbook wb = open(table)) {
            XSSFSheet s = wb.getSheetAt(0);
            TableTool.Layout at = TableTool.Layout.of(s);
            Row code = s.getRow(at.codeRow());
            for (int c = at.firstColumn(); c <= at.lastColumn(); c++) {
                if (TableTool.text(code.getCell(c)).contains("new PolicyLimit(")) {
                    for (int r = at.labelRow() + 1; r <= at.lastDataRow(s); r++) {
                        String k = TableTool.text(s.getRow(r).getCell(c)).trim();
                        if (!k.isEmpty()) {
                            keys.add(k);
                        }
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyTableHasListsOnItsBooleanAndEnumColumnsAndItsCodeRowsHiddenAndProtected() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path t : tables()) {
            try (XSSFWorkbook wb = open(t)) {
                XSSFSheet s = wb.getSheetAt(0);
                TableTool.Layout at = TableTool.Layout.of(s);
                for (int r = at.keywordRow(); r <= at.codeRow(); r++) {
                    if (s.getRow(r) == null || !s.getRow(r).getZeroHeight()) {
                        problems.add(t + ": code row " + (r + 1) + " is not hidden");
                    }
                }
                for (int r = at.labelRow() + 1; r <= at.lastDataRow(s); r++) {
                    for (org.apache.poi.ss.usermodel.Cell c : s.getRow(r)) {
                        // Cells are pasted into Java string literals ("$param"): a double quote breaks the rule.
                        if (TableTool.text(c).contains("\"")) {
                            problems.add(t + " " + c.getAddress() + ": a double quote; use single quotes in cells");
                        }
                    }
                }
                if (!s.getProtect()) {
                    problems.add(t + ": sheet '" + s.getSheetName() + "' is not protected");
                }
                Row firstData = s.getRow(at.labelRow() + 1);
                if (firstData != null && firstData.getCell(at.firstColumn()) != null
                        && firstData.getCell(at.firstColumn()).getCellStyle().getLocked()) {
                    problems.add(t + ": data row " + (at.labelRow() + 2) + " is locked; only code rows are");
                }
                Map<Integer, List<String>> expected = TableTool.choices(s, at);
                Map<Integer, List<String>> actual = new TreeMap<>();
                for (DataValidation v : s.getDataValidations()) {
                    String[] list = v.getValidationConstraint().getExplicitListValues();
                    for (CellRangeAddress a : v.getRegions().getCellRangeAddresses()) {
                        if (list != null && a.getFirstRow() == at.labelRow() + 1) {
                            actual.put(a.getFirstColumn(), List.of(list));
                        }
                    }
                }
                if (!new TreeMap<>(expected).equals(actual)) {
                    problems.add(t + ": lists by column " + actual + ", the model asks for " + new TreeMap<>(expected));
                }
            }
        }
        assertEquals(List.of(), problems, "run TableTool dress on the tables (see its Javadoc)");
    }

    @Test
    void noRuleOrTableRowCitesDomainMdInsteadOfItsPrimarySource() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path pack : RuleScenariosTest.packDirs()) {
            try (Stream<Path> drl = Files.list(pack.resolve("drl"))) {
                for (Path d : (Iterable<Path>) drl::iterator) {
                    List<String> lines = Files.readAllLines(d);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).contains("DOMAIN.md")) {
                            found.add(d + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        for (Path t : tables()) {
            try (XSSFWorkbook wb = open(t)) {
                for (Row r : wb.getSheetAt(0)) {
                    r.forEach(c -> {
                        if (TableTool.text(c).contains("DOMAIN.md")) {
                            found.add(t + " " + c.getAddress());
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), found, "cite the carrier guide, the CFR section or the tariff DOMAIN.md points to");
    }
}
