package org.shipaudit.sheets;

import org.shipaudit.csv.SafeText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.shipaudit.findings.Category;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Severity;
import org.shipaudit.model.api.Money;

/**
 * Throughput and peak heap of the sheet readers and the annotated workbook writer, on generated files. Not a test
 * (timings belong in the benchmark harness): run after {@code mvn -o test-compile} with
 * <pre>
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) org.shipaudit.sheets.SheetsBench [csvLines] [xlsxRows]
 * </pre>
 */
public final class SheetsBench {

    private SheetsBench() {
    }

    public static void main(String[] args) throws Exception {
        int csvLines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int xlsxRows = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Path dir = Files.createTempDirectory("sheets-bench");
        try {
            Path csv = dir.resolve("invoice.csv");
            generateCsv(csv, csvLines);
            System.out.printf("CSV generated: %,d lines, %,d MB%n", csvLines, Files.size(csv) >> 20);
            read("CSV warm-up", csv, csvLines / 10);
            read("CSV generic long", csv, -1);

            Path ups = dir.resolve("ups.csv");
            generateUps(ups, xlsxRows);
            read("CSV ups-billing warm-up", ups, xlsxRows / 10);
            read("CSV ups-billing 250 cols", ups, -1);

            Path xlsx = dir.resolve("invoice.xlsx");
            generateXlsx(xlsx, xlsxRows);
            System.out.printf("XLSX generated: %,d rows, %,d MB%n", xlsxRows, Files.size(xlsx) >> 20);
            read("XLSX warm-up", xlsx, xlsxRows / 10);
            read("XLSX generic long", xlsx, -1);

            Path small = dir.resolve("report-source.csv");
            generateCsv(small, xlsxRows);
            resetPeaks();
            long t0 = System.nanoTime();
            Path report = dir.resolve("report.xlsx");
            try (OutputStream out = Files.newOutputStream(report)) {
                AnnotatedInvoiceWriter w = new AnnotatedInvoiceWriter(out, row -> row % 10 == 0 ? List.of(
                        new Finding("ACC-001", "invoice", "1", Category.ACCESSORIAL, Severity.WARN,
                                "Residential surcharge on a commercial address", "rows[" + row + "]",
                                Map.of("chargeCode", "RES", "billedAmount", "4.95", "expectedAmount", "0"),
                                Money.usd(new BigDecimal("4.95")), null)) : List.of());
                new InvoiceSheetReader(InvoiceProfile.AUTO).read(small, w);
                w.close();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("Annotated workbook (read CSV + write XLSX): %,d rows in %.2f s = %,.0f rows/s, "
                    + "%,d MB, peak heap %,d MB%n", xlsxRows, s, xlsxRows / s, Files.size(report) >> 20, peakHeapMb());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void read(String label, Path file, long stopAfter) throws Exception {
        System.gc();
        resetPeaks();
        long[] n = new long[2];
        long t0 = System.nanoTime();
        try {
            new InvoiceSheetReader(InvoiceProfile.AUTO).read(file, row -> {
                n[0]++;
                n[1] += row.lines().size();
                if (stopAfter > 0 && n[0] >= stopAfter) {
                    throw new IOException("enough");
                }
            });
        } catch (IOException e) {
            if (!"enough".equals(e.getMessage())) {
                throw e;
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %,d rows, %,d charge lines in %.2f s = %,.0f rows/s, peak heap %,d MB%n", label, n[0],
                n[1], s, n[0] / s, peakHeapMb());
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static final String HEADER = Sheets.GENERIC_LONG_HEADER;

    private static String line(int i) {
        return "INV-" + (i / 500) + ",2026-11-20,UPS,A123," + "1Z" + (100_000_000 + i / 3) + ",2026-11-16,"
                + "2026-11-18T14:30:00-05:00,Ground,5,20020,Y," + (1 + i % 50) + ".5," + (2 + i % 50) + ",LB,20,12,10,IN,"
                + (i % 3 == 0 ? "FRT,Transportation" : i % 3 == 1 ? "RES,Residential Surcharge" : "FSC,Fuel Surcharge")
                + "," + (i % 1000) + "." + (i % 100) + ",USD";
    }

    static void generateCsv(Path file, int lines) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < lines - 1; i++) {
                w.write(line(i));
                w.write('\n');
            }
        }
    }

    static void generateUps(Path file, int lines) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                w.write(Sheets.upsRow(1, "2.1", 3, "A12345", 5, "2026-11-21", 6, "000012345X476", 10, "USD",
                        21, "1Z999AA1" + (10_000_000 + i / 3), 27, "10.0", 28, "L", 29, "12.0", 30, "L",
                        33, "12x10x8", 34, "005", 35, "SHP", 44, i % 3 == 0 ? "FRT" : "ACC", 45, "003",
                        46, i % 3 == 0 ? "Ground Residential" : "Residential Surcharge", 51, "USD",
                        53, (i % 100) + ".25", 73, "43215", 76, "ACME", 77, "1745 T ST SE", 79, "WASHINGTON",
                        80, "DC", 81, "20020", 82, "US", 117, "2026-11-16", 122, "2026-11-18"));
            }
        }
    }

    static void generateXlsx(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet("Invoice");
            String[] header = HEADER.split(",");
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r < rows; r++) {
                String[] cells = line(r).split(",");
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    if (SafeText.isPlainNumber(cells[c])) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }
}
