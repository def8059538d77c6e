package org.shipaudit.sheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Decision tables as other tools save them. A RuleTable's object-type cell is merged across the CONDITION columns it
 * governs; Excel and POI write every cell of the merge (blank), but openpyxl, a common Python library, drops blank
 * cells, and the Drools spreadsheet parser, which finds merges through the cells a row holds, then took the columns
 * after the first for patterns of their own ("pattern type 'onOrAfter' is not allow-listed" on a table re-saved
 * without any edit). Putting the missing blank cells back gives Drools the workbook Excel would have written.
 */
public final class MergedRegions {

    private MergedRegions() {
    }

    /**
     * The workbook with every cell of every merged region present; the same bytes when none was missing, or when the
     * workbook cannot be read here (the table compiler then reports what is wrong with it).
     */
    public static byte[] withEveryCell(byte[] xlsx) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            boolean added = false;
            for (Sheet sheet : wb) {
                for (CellRangeAddress region : sheet.getMergedRegions()) {
                    for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                        for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                            if (row.getCell(c) == null) {
                                row.createCell(c);
                                added = true;
                            }
                        }
                    }
                }
            }
            if (!added) {
                return xlsx;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length + 1024);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException unreadable) {
            return xlsx;
        }
    }
}
