package org.shipaudit.sheets;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A streaming workbook that deflates at the fastest level, both its compressed temporary sheet files and the
 * finished .xlsx. At POI's default level deflating was a fifth of the CPU of writing a large annotated invoice (half
 * of it in {@code write}, after the last row, on one thread); the fastest level costs about a third of that for
 * files some 15-25% larger. Temporary files stay compressed: a million-row sheet would otherwise take about a
 * gigabyte of disk while the report is built.
 */
final class FastSxssfWorkbook extends SXSSFWorkbook {

    private static final int BUFFER = 64 * 1024;

    FastSxssfWorkbook(XSSFWorkbook base, int window) {
        super(base, window, true, false);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new GZIPSheetDataWriter(getSharedStringSource()) {
            @Override
            protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
                return new GZIPOutputStream(new BufferedOutputStream(fos, BUFFER), BUFFER) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
            }

            @Override
            protected InputStream decorateInputStream(FileInputStream fis) throws IOException {
                return new GZIPInputStream(fis, BUFFER);
            }
        };
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }
}
