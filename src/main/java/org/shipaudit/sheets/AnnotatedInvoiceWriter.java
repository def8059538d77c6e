package org.shipaudit.sheets;

import org.shipaudit.csv.SafeText;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.shipaudit.findings.ClaimEvidence;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.ChargeLine;

/**
 * Writes the annotated invoice workbook of {@code GET /v1/jobs/{id}/report} in constant memory (SXSSF, 100-row
 * window, temporary files and workbook compressed at the fastest level, see {@link FastSxssfWorkbook}):
 * <ul>
 *   <li>"Invoice" (or the labels' sheet name): the header, then each original row at its original row number (so {@code rows[17]} is row 17)
 *       with three more columns, "Findings" (rule ids), "Finding details" (messages) and "Disputable amount", and a
 *       last "Source row" column (the row number in the upload, useful for headerless UPS files whose rows move down
 *       by one to make room for the header);</li>
 *   <li>"Summary": count and disputable amount by rule, by category, by carrier and by ISO week of the invoice date,
 *       and a bar chart of disputable amount by category. SXSSF cannot draw on streamed sheets, so this sheet is a
 *       regular XSSF sheet of the same workbook, filled at {@link #close()} from totals kept while streaming;</li>
 *   <li>"Disputes": one line per disputable finding (positive amount), with the evidence keys documented on
 *       {@link DisputesCsvWriter} (the retailer, PO and reference columns for retailer chargebacks).</li>
 * </ul>
 * It is a {@link SheetRowConsumer}: pass it to {@link InvoiceSheetReader#read} over the uploaded file, with the
 * job's findings looked up per row ({@link #byRow} groups a collection by subject). Findings whose subject names no
 * row can be added with {@link #addUnplaced}; they count in the summary and disputes only. Text cells that could
 * run as formulas are written as text with a quote-prefix style; plain numbers are written as numbers. Amounts of
 * different currencies are summed as they come (one invoice file has one currency in practice). Not thread-safe.
 */
public final class AnnotatedInvoiceWriter implements SheetRowConsumer, Closeable {

    /** Rows kept in memory per streamed sheet. */
    static final int WINDOW = 100;
    private static final int MAX_CELL_CHARS = 32_767;
    private static final int LAST_ROW = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getLastRowIndex();
    private static final List<String> DISPUTE_COLUMNS = List.of("Tracking number", "Invoice number", "Charge",
            "Billed amount", "Expected amount", "Disputable amount", "Reason", "Rule id", "Claim deadline", "Retailer",
            "PO number", "Reference");

    private final OutputStream out;
    private final LongFunction<List<Finding>> findingsForRow;
    private final XSSFWorkbook base;
    private final SXSSFWorkbook wb;
    private final SXSSFSheet invoice;
    private final SXSSFSheet disputes;
    private final XSSFSheet summary;
    private final CellStyle plain;
    private final CellStyle text;
    private final CellStyle bold;
    private final CellStyle money;
    private final Map<String, Total> byRule = new TreeMap<>();
    private final Map<String, Total> byCategory = new TreeMap<>();
    private final ReportLabels labels;
    private final Map<String, Total> byCarrier = new TreeMap<>();
    private final Map<String, Total> byWeek = new TreeMap<>();
    /** Claims only, by the last day to make them: what a finance person must send first. */
    private final Map<String, Total> byDeadline = new TreeMap<>();
    private int findingsColumn;
    /** Columns holding identifiers (tracking, invoice, account numbers, ZIPs), written as text whatever they look like. */
    private boolean[] identifier = new boolean[0];
    private int rowShift;
    private int disputeRows = 1;
    private final List<PendingDispute> pendingDisputes = new ArrayList<>();
    private final List<org.shipaudit.model.RowError> rowErrors = new ArrayList<>();
    private long rowsNotShown;
    private long disputesNotShown;
    private boolean closed;

    private static final class Total {
        long count;
        BigDecimal amount = BigDecimal.ZERO;
    }

    /** What the Summary sheet's header block names: the file, the job and the profile it was read with. */
    public record Origin(String fileName, String jobId, String profile) {
    }

