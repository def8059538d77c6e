package org.shipaudit.sheets;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

            @Override
            public Writer createWriter(File file) throws IOException {
                FileOutputStream fos = new FileOutputStream(file);
                try {
                    return new CharBuffer(new OutputStreamWriter(decorateOutputStream(fos), StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    fos.close();
                    throw e;
                }
            }
        };
    }

    /**
     * What POI's BufferedWriter does for the sheet data, without a lock and checks on each call: the sheet writer makes
     * several small writes per cell, all from one thread, and BufferedWriter.write was a third of the samples of the
     * thread writing a large report.
     */
    private static final class CharBuffer extends Writer {
        private final Writer out;
        private final char[] buf = new char[BUFFER];
        private int used;

        CharBuffer(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (used == buf.length) {
                drain();
            }
            buf[used++] = (char) c;
        }

        @Override
        public void write(String s) throws IOException {
            write(s, 0, s.length());
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            if (len > buf.length - used) {
                drain();
                if (len > buf.length) {
                    out.write(s, off, len);
                    return;
                }
            }
            s.getChars(off, off + len, buf, used);
            used += len;
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            if (len > buf.length - used) {
                drain();
                if (len > buf.length) {
                    out.write(c, off, len);
                    return;
                }
            }
            System.arraycopy(c, off, buf, used, len);
            used += len;
        }

        private void drain() throws IOException {
            if (used > 0) {
                out.write(buf, 0, used);
                used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }
}
