package org.shipaudit.sheets;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a plain table (header, then rows) as XLSX in constant memory (SXSSF). Numbers are written as numbers,
 * everything else as text; used to generate test and benchmark invoices.
 */
public final class XlsxTableWriter implements Closeable {

    private final OutputStream out;
    private final SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true);
    private final SXSSFSheet sheet = wb.createSheet("Invoice");
    private int next;

    public XlsxTableWriter(OutputStream out, List<String> header) {
        this.out = out;
        write(header);
    }

    public void write(List<?> values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (v != null) {
                row.createCell(i).setCellValue(v.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            wb.write(out);
        } finally {
            wb.close();
        }
    }
}