    private Origin origin;
    /** The longest text seen per column of the Invoice and Disputes sheets, for widths fitted at close. */
    private int[] invoiceWidths = new int[0];
    private int[] disputeWidths = new int[0];
    /** Widths in characters: wide enough for a tracking number or a date, never wider than a readable line. */
    static final int MIN_WIDTH = 8;
    static final int MAX_WIDTH = 60;
    private java.time.LocalDate firstShip;
    private java.time.LocalDate lastShip;
    private java.time.LocalDate firstInvoice;
    private java.time.LocalDate lastInvoice;

    /** Names the file, job and profile at the top of the Summary sheet, above the period the rows cover. */
    public void origin(Origin origin) {
        this.origin = origin;
    }

    /**
     * @param out            receives the workbook at {@link #close()}; not closed by this writer
     * @param findingsForRow the findings about a sheet row (row number as in {@code rows[N]}); empty list for none
     */
    public AnnotatedInvoiceWriter(OutputStream out, LongFunction<List<Finding>> findingsForRow) {
        this(out, findingsForRow, ReportLabels.INVOICES);
    }

    /** @param labels the sheet, title and grouping words for what was audited (invoices, chargebacks) */
    public AnnotatedInvoiceWriter(OutputStream out, LongFunction<List<Finding>> findingsForRow, ReportLabels labels) {
        this.out = out;
        this.labels = labels;
        this.findingsForRow = findingsForRow;
        base = new XSSFWorkbook();
        // Created on the XSSF workbook before it is wrapped, so it stays a normal sheet that can hold a chart.
        summary = base.createSheet("Summary");
        wb = new FastSxssfWorkbook(base, WINDOW);
        invoice = wb.createSheet(labels.rowsSheet());
        disputes = wb.createSheet("Disputes");
        wb.setSheetOrder(labels.rowsSheet(), 0);
        wb.setSheetOrder("Summary", 1);
        wb.setSheetOrder("Disputes", 2);
        wb.setActiveSheet(0);
        wb.setSelectedTab(0);
        // Given to every streamed cell that has no style of its own. A cell without one makes SXSSF look up its
        // column's default style in the sheet's XMLBeans column list when the row is written, for every cell: that
        // was the largest cost of writing a large report after the XML text itself. Style 0 writes no attribute, so
        // the file is the same.
        plain = wb.getCellStyleAt(0);
        text = wb.createCellStyle();
        text.setQuotePrefixed(true);
        Font f = wb.createFont();
        f.setBold(true);
        bold = wb.createCellStyle();
        bold.setFont(f);
        money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        Row h = disputes.createRow(0);
        for (int i = 0; i < DISPUTE_COLUMNS.size(); i++) {
            h.createCell(i).setCellValue(DISPUTE_COLUMNS.get(i));
            h.getCell(i).setCellStyle(bold);
        }
    }

    /** Groups findings by their sheet row ({@link Finding#row}); findings about no row are left out. */
    public static Map<Long, List<Finding>> byRow(Collection<Finding> findings) {
        Map<Long, List<Finding>> m = new HashMap<>();
        for (Finding f : findings) {
            long row = f.rowNumber();
            if (row >= 0) {
                m.computeIfAbsent(row, r -> new ArrayList<>()).add(f);
            }
        }
        return m;
    }

