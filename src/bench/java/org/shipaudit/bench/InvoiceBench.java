package org.shipaudit.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.audit.InvoiceEnricher;
import org.shipaudit.jobs.Job;
import org.shipaudit.jobs.JobReports;
import org.shipaudit.jobs.JobStore;
import org.shipaudit.jobs.MappingStore;
import org.shipaudit.jobs.OfflineInvoiceAudit;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.csv.CsvWriter;
import org.shipaudit.sheets.InvoiceProfile;
import org.shipaudit.sheets.InvoiceSheetReader;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.store.Database;
import org.shipaudit.store.ShippedPackageStore;

/**
 * The bulk invoice benchmark: a generated invoice with planted errors is read and written once without rules (the
 * baseline: what parsing and writing alone cost), then audited as a job would be (rules, database, and for XLSX the
 * annotated workbook). Reports rows per second, peak heap of each pass, the ratio, and whether every planted error
 * was found and nothing else flagged.
 */
public final class InvoiceBench {

    /**
     * What one run measured.
     *
     * @param baselinePeakHeap   the most heap in use at any sample of the baseline ({@link HeapSampler}), in bytes;
     *                           likewise {@code auditPeakHeap}
     * @param baselineCpuSeconds CPU time of the whole process (all threads, GC and JIT included) during the baseline;
     *                           on a shared machine it moves far less than the wall-clock seconds. Compare it only
     *                           between runs that use the same number of threads: on a virtual CPU that shares a core
     *                           with its sibling (SMT), two busy threads each run slower, so the same work costs more
     *                           CPU seconds when it is spread over both
     */
    public record Result(long rows, double baselineSeconds, long baselinePeakHeap, double auditSeconds,
                         long auditPeakHeap, int planted, int found, int unexpected, String firstMiss,
                         String firstUnexpected, double baselineCpuSeconds, double auditCpuSeconds) {

        public double baselineRowsPerSecond() {
            return rows / baselineSeconds;
        }

        public double auditRowsPerSecond() {
            return rows / auditSeconds;
        }
    }

    private InvoiceBench() {
    }

    public static Result run(Path rulesDir, Path file, Set<InvoiceGenerator.Planted> planted, Path work)
            throws Exception {
        boolean xlsx = file.toString().endsWith(".xlsx");
        CpuMeter cpu = CpuMeter.thisProcess();
        HeapSampler baselineHeap = new HeapSampler();
        long t0 = System.nanoTime();
        long c0 = cpu.cpuNanos();
        long[] rows = {0};
        try (baselineHeap; Writer out = Files.newBufferedWriter(work.resolve("baseline.csv"), StandardCharsets.UTF_8);
             CsvWriter csv = new CsvWriter(out)) {
            new InvoiceSheetReader(InvoiceProfile.AUTO).read(file, r -> {
                rows[0]++;
                csv.row(r.cells());
            });
        }
        double baseline = (System.nanoTime() - t0) / 1e9;
        double baselineCpu = (cpu.cpuNanos() - c0) / 1e9;

        RulePackRegistry packs = RulePackRegistry.load(rulesDir);
        // The carrier tables the invoice is billed from, so fuel, delivery-area and rate checks run as in production.
        Path indexDir = work.resolve("reference-index");
        try (ReferenceImporter importer = ReferenceImporter.open(indexDir)) {
            importer.importPaths(InvoiceGenerator.writeCarrierTables(work.resolve("carrier-tables")));
        }
        System.gc();
        HeapSampler auditHeap = new HeapSampler();
        long t1 = System.nanoTime();
        long c1 = cpu.cpuNanos();
        Set<InvoiceGenerator.Planted> found = new TreeSet<>();
        try (auditHeap; Database db = Database.open(Files.createDirectories(work.resolve("db")));
             ReferenceIndex reference = ReferenceIndex.open(indexDir)) {
            JobStore store = new JobStore(db);
            MappingStore mappings = new MappingStore(work.resolve("mappings"));
            Job job = OfflineInvoiceAudit.run(store, new InvoiceAuditor(packs,
                    new InvoiceEnricher(reference, new ShippedPackageStore(db, Clock.systemUTC()))), mappings, file,
                    "auto",
                    1L << 34,
                    r -> { }, Clock.systemUTC());
            if (xlsx) {
                new JobReports(store, mappings, 1L << 34).report(job);
            } else {
                try (Writer out = Files.newBufferedWriter(work.resolve("findings.csv"), StandardCharsets.UTF_8)) {
                    new JobReports(store, mappings, 1L << 34).findingsCsv(job, out);
                }
            }
            store.findings(job.id(), f -> found.add(new InvoiceGenerator.Planted(f.row(), f.finding().ruleId())));
        }
        double audit = (System.nanoTime() - t1) / 1e9;
        double auditCpu = (cpu.cpuNanos() - c1) / 1e9;
        Set<InvoiceGenerator.Planted> missed = new TreeSet<>(planted);
        missed.removeAll(found);
        Set<InvoiceGenerator.Planted> unexpected = new TreeSet<>(found);
        unexpected.removeAll(planted);
        return new Result(rows[0], baseline, baselineHeap.peak(), audit, auditHeap.peak(), planted.size(),
                planted.size() - missed.size(), unexpected.size(),
                missed.isEmpty() ? null : missed.iterator().next().toString(),
                unexpected.isEmpty() ? null : unexpected.iterator().next().toString(), baselineCpu, auditCpu);
    }
}
