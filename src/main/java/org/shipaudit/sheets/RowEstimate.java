package org.shipaudit.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * How many data rows a sheet holds, told before it is read so a job shows a percentage from its start: from the
 * worksheet's dimension for XLSX (exact when the writer recorded it), else from the size of the file (or of the
 * worksheet's XML) divided by the average size of the first rows. Reads at most {@value #SAMPLE} bytes; never fails:
 * a file it cannot judge has no estimate, and the read that follows reports what is wrong with it.
 *
 * @param rows  data rows, without the header row
 * @param exact true when taken from the workbook's own dimension
 */
public record RowEstimate(long rows, boolean exact) {

    /** Bytes sampled for the average size of a row: enough for a few hundred rows of the widest layouts. */
    static final int SAMPLE = 256 * 1024;
    private static final Pattern DIMENSION = Pattern.compile("<(?:\\w+:)?dimension\\s+ref=\"[A-Z]+\\d+:[A-Z]+(\\d+)\"");
    private static final Pattern ROW = Pattern.compile("<(?:\\w+:)?row[\\s>]");
    private static final Pattern SHEET = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml");

    /** The estimate for a stored upload, or empty if the file gives none (empty, unreadable, not a spreadsheet). */
    public static java.util.Optional<RowEstimate> of(Path file) {
        try {
            long size = Files.size(file);
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes((int) Math.min(SAMPLE, size));
            }
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return xlsx(file);
            }
            return text(head, size);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** CSV: file size over the average bytes of the complete lines sampled, less the header line. */
    static java.util.Optional<RowEstimate> text(byte[] head, long size) {
        int lines = 0;
        int lastEnd = -1;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                lines++;
                lastEnd = i;
            }
        }
        if (lines == 0) {
            return java.util.Optional.of(new RowEstimate(head.length == size ? 0 : 1, false));
        }
        if (head.length == size) {
            // The whole file was sampled: count, not estimate (a last line without a newline counts too).
            long rows = lines + (lastEnd < head.length - 1 ? 1 : 0) - 1;
            return java.util.Optional.of(new RowEstimate(Math.max(0, rows), false));
        }
        double perLine = (lastEnd + 1) / (double) lines;
        return java.util.Optional.of(new RowEstimate(Math.max(1, Math.round(size / perLine) - 1), false));
    }

    private static java.util.Optional<RowEstimate> xlsx(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // The reader takes the first worksheet that has a header: sheet1 in every export seen.
            ZipEntry sheet = zip.stream().filter(e -> SHEET.matcher(e.getName()).matches())
                    .min(Comparator.comparingInt(e -> sheetNumber(e.getName()))).orElse(null);
            if (sheet == null) {
                return java.util.Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(sheet)) {
                bytes = in.readNBytes(SAMPLE);
            }
            boolean whole = bytes.length < SAMPLE;
            // ISO-8859-1 keeps one char per byte, so positions below are byte offsets; markup is ASCII.
            String start = new String(bytes, StandardCharsets.ISO_8859_1);
            Matcher m = DIMENSION.matcher(start.substring(0, Math.min(start.length(), 4096)));
            if (m.find()) {
                return java.util.Optional.of(new RowEstimate(Math.max(0, Long.parseLong(m.group(1)) - 1), true));
            }
            Matcher rows = ROW.matcher(start);
            int count = 0;
            int firstRow = -1;
            int lastRow = 0;
            while (rows.find()) {
                if (firstRow < 0) {
                    firstRow = rows.start();
                }
                lastRow = rows.start();
                count++;
            }
            long xmlSize = sheet.getSize();
            if (count < 2 || xmlSize <= 0 || whole) {
                // The whole worksheet was sampled (or too little of it to average): count, not estimate.
                return java.util.Optional.of(new RowEstimate(Math.max(0, count - 1), false));
            }
            double perRow = (lastRow - firstRow) / (double) (count - 1);
            return java.util.Optional.of(new RowEstimate(
                    Math.max(1, Math.round((xmlSize - firstRow) / perRow) - 1), false));
        }
    }

    private static int sheetNumber(String name) {
        Matcher m = SHEET.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