    @Override
    public void header(long row, List<String> names) {
        // A headerless layout (row 0) has its data from row 1: the header takes row 1 and the data moves down one.
        rowShift = row == 0 ? 1 : 0;
        Row h = invoice.createRow((int) Math.max(0, row - 1));
        for (int i = 0; i < names.size(); i++) {
            textCell(h, i, names.get(i)).setCellStyle(bold);
        }
        findingsColumn = names.size();
        identifier = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            identifier[i] = isIdentifier(names.get(i));
        }
        List<String> extra = List.of("Findings", "Finding details", "Disputable amount", "Source row");
        for (int i = 0; i < extra.size(); i++) {
            Cell c = h.createCell(findingsColumn + i);
            c.setCellValue(extra.get(i));
            c.setCellStyle(bold);
        }
        invoice.createFreezePane(0, (int) Math.max(1, row));
    }

    @Override
    public void accept(SheetRow sheetRow) {
        for (ChargeLine l : sheetRow.lines()) {
            // The period covered, for the header block: a finance reader checks it is the invoice they meant.
            if (l.shipDate() != null) {
                firstShip = firstShip == null || l.shipDate().isBefore(firstShip) ? l.shipDate() : firstShip;
                lastShip = lastShip == null || l.shipDate().isAfter(lastShip) ? l.shipDate() : lastShip;
            }
            if (l.invoiceDate() != null) {
                firstInvoice = firstInvoice == null || l.invoiceDate().isBefore(firstInvoice) ? l.invoiceDate()
                        : firstInvoice;
                lastInvoice = lastInvoice == null || l.invoiceDate().isAfter(lastInvoice) ? l.invoiceDate()
                        : lastInvoice;
            }
        }
        List<Finding> findings = findingsForRow.apply(sheetRow.row());
        ChargeLine first = sheetRow.lines().isEmpty() ? null : sheetRow.lines().get(0);
        long index = sheetRow.row() - 1 + rowShift;
        if (index > LAST_ROW) {
            // A CSV can be longer than a worksheet: the findings still count in the summary and the disputes.
            rowsNotShown++;
            if (findings != null) {
                for (Finding f : findings) {
                    count(f, first);
                    dispute(f, first);
                }
            }
            return;
        }
        Row r = invoice.createRow((int) index);
        List<String> cells = sheetRow.cells();
        for (int i = 0; i < cells.size() && i < findingsColumn; i++) {
            value(r, i, cells.get(i), i < identifier.length && identifier[i]);
        }
        if (findings != null && !findings.isEmpty()) {
            Set<String> rules = new LinkedHashSet<>();
            StringBuilder details = new StringBuilder();
            BigDecimal disputable = BigDecimal.ZERO;
            for (Finding f : findings) {
                rules.add(f.ruleId());
                if (details.length() > 0) {
                    details.append('\n');
                }
                details.append(f.ruleId()).append(": ").append(f.message());
                disputable = disputable.add(Disputes.amount(f));
                count(f, first);
                dispute(f, first);
            }
            textCell(r, findingsColumn, String.join(", ", rules));
            textCell(r, findingsColumn + 1, details.toString());
            if (disputable.signum() > 0) {
                Cell c = r.createCell(findingsColumn + 2);
                c.setCellValue(disputable.doubleValue());
                c.setCellStyle(money);
            }
        }
        plainCell(r, findingsColumn + 3).setCellValue(sheetRow.row());
    }

    /** Findings about no row (an invoice as a whole): counted in the summary and listed in the disputes. */
    public void addUnplaced(Collection<Finding> findings) {
        for (Finding f : findings) {
            count(f, null);
            dispute(f, null);
        }
    }

    private void count(Finding f, ChargeLine line) {
        BigDecimal amount = Disputes.amount(f);
        add(byRule, f.ruleId(), amount);
        add(byCategory, f.category() == null ? "(none)" : f.category().name(), amount);
        String party = line != null && line.carrier() != null ? line.carrier()
                : f.evidence().get(labels.partyEvidence());
        add(byCarrier, party == null || party.isBlank() ? "(unknown)" : party, amount);
        LocalDate date = line != null ? line.invoiceDate() : labels.dateEvidence() == null ? null
                : evidenceDate(f.evidence().get(labels.dateEvidence()));
        add(byWeek, date == null ? "(no date)" : String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), amount);
        if (Disputes.disputable(f)) {
            String deadline = Disputes.evidence(f, ClaimEvidence.CLAIM_DEADLINE);
            add(byDeadline, deadline == null ? "(no deadline known)" : deadline, amount);
        }
    }

    private static LocalDate evidenceDate(String iso) {
        try {
            return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static void add(Map<String, Total> totals, String key, BigDecimal amount) {
        Total t = totals.computeIfAbsent(key == null ? "(none)" : key, k -> new Total());
        t.count++;
        t.amount = t.amount.add(amount);
    }

    /**
     * Keeps a claim for the Disputes sheet, written at {@link #close()} sorted by claim deadline (soonest first, then
     * tracking number): claims are far fewer than rows, and a finance person works them in deadline order.
     */
    private void dispute(Finding f, ChargeLine line) {
        if (!Disputes.disputable(f)) {
            return;
        }
        String tracking = Disputes.evidence(f, ClaimEvidence.TRACKING_NUMBER);
        String invoiceNumber = Disputes.evidence(f, ClaimEvidence.INVOICE_NUMBER);
        pendingDisputes.add(new PendingDispute(f, tracking != null ? tracking : line == null ? null
                : line.trackingNumber(), invoiceNumber != null ? invoiceNumber : line == null ? null
                : line.invoiceNumber()));
    }

    private record PendingDispute(Finding finding, String tracking, String invoiceNumber) {
    }

    private void writeDisputes() {
        pendingDisputes.sort(java.util.Comparator.comparing(PendingDispute::finding, DisputesCsvWriter.BY_DEADLINE));
        for (PendingDispute d : pendingDisputes) {
            if (disputeRows > LAST_ROW) {
                disputesNotShown++;
                continue;
            }
            Finding f = d.finding;
            Row r = disputes.createRow(disputeRows++);
            textCell(r, 0, d.tracking);
            textCell(r, 1, d.invoiceNumber);
            textCell(r, 2, Disputes.evidence(f, ClaimEvidence.CHARGE_CODE));
            amountCell(r, 3, Disputes.evidence(f, ClaimEvidence.BILLED_AMOUNT));
            amountCell(r, 4, Disputes.evidence(f, ClaimEvidence.EXPECTED_AMOUNT));
            Cell c = r.createCell(5);
            c.setCellValue(f.claimable().doubleValue());
            c.setCellStyle(money);
            textCell(r, 6, f.message());
            textCell(r, 7, f.ruleId());
            textCell(r, 8, Disputes.evidence(f, ClaimEvidence.CLAIM_DEADLINE));
            textCell(r, 9, Disputes.evidence(f, ClaimEvidence.RETAILER));
            textCell(r, 10, Disputes.evidence(f, ClaimEvidence.PO_NUMBER));
            textCell(r, 11, Disputes.evidence(f, ClaimEvidence.REFERENCE));
        }
    }

    /** The rows that could not be read, on a sheet of their own ("Row errors"): row, column and what is wrong. */
    public void addRowErrors(Collection<org.shipaudit.model.RowError> errors) {
        rowErrors.addAll(errors);
    }

    private void writeRowErrors() {
        if (rowErrors.isEmpty()) {
            return;
        }
        org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("Row errors");
        Row h = sheet.createRow(0);
        List<String> names = List.of("Row", "Column", "Error");
        for (int i = 0; i < names.size(); i++) {
            textCell(h, i, names.get(i)).setCellStyle(bold);
        }
        int n = 1;
        for (org.shipaudit.model.RowError e : rowErrors) {
            if (n > LAST_ROW) {
                break;
            }
            Row r = sheet.createRow(n++);
            plainCell(r, 0).setCellValue(e.row());
            textCell(r, 1, e.column());
            textCell(r, 2, e.message());
        }
    }

    private void amountCell(Row r, int col, String value) {
        if (value == null) {
            return;
        }
        BigDecimal d = Values.amount(value, false);
        if (d == null) {
            textCell(r, col, value);
        } else {
            Cell c = r.createCell(col);
            c.setCellValue(d.doubleValue());
            c.setCellStyle(money);
        }
    }

    /**
     * A column name that names an identifier: a finance person forwards the workbook and the carrier reads these back,
     * so 794612345678 must not show as 7.9461E+11 nor a ZIP lose its leading zero; nor may an HS code lose its
     * trailing zeros.
     */
    static boolean isIdentifier(String name) {
        String k = GenericProfile.key(name);
        if (k.startsWith("numberof")) {
            return false;
        }
        return k.contains("tracking") || k.contains("invoicenumber") || k.contains("account") || k.contains("zip")
                || k.contains("postal") || k.contains("reference") || k.contains("ref#") || k.endsWith("number")
                || k.endsWith("id") || k.contains("meter")
                // Catalog codes: 6912.00 written as a number would show as 6912, a GTIN in exponent notation.
                || k.contains("sku") || k.contains("hscode") || k.contains("harmonized") || k.contains("htscode")
                || k.contains("tariffcode") || k.contains("barcode") || k.contains("gtin");
    }

    /**
     * Digits that a spreadsheet would mangle as a number: a leading zero ("02134"), or 12 digits and more (beyond
     * what the General format shows without an exponent).
     */
    static boolean looksLikeIdentifier(String v) {
        if (v.length() < 2 || !v.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return v.charAt(0) == '0' || v.length() >= 12;
    }

    /** An original cell: a plain number as a number, an identifier and anything else as text (quote-prefixed when risky). */
    private void value(Row r, int col, String v, boolean identifierColumn) {
        if (v == null || v.isEmpty()) {
            return;
        }
        if (SafeText.isPlainNumber(v) && !identifierColumn && !looksLikeIdentifier(v)) {
            plainCell(r, col).setCellValue(Double.parseDouble(v));
        } else {
            textCell(r, col, v);
        }
    }

    /** A new cell with the default style set on it when streamed (see {@code plain}); summary cells are left as they were. */
    private Cell plainCell(Row r, int col) {
        Cell c = r.createCell(col);
        if (r instanceof SXSSFRow) {
            c.setCellStyle(plain);
        }
        return c;
    }

    private Cell textCell(Row r, int col, String v) {
        Cell c = plainCell(r, col);
        if (v != null) {
            fit(r.getSheet() == invoice ? invoiceWidths : r.getSheet() == disputes ? disputeWidths : null, col, v);
        }
        if (v == null) {
            return c;
        }
        c.setCellValue(v.length() > MAX_CELL_CHARS ? v.substring(0, MAX_CELL_CHARS) : v);
        if (SafeText.risky(v)) {
            c.setCellStyle(text);
        }
        return c;
    }

    /** Writes the summary and its chart, then the workbook to the stream, and deletes the temporary files. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writeDisputes();
            writeRowErrors();
            writeSummary();
            applyWidths(invoice, invoiceWidths);
            applyWidths(disputes, disputeWidths);
            wb.write(out);
            out.flush();
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    private void fit(int[] widths, int col, String v) {
        if (widths == null) {
            return;
        }
        if (col >= widths.length) {
            int[] grown = java.util.Arrays.copyOf(widths, Math.max(col + 1, widths.length * 2));
            if (widths == invoiceWidths) {
                invoiceWidths = grown;
            } else {
                disputeWidths = grown;
            }
            widths = grown;
        }
        // Measured as the first line's length; a long message wraps in the reader's eye, not in the column.
        int nl = v.indexOf('\n');
        int len = nl < 0 ? v.length() : nl;
        if (len > widths[col]) {
            widths[col] = len;
        }
    }

    /**
     * Column widths from the longest text of each column, computed while streaming because SXSSF cannot auto-size
     * rows already flushed to disk; Excel's unit is 1/256 of a character, plus two for the filter arrow and margin.
     */
    private static void applyWidths(org.apache.poi.ss.usermodel.Sheet sheet, int[] widths) {
        for (int col = 0; col < widths.length; col++) {
            if (widths[col] > 0) {
                sheet.setColumnWidth(col, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[col] + 2)) * 256);
            }
        }
    }

    private int headerLine(int r, String label, String value) {
        XSSFRow row = summary.createRow(r);
        row.createCell(0).setCellValue(label);
        // Text, quote-prefixed when Excel could take it for a formula (a client's file name may start with '=').
        Cell c = row.createCell(1);
        c.setCellValue(value == null ? "" : value);
        if (value != null && SafeText.risky(value)) {
            c.setCellStyle(text);
        }
        return r + 1;
    }

    private static String period(java.time.LocalDate from, java.time.LocalDate to) {
        if (from == null) {
            return "not known (no dates read)";
        }
        return from.equals(to) ? from.toString() : from + " to " + to;
    }

    private void writeSummary() {
        int r = 0;
        XSSFRow title = summary.createRow(r++);
        title.createCell(0).setCellValue(labels.title());
        title.getCell(0).setCellStyle(bold);
        if (origin != null) {
            r = headerLine(r, "File", origin.fileName());
            r = headerLine(r, "Job", origin.jobId());
            r = headerLine(r, "Profile", origin.profile());
        }
        if (labels.periods()) {
            r = headerLine(r, "Shipped", period(firstShip, lastShip));
            r = headerLine(r, "Invoiced", period(firstInvoice, lastInvoice));
        }
        if (rowsNotShown > 0 || disputesNotShown > 0) {
            summary.createRow(r++).createCell(0).setCellValue("Not shown, beyond Excel's 1,048,576 rows: "
                    + rowsNotShown + " rows, " + disputesNotShown + " disputes (all are counted below; "
                    + "download the findings and disputes CSV for every line).");
        }
        r++;
        int categoryStart = -1;
        int categoryEnd = -1;
        List<Map.Entry<String, Map<String, Total>>> sections = new ArrayList<>(List.of(Map.entry("Category",
                byCategory), Map.entry("Rule", byRule), Map.entry(labels.partyHeading(), byCarrier)));
        if (labels.weekHeading() != null) {
            sections.add(Map.entry(labels.weekHeading(), byWeek));
        }
        sections.add(Map.entry("Claim deadline", byDeadline));
        for (Map.Entry<String, Map<String, Total>> section : sections) {
            XSSFRow h = summary.createRow(r++);
            String[] names = {section.getKey(), "Findings", "Disputable amount"};
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
                h.getCell(i).setCellStyle(bold);
            }
            int start = r;
            long count = 0;
            BigDecimal amount = BigDecimal.ZERO;
            for (Map.Entry<String, Total> e : section.getValue().entrySet()) {
                XSSFRow row = summary.createRow(r++);
                textCell(row, 0, e.getKey());
                row.createCell(1).setCellValue(e.getValue().count);
                row.createCell(2).setCellValue(e.getValue().amount.doubleValue());
                row.getCell(2).setCellStyle(money);
                count += e.getValue().count;
                amount = amount.add(e.getValue().amount);
            }
            if (section.getKey().equals("Category")) {
                categoryStart = start;
                categoryEnd = r - 1;
            }
            XSSFRow total = summary.createRow(r++);
            total.createCell(0).setCellValue("Total");
            total.getCell(0).setCellStyle(bold);
            total.createCell(1).setCellValue(count);
            total.createCell(2).setCellValue(amount.doubleValue());
            total.getCell(2).setCellStyle(money);
            r++;
        }
        summary.setColumnWidth(0, 28 * 256);
        summary.setColumnWidth(1, 12 * 256);
        summary.setColumnWidth(2, 20 * 256);
        if (categoryEnd >= categoryStart) {
            chart(categoryStart, categoryEnd);
        }
    }

    /** A bar chart of disputable amount by category, next to the category table. */
    private void chart(int firstRow, int lastRow) {
        XSSFDrawing drawing = summary.createDrawingPatriarch();
        // Under the tables and as wide as them, so a printed (or PDF) summary keeps the chart on the page.
        int top = summary.getLastRowNum() + 2;
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, 4, top + 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Disputable amount by category");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.LEFT);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(summary,
                new CellRangeAddress(firstRow, lastRow, 0, 0));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(summary,
                new CellRangeAddress(firstRow, lastRow, 2, 2));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, amounts);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(names, values);
        series.setTitle("Disputable amount", null);
        // Without an explicit fill LibreOffice draws the bars invisible.
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.STEEL_BLUE)));
        amounts.setCrossBetween(AxisCrossBetween.BETWEEN);
        chart.plot(data);
    }
}
