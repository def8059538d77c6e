package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invoice packs on generated invoices: every planted error is found and no clean line is flagged. */
class InvoiceBenchTest {

    @TempDir
    Path dir;

    @Test
    void findsEveryPlantedErrorInACsvInvoiceAndFlagsNoCleanLine() throws Exception {
        InvoiceGenerator g = new InvoiceGenerator(7, 0.15);
        Path file = dir.resolve("invoice.csv");
        long lines = g.write(file, 4_000);
        assertTrue(lines >= 4_000);
        assertTrue(g.planted().size() > 100, "enough errors planted: " + g.planted().size());
        InvoiceBench.Result r = InvoiceBench.run(Path.of("rules"), file, g.planted(), dir);
        assertEquals(lines, r.rows());
        assertEquals(r.planted(), r.found(), () -> "first missed: " + r.firstMiss());
        assertEquals(0, r.unexpected(), () -> "first unexpected: " + r.firstUnexpected());
        assertTrue(r.baselinePeakHeap() > 0 && r.auditPeakHeap() > 0, "heap sampled in both passes");
    }

    @Test
    void findsEveryPlantedErrorInAnXlsxInvoice() throws Exception {
        InvoiceGenerator g = new InvoiceGenerator(11, 0.15);
        Path file = dir.resolve("invoice.xlsx");
        g.write(file, 1_500);
        InvoiceBench.Result r = InvoiceBench.run(Path.of("rules"), file, g.planted(), dir);
        assertEquals(r.planted(), r.found(), () -> "first missed: " + r.firstMiss());
        assertEquals(0, r.unexpected(), () -> "first unexpected: " + r.firstUnexpected());
    }

    @Test
    void findsEveryPlantedErrorInUpsBillingDataAndFlagsNoCorrectionReturnVoidOrDiscount() throws Exception {
        InvoiceGenerator g = new InvoiceGenerator(7, 0.15, InvoiceGenerator.Layout.UPS_BILLING);
        Path file = dir.resolve("ups.csv");
        long lines = g.write(file, 4_000);
        java.util.List<String> rows = java.nio.file.Files.readAllLines(file);
        assertEquals(lines, rows.size(), "headerless: one line per charge");
        assertTrue(rows.stream().allMatch(r -> r.split(",", -1).length == UpsBillingRows.WIDTH), "250 columns");
        for (String kind : java.util.List.of(",ADJ,SCC,", ",ADJ,ADC,", ",ADJ,DIN,", ",SIM,Special Incentive Modifier,",
                ",Void ")) {
            assertTrue(rows.stream().anyMatch(r -> r.contains(kind)), "has clean rows of kind " + kind);
        }
        assertTrue(g.planted().size() > 100, "enough errors planted: " + g.planted().size());
        InvoiceBench.Result r = InvoiceBench.run(Path.of("rules"), file, g.planted(), dir);
        assertEquals(lines, r.rows());
        assertEquals(r.planted(), r.found(), () -> "first missed: " + r.firstMiss());
        assertEquals(0, r.unexpected(), () -> "first unexpected: " + r.firstUnexpected());
    }

    @Test
    void findsEveryPlantedErrorInFedexBillingOnlineAndFlagsNoDiscountReturnOrHomeDelivery() throws Exception {
        InvoiceGenerator g = new InvoiceGenerator(7, 0.15, InvoiceGenerator.Layout.FEDEX_BILLING);
        Path file = dir.resolve("fedex.csv");
        long rows = g.write(file, 1_500);
        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        assertEquals(rows + 1, lines.size(), "a header and one row per package");
        assertTrue(lines.stream().allMatch(r -> r.split(",", -1).length == FedexBillingRows.WIDTH), "210 columns");
        for (String kind : java.util.List.of(",Earned Discount,-", ",Performance Pricing,-", ",Home Delivery,",
                ",Print Return Label,", ",Address Correction,")) {
            assertTrue(lines.stream().anyMatch(r -> r.contains(kind)), "has clean rows with " + kind);
        }
        assertTrue(g.planted().size() > 100, "enough errors planted: " + g.planted().size());
        InvoiceBench.Result r = InvoiceBench.run(Path.of("rules"), file, g.planted(), dir);
        assertEquals(rows, r.rows());
        assertEquals(r.planted(), r.found(), () -> "first missed: " + r.firstMiss());
        assertEquals(0, r.unexpected(), () -> "first unexpected: " + r.firstUnexpected());
    }

    @Test
    void plantsTheSameErrorsInEveryLayout() throws Exception {
        InvoiceGenerator generic = new InvoiceGenerator(5, 0.2);
        InvoiceGenerator ups = new InvoiceGenerator(5, 0.2, InvoiceGenerator.Layout.UPS_BILLING);
        generic.write(dir.resolve("g.csv"), 2_000);
        ups.write(dir.resolve("u.csv"), 2_000);
        java.util.function.Function<InvoiceGenerator, java.util.List<String>> rules =
                x -> x.planted().stream().map(InvoiceGenerator.Planted::rule).toList();
        int n = Math.min(generic.planted().size(), ups.planted().size()) - 5;
        assertEquals(rules.apply(generic).subList(0, n), rules.apply(ups).subList(0, n));
        InvoiceGenerator fedex = new InvoiceGenerator(5, 0.2, InvoiceGenerator.Layout.FEDEX_BILLING);
        fedex.write(dir.resolve("f.csv"), 600);
        int m = fedex.planted().size() - 5;
        assertTrue(m > 50, "planted in FedEx: " + m);
        // The same errors, but FedEx has no address-class column: a residential charge to a company is ACC-002.
        assertEquals(rules.apply(generic).subList(0, m).stream().map(x -> x.equals("ACC-001") ? "ACC-002" : x).toList(),
                rules.apply(fedex).subList(0, m));
    }

    @Test
    void namesTheLayoutsAsTheCommandLineDoes() {
        assertEquals(InvoiceGenerator.Layout.UPS_BILLING, InvoiceGenerator.Layout.named("ups-billing"));
        assertEquals(InvoiceGenerator.Layout.FEDEX_BILLING, InvoiceGenerator.Layout.named("FEDEX-BILLING"));
        assertEquals("generic", InvoiceGenerator.Layout.GENERIC.cliName());
        assertEquals(null, InvoiceGenerator.Layout.named("ups"));
    }

    @Test
    void generatesTheSameInvoiceForTheSameSeed() throws Exception {
        InvoiceGenerator a = new InvoiceGenerator(3, 0.1);
        InvoiceGenerator b = new InvoiceGenerator(3, 0.1);
        a.write(dir.resolve("a.csv"), 2_000);
        b.write(dir.resolve("b.csv"), 2_000);
        assertEquals(java.nio.file.Files.readString(dir.resolve("a.csv")), java.nio.file.Files.readString(dir.resolve("b.csv")));
        assertEquals(a.planted(), b.planted());
    }
}
