package org.shipaudit.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test fixtures: invoice files written in code, and a reader that collects what it is given. */
final class Sheets {

    static final String GENERIC_LONG_HEADER = "invoice_number,invoice_date,carrier,account_number,tracking_number,"
            + "ship_date,delivery_date,service,zone,recipient_postal_code,residential,actual_weight,billed_weight,"
            + "weight_unit,length,width,height,dimension_unit,charge_code,charge_description,charge_amount,currency";

    private Sheets() {
    }

    static Path csv(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    static Path xlsx(Path dir, String name, List<List<Object>> rows) throws IOException {
        Path p = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            XSSFSheet sheet = wb.createSheet("Invoice");
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("m/d/yy"));
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v == null) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof java.time.LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else if (v instanceof String s && s.startsWith("=")) {
                        cell.setCellFormula(s.substring(1));
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            // Cached values for formula cells, as Excel would have saved them.
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        return p;
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    /** A 250-column UPS billing data row with the given 1-based positions set. */
    static String upsRow(Object... positionsAndValues) {
        List<String> cells = new ArrayList<>(Collections.nCopies(250, ""));
        for (int i = 0; i < positionsAndValues.length; i += 2) {
            cells.set((Integer) positionsAndValues[i] - 1, String.valueOf(positionsAndValues[i + 1]));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            sb.append(c.contains(",") ? "\"" + c + "\"" : c);
        }
        return sb.append('\n').toString();
    }

    /** Collects the rows read. */
    static final class Collected implements SheetRowConsumer {
        final List<SheetRow> rows = new ArrayList<>();
        List<String> header;
        long headerRow = -1;

        @Override
        public void header(long row, List<String> names) {
            headerRow = row;
            header = names;
        }

        @Override
        public void accept(SheetRow row) {
            rows.add(row);
        }

        List<org.shipaudit.model.ChargeLine> lines() {
            return rows.stream().flatMap(r -> r.lines().stream()).toList();
        }

        List<org.shipaudit.model.RowError> errors() {
            return rows.stream().flatMap(r -> r.errors().stream()).toList();
        }
    }
}
