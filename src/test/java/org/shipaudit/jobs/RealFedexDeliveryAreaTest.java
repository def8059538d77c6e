package org.shipaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.shipaudit.OfficialData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.audit.InvoiceEnricher;
import org.shipaudit.reference.ImportSummary;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.Database;

/**
 * The delivery-area charges of the real FedEx export checked against FedEx's list in force on their ship dates (the
 * list effective 2025-06-02, ../shared/reference-data/carriers/das): the findings of ACC-006 (ZIP not listed) and
 * ACC-009 (billed above the ZIP's tier). Skipped when the shared reference data is absent.
 */
@OfficialData
class RealFedexDeliveryAreaTest {

    private static final Path SHARED = Path.of("../shared/reference-data");

    @TempDir
    Path dir;

    @Test
    void checksTheRealFedexDeliveryAreaChargesAgainstThe2025List() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("carriers/das"))
                && Files.isDirectory(SHARED.resolve("carrier_invoices")), "the FedEx export and delivery-area lists "
                + "are not at ../shared/reference-data (see reference-data/SOURCES.md)");
        // With both editions loaded the 2025-06-02 list is in force for these July-August 2025 shipments: every one
        // of the 415 delivery-area charges (267 DAS Resi, 119 DAS Extended Resi, 28 DAS Remote Residential, 1 on a
        // ZIP+4) is to a ZIP on it at the tier billed, so there is no finding.
        assertEquals(List.of(), dasFindings("both", "fedex_das_zips_2020-01-06.csv", "fedex_das_zips_2025-06-02.csv"));
        // With the 2020 list alone in force the same charges are judged by it, which proves the check ran: 69 charges
        // to ZIP codes FedEx added since (ACC-006, 232.60 claimed) and 37 remote charges to ZIP codes that list has
        // at a lower tier, the 2020 list having no remote tier (ACC-009, nothing claimed).
        List<String> old = dasFindings("2020", "fedex_das_zips_2020-01-06.csv");
        assertEquals(69, old.stream().filter(f -> f.startsWith("ACC-006 ")).count(), old.toString());
        assertEquals(37, old.stream().filter(f -> f.startsWith("ACC-009 ")).count(), old.toString());
        BigDecimal claimed = old.stream().filter(f -> f.startsWith("ACC-006 "))
                .map(f -> new BigDecimal(f.substring(f.lastIndexOf(' ') + 1))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("232.60").compareTo(claimed), old.toString());
        assertTrue(old.contains("ACC-006 01002 3.10"), "01002 is on the 2025 list and not on the 2020 one");
    }

    private List<String> dasFindings(String name, String... lists) throws Exception {
        Path idx = dir.resolve("idx-" + name);
        try (ReferenceImporter importer = ReferenceImporter.open(idx)) {
            List<ImportSummary> s = importer.importPaths(List.of(lists).stream()
                    .map(l -> SHARED.resolve("carriers/das").resolve(l)).toList());
            s.forEach(x -> assertTrue(x.ok(), x.toString()));
        }
        List<String> found = new ArrayList<>();
        try (ReferenceIndex index = ReferenceIndex.open(idx);
             Database db = Database.open(dir.resolve("db-" + name))) {
            JobStore store = new JobStore(db);
            InvoiceAuditor auditor = new InvoiceAuditor(RulePackRegistry.load(Path.of("rules")),
                    new InvoiceEnricher(index, null));
            MappingStore mappings = new MappingStore(dir.resolve("mappings-" + name));
            Path copy = dir.resolve(name + "-fedex.csv");
            Files.copy(SHARED.resolve("carrier_invoices/fedex_billing_online_2025-07_to_08_redacted.csv"), copy);
            Job job = OfflineInvoiceAudit.run(store, auditor, mappings, copy, "fedex-billing", 1L << 30, n -> { },
                    Clock.systemUTC());
            assertEquals(JobStatus.DONE, store.get(job.id()).orElseThrow().status());
            store.findings(job.id(), f -> {
                String rule = f.finding().ruleId();
                if (rule.equals("ACC-006") || rule.equals("ACC-009")) {
                    found.add(rule + " " + f.finding().evidence().get("postalCode") + " "
                            + f.finding().claimable().toPlainString());
                }
            });
        }
        return found;
    }
}
