package org.shipaudit.reference;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens reference files as streams, gunzipping by magic bytes rather than by name; a zip holding one CSV (as the ECB
 * publishes {@code eurofxref-hist.zip}) opens as that CSV. Other zips (workbooks) open as they are.
 */
final class ReferenceFiles {
    private ReferenceFiles() {
    }

    /** The file's content, decompressed when it starts with the gzip magic number. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        if (b1 == 'P' && b2 == 'K') {
            InputStream csv = zippedCsv(file);
            if (csv != null) {
                raw.close();
                return csv;
            }
        }
        return raw;
    }

    /** The only entry of a zip when it is a CSV file, else null. */
    private static InputStream zippedCsv(Path file) throws IOException {
        ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            ZipEntry first = zip.getNextEntry();
            if (first != null && !first.isDirectory()
                    && first.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                // One entry only: the zip is a compressed CSV, not a workbook or an archive of several files.
                try (ZipInputStream again = new ZipInputStream(Files.newInputStream(file))) {
                    again.getNextEntry();
                    if (again.getNextEntry() == null) {
                        return new BufferedInputStream(zip, 1 << 16);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a readable zip: the caller reads the bytes as they are
        }
        zip.close();
        return null;
    }

    /** The file's content as UTF-8 text (a BOM, if any, is left for the reader to skip). */
    static Reader reader(Path file) throws IOException {
        return new InputStreamReader(open(file), StandardCharsets.UTF_8);
    }
}
