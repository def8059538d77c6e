package org.shipaudit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Edits the decision tables under {@code rules/} the way they were made, with POI, so the layout the compiler and
 * {@link TableCells} read stays exact. Run from the project directory after {@code mvn test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.shipaudit.rules.TableTool dress rules/&#42;/tables/&#42;.xlsx
 * java ... TableTool invoice-limits rules/rates/tables/claim-limits.xlsx org.shipaudit.rules.rates "Claim limits" "notes"
 * java ... TableTool add-row rules/rates/tables/claim-limits.xlsx "Limit: claim window" CLAIM_WINDOW_DAYS 180 ...
 * </pre>
 * ({@code mvn -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt} writes the class path.)
 * {@code dress} gives every table what an editor needs and is idempotent: lists (data validation) on the columns that
 * take a boolean or an enum constant, read from the model by reflection; the code rows (the CONDITION/ACTION row,
 * the pattern row and the code row) hidden; and the sheet protected (no password: it prevents slips, not people)
 * with every cell below the labels left editable, so rows can be added and changed but the code cannot be.
 * {@link TablesConventionsTest} checks that every table stays dressed.
 */
public final class TableTool {

    /** Rows of data (below the labels) left unlocked and validated, enough for years of added rows. */
    static final int EDITABLE_ROWS = 200;

    private TableTool() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "dress" -> {
                for (String f : Arrays.copyOfRange(args, 1, args.length)) {
                    edit(Path.of(f), TableTool::dress);
                }
            }
            case "invoice-limits" -> newLimitsTable(Path.of(args[1]), args[2], args[3], args[4], false);
            case "preship-limits" -> newLimitsTable(Path.of(args[1]), args[2], args[3], args[4], true);
            case "add-row" -> edit(Path.of(args[1]), wb -> addRow(wb.getSheetAt(0),
                    Arrays.copyOfRange(args, 2, args.length)));
            case "insert-column" -> edit(Path.of(args[1]), wb -> insertColumn(wb.getSheetAt(0),
                    Integer.parseInt(args[2]), args[3], args[4], args[5]));
            case "set" -> edit(Path.of(args[1]), wb -> {
                for (int i = 2; i + 1 < args.length; i += 2) {
                    set(wb.getSheetAt(0), args[i], args[i + 1]);
                }
            });
            case "replace" -> edit(Path.of(args[1]), wb -> replace(wb.getSheetAt(0), args[2], args[3]));
            default -> throw new IllegalArgumentException(
                    "dress | invoice-limits | preship-limits | add-row | insert-column | set | replace");
        }
    }

    interface Edit {
        void apply(XSSFWorkbook wb) throws Exception;
    }

    static void edit(Path file, Edit edit) throws Exception {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        edit.apply(wb);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    /** Where a sheet's RuleTable is: the row of its CONDITION/ACTION keywords (0-based) and the label row below. */
    record Layout(int keywordRow, int patternRow, int codeRow, int labelRow, int firstColumn, int lastColumn) {

        static Layout of(XSSFSheet sheet) {
            for (Row r : sheet) {
                for (Cell c : r) {
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && c.getStringCellValue().trim().toLowerCase().startsWith("ruletable")) {
                        Row k = sheet.getRow(r.getRowNum() + 1);
                        int first = c.getColumnIndex();
                        int last = first;
                        for (Cell kc : k) {
                            if (!text(kc).isBlank()) {
                                last = Math.max(last, kc.getColumnIndex());
                            }
                        }
                        int kr = r.getRowNum() + 1;
                        return new Layout(kr, kr + 1, kr + 2, kr + 3, first, last);
                    }
                }
            }
            throw new IllegalArgumentException("no RuleTable on sheet " + sheet.getSheetName());
        }

        int lastDataRow(XSSFSheet sheet) {
            int last = labelRow;
            for (int i = labelRow + 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                if (r != null && r.getCell(firstColumn) != null && !text(r.getCell(firstColumn)).isBlank()) {
                    last = i;
                } else {
                    break;
                }
            }
            return last;
        }
    }

    static String text(Cell c) {
        return c == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c);
    }

    static void dress(XSSFWorkbook wb) throws Exception {
        XSSFSheet sheet = wb.getSheetAt(0);
        Layout at = Layout.of(sheet);
        // Validations are rewritten from scratch each time, so a column whose type changed gets its new list.
        if (sheet.getCTWorksheet().isSetDataValidations()) {
            sheet.getCTWorksheet().unsetDataValidations();
        }
        DataValidationHelper dv = sheet.getDataValidationHelper();
        Map<Integer, List<String>> lists = choices(sheet, at);
        for (Map.Entry<Integer, List<String>> e : lists.entrySet()) {
            DataValidation v = dv.createValidation(dv.createExplicitListConstraint(e.getValue().toArray(String[]::new)),
                    new CellRangeAddressList(at.labelRow() + 1, at.labelRow() + EDITABLE_ROWS, e.getKey(), e.getKey()));
            v.setShowErrorBox(true);
            v.setErrorStyle(DataValidation.ErrorStyle.STOP);
            v.createErrorBox("Not a choice", "Pick one of: " + String.join(", ", e.getValue()) + " (or leave blank)");
            v.setEmptyCellAllowed(true);
            sheet.addValidationData(v);
        }
        for (int r = at.keywordRow(); r <= at.codeRow(); r++) {
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            row.setZeroHeight(true);
        }
        Map<Short, CellStyle> unlocked = new LinkedHashMap<>();
        for (int r = at.labelRow() + 1; r <= at.labelRow() + EDITABLE_ROWS; r++) {
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            for (int c = at.firstColumn(); c <= at.lastColumn(); c++) {
                Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
                CellStyle style = cell.getCellStyle();
                cell.setCellStyle(unlocked.computeIfAbsent(style.getIndex(), i -> {
                    XSSFCellStyle u = wb.createCellStyle();
                    u.cloneStyleFrom(style);
                    u.setLocked(false);
                    return u;
                }));
            }
        }
        // No password: protection keeps a slip of the mouse out of the code rows; Review > Unprotect lifts it.
        sheet.protectSheet("");
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockSort(false);
        sheet.lockAutoFilter(false);
    }

    private static final Pattern SETTER = Pattern.compile("\\b[a-z]\\w*\\.(set\\w+)\\(\\$param\\)");
    private static final Pattern ENUM_PARAM = Pattern.compile("\\b([A-Z]\\w*)\\.\\$param\\b");
    private static final Pattern FIELD = Pattern.compile("^\\s*(\\w+)\\s*==\\s*\\$param\\s*$");

    /**
     * The columns that take a boolean or an enum constant, and their choices: from the code row, the model type of
     * each {@code $param} (a setter's parameter, an enum's {@code Type.$param}, a field compared with {@code ==}).
     */
    static Map<Integer, List<String>> choices(XSSFSheet sheet, Layout at) throws ClassNotFoundException {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        Row code = sheet.getRow(at.codeRow());
        Row pattern = sheet.getRow(at.patternRow());
        List<Class<?>> model = imports(sheet);
        String patternType = null;
        for (int c = at.firstColumn() + 1; c <= at.lastColumn(); c++) {
            String p = pattern == null ? "" : text(pattern.getCell(c)).trim();
            if (!p.isEmpty()) {
                patternType = p.contains(":") ? p.substring(p.indexOf(':') + 1).trim() : p;
            }
            String snippet = text(code.getCell(c));
            Class<?> type = null;
            Matcher m = ENUM_PARAM.matcher(snippet);
            if (m.find()) {
                type = byName(model, m.group(1));
            } else if ((m = SETTER.matcher(snippet)).find()) {
                type = parameterType(model, m.group(1));
            } else if ((m = FIELD.matcher(snippet)).find() && patternType != null) {
                Class<?> fact = byName(model, patternType);
                type = fact == null ? null : getterType(fact, m.group(1));
            }
            if (type == boolean.class || type == Boolean.class) {
                out.put(c, List.of("true", "false"));
            } else if (type != null && type.isEnum()) {
                out.put(c, Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
            } else if (snippet.contains("setSeverity(\"$param\")")) {
                out.put(c, Arrays.stream(org.shipaudit.findings.Severity.values()).map(Enum::name).toList());
            }
        }
        return out;
    }

    private static List<Class<?>> imports(XSSFSheet sheet) throws ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        for (Row r : sheet) {
            if (text(r.getCell(1)).trim().equalsIgnoreCase("Import")) {
                for (String name : text(r.getCell(2)).split(",")) {
                    out.add(Class.forName(name.trim()));
                }
            }
        }
        return out;
    }

    private static Class<?> byName(List<Class<?>> model, String simple) {
        return model.stream().filter(k -> k.getSimpleName().equals(simple)).findFirst().orElse(null);
    }

    private static Class<?> parameterType(List<Class<?>> model, String setter) {
        for (Class<?> k : model) {
            for (Method m : k.getMethods()) {
                if (m.getName().equals(setter) && m.getParameterCount() == 1) {
                    return m.getParameterTypes()[0];
                }
            }
        }
        return null;
    }

    private static Class<?> getterType(Class<?> fact, String field) {
        String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String name : List.of("get" + cap, "is" + cap, field)) {
            try {
                return fact.getMethod(name).getReturnType();
            } catch (NoSuchMethodException e) {
                // next spelling
            }
        }
        return null;
    }

    /**
     * A limits table ({@link org.shipaudit.model.PolicyLimit} by key). Pre-ship: each row is dated by the shipment's
     * date and belongs to its audit context. Invoice: a session holds many invoices, so the row carries its
     * validity and rules ask {@code inForceOn} the invoice date.
     */
    static void newLimitsTable(Path file, String ruleSet, String title, String notes, boolean preShip)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("Limits");
            XSSFCellStyle bold = wb.createCellStyle();
            org.apache.poi.xssf.usermodel.XSSFFont f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            XSSFCellStyle code = wb.createCellStyle();
            code.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
            code.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            String imports = preShip ? "org.shipaudit.model.AuditContext, org.shipaudit.model.PolicyLimit"
                    : "org.shipaudit.model.PolicyLimit";
            put(s, 0, bold, "RuleSet", ruleSet);
            put(s, 1, bold, "Import", imports);
            put(s, 2, bold, "Notes", notes);
            put(s, 4, bold, "RuleTable " + title);
            List<String[]> columns = new ArrayList<>();
            if (preShip) {
                columns.add(new String[] {"CONDITION", "$c : AuditContext", "onOrAfter(\"$param\")",
                        "Valid from (ship date, inclusive)"});
                columns.add(new String[] {"CONDITION", "", "onOrBefore(\"$param\")",
                        "Valid to (inclusive, blank = open)"});
            }
            columns.add(new String[] {"ACTION", "",
                    "PolicyLimit l = new PolicyLimit(drools.getRule().getName(), \"$param\");",
                    "Key (rules read the figure by this name; do not rename)"});
            columns.add(new String[] {"ACTION", "", "l.setValue($param);", "Value"});
            columns.add(new String[] {"ACTION", "", "l.setUnit(\"$param\");", "Unit"});
            if (!preShip) {
                columns.add(new String[] {"ACTION", "", "l.setValidFrom(\"$param\");",
                        "Valid from (invoice date, inclusive)"});
                columns.add(new String[] {"ACTION", "", "l.setValidTo(\"$param\");",
                        "Valid to (inclusive, blank = open)"});
            }
            columns.add(new String[] {"ACTION", "", preShip ? "insert(l.citing(\"$param\").inContext($c));"
                    : "insert(l.citing(\"$param\"));", "Source"});
            Row k = s.createRow(5);
            Row p = s.createRow(6);
            Row c = s.createRow(7);
            Row l = s.createRow(8);
            cell(k, 1, "NAME", code);
            cell(p, 1, "", code);
            cell(c, 1, "", code);
            cell(l, 1, "Row name (unique)", bold);
            for (int i = 0; i < columns.size(); i++) {
                String[] col = columns.get(i);
                cell(k, i + 2, col[0], code);
                cell(p, i + 2, col[1], code);
                cell(c, i + 2, col[2], code);
                cell(l, i + 2, col[3], bold);
            }
            if (preShip) {
                s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(6, 6, 2, 3));
            }
            s.setColumnWidth(0, 2 * 256);
            s.setColumnWidth(1, 40 * 256);
            for (int i = 0; i < columns.size(); i++) {
                s.setColumnWidth(i + 2, (columns.get(i)[3].equals("Source") ? 70 : 16) * 256);
            }
            s.createFreezePane(0, 9);
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static void put(XSSFSheet s, int row, CellStyle bold, String label, String... values) {
        Row r = s.createRow(row);
        cell(r, 1, label, bold);
        for (int i = 0; i < values.length; i++) {
            r.createCell(2 + i).setCellValue(values[i]);
        }
    }

    private static void cell(Row r, int c, String v, CellStyle style) {
        Cell cell = r.createCell(c);
        cell.setCellValue(v);
        cell.setCellStyle(style);
    }

    /** Appends a data row below the last one; numbers are written as numbers, blanks left empty. */
    static void addRow(XSSFSheet sheet, String[] values) {
        Layout at = Layout.of(sheet);
        int r = at.lastDataRow(sheet) + 1;
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            Cell cell = row.getCell(at.firstColumn() + i) == null ? row.createCell(at.firstColumn() + i)
                    : row.getCell(at.firstColumn() + i);
            if (v.isEmpty()) {
                cell.setBlank();
            } else if (v.startsWith("'")) {
                cell.setCellValue(v.substring(1)); // as in Excel: a leading apostrophe keeps a figure as text ('9)
            } else if (v.matches("-?\\d+(\\.\\d+)?") && !v.matches("\\d{4}-\\d\\d-\\d\\d")) {
                cell.setCellValue(Double.parseDouble(v));
            } else {
                cell.setCellValue(v);
            }
        }
    }

    /** Sets one cell ({@code H10}) to a number or text; an empty value blanks it. */
    static void set(XSSFSheet sheet, String ref, String value) {
        org.apache.poi.ss.util.CellReference at = new org.apache.poi.ss.util.CellReference(ref);
        Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        Cell cell = row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
        // Blank first: a cell another tool wrote as an inline string keeps its old <is> text beside a new value,
        // and POI (so Drools) reads the old one; blanking replaces the whole cell and keeps its style.
        cell.setBlank();
        if (value.isEmpty()) {
            return;
        } else if (value.startsWith("'")) {
            cell.setCellValue(value.substring(1));
        } else if (value.matches("-?\\d+(\\.\\d+)?")) {
            cell.setCellValue(Double.parseDouble(value));
        } else {
            cell.setCellValue(value);
        }
    }

    /** Replaces {@code text} with {@code by} in every text cell (a citation that changes in many rows). */
    static void replace(XSSFSheet sheet, String text, String by) {
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && c.getStringCellValue().contains(text)) {
                    c.setCellValue(c.getStringCellValue().replace(text, by));
                }
            }
        }
    }

    /** Inserts a column before {@code before} (0-based) in every row of the table: keyword, code and label. */
    static void insertColumn(XSSFSheet sheet, int before, String keyword, String code, String label) {
        Layout at = Layout.of(sheet);
        sheet.shiftColumns(before, at.lastColumn(), 1);
        Row k = sheet.getRow(at.keywordRow());
        Row c = sheet.getRow(at.codeRow());
        Row l = sheet.getRow(at.labelRow());
        copy(k, before + 1, before).setCellValue(keyword);
        copy(c, before + 1, before).setCellValue(code);
        copy(l, before + 1, before).setCellValue(label);
        sheet.setColumnWidth(before, 16 * 256);
    }

    private static Cell copy(Row r, int from, int to) {
        Cell cell = r.getCell(to) == null ? r.createCell(to) : r.getCell(to);
        if (r.getCell(from) != null) {
            cell.setCellStyle(r.getCell(from).getCellStyle());
        }
        return cell;
    }
}
