package org.shipaudit.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.audit.BatchAudit;
import org.shipaudit.audit.CatalogAuditor;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.CatalogHistory;
import org.shipaudit.model.CatalogProduct;
import org.shipaudit.sheets.CatalogColumns;
import org.shipaudit.sheets.CatalogRowConsumer;
import org.shipaudit.sheets.CatalogSheetReader;
import org.shipaudit.sheets.SheetRow;

/**
 * Audits an uploaded product catalog (kind {@code catalog}: a Shopify product export or the generic
 * catalog layout) the way chargebacks jobs audit theirs: streams its rows, audits each batch of {@value #BATCH}
 * products with the packs that judge catalogs, and commits findings and row errors with the progress marker; a
 * resumed job re-reads the file and skips the rows already committed. Duplicate SKUs are found across batches and
 * across a resume: every product read, committed before or not, is remembered by SKU, so each repeat is reported once.
 *
 * <p>Each finding names its row (subject {@code rows[17].hsCode}) and, in its evidence, the column as the file
 * writes it ({@code column}: "Variant HS Code") and, for XLSX, the worksheet ({@code sheet}). Table rows are judged
 * on the job's business date, the UTC day it was submitted.
 */
public final class CatalogJobProcessor implements JobProcessor {

    /** Products per batch: each costs a tariff search of a few milliseconds, so a checkpoint every second or so. */
    static final int BATCH = 200;

    private final CatalogAuditor auditor;
    private final long maxBytes;

    public CatalogJobProcessor(CatalogAuditor auditor, long maxBytes) {
        this.auditor = auditor;
        this.maxBytes = maxBytes;
    }

    /** The day table rows are judged on: the UTC date the job was created. */
    static LocalDate businessDate(Job job) {
        return job.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    public void process(JobRun run) throws Exception {
        Batcher batcher = new Batcher(run, businessDate(run.job()));
        CatalogSheetReader reader = reader(run.job().profile());
        batcher.readAll(() -> reader.read(run.file(), batcher));
    }

    /** The profile must be one a catalog is read with; the header and first row must read. */
    @Override
    public void precheck(Path file, String profile) {
        CatalogSheetReader reader = reader(profile);
        FirstRowRead.check(() -> reader.read(file, (row, product) -> {
            throw new FirstRowRead();
        }));
    }

    private CatalogSheetReader reader(String profile) {
        try {
            return new CatalogSheetReader(profile, maxBytes);
        } catch (IllegalArgumentException e) {
            throw new JobRefused(400, e.getMessage());
        }
    }

    /** The finding with the column (and sheet) its subject's field is read from, for the person fixing the file. */
    static Finding located(Finding f, CatalogColumns columns) {
        if (columns == null || f.subject() == null) {
            return f;
        }
        int dot = f.subject().indexOf("].");
        String column = dot < 0 ? null : columns.column(f.subject().substring(dot + 2));
        if (column == null && columns.sheet() == null) {
            return f;
        }
        Map<String, String> evidence = new LinkedHashMap<>(f.evidence());
        if (column != null) {
            evidence.put("column", column);
        }
        if (columns.sheet() != null) {
            evidence.put("sheet", columns.sheet());
        }
        return new Finding(f.ruleId(), f.pack(), f.packVersion(), f.category(), f.severity(), f.message(), f.subject(),
                evidence, f.amount(), f.suggestion(), f.row());
    }

    /** Collects rows into batches of products and audits each, with the column each finding's field is read from. */
    private final class Batcher extends RowBatcher<CatalogProduct> implements CatalogRowConsumer {
        private final LocalDate today;
        private final CatalogHistory history = new CatalogHistory();
        private CatalogColumns columns;

        Batcher(JobRun run, LocalDate today) {
            super(run, BATCH);
            this.today = today;
        }

        @Override
        public void header(long row, List<String> names, CatalogColumns columns) {
            this.columns = columns;
        }

        @Override
        public void accept(SheetRow row, CatalogProduct product) {
            take(row, product);
        }

        @Override
        void remember(CatalogProduct product) {
            history.see(product);
        }

        @Override
        BatchAudit audit(List<CatalogProduct> batch) {
            return auditor.audit(batch, history, today);
        }

        @Override
        long rowOf(CatalogProduct product) {
            return product.getRow();
        }

        /** Products, not rows: each product costs a tariff search, a blank or unreadable row almost nothing. */
        @Override
        boolean full(long rows, int products) {
            return products >= BATCH;
        }

        @Override
        Finding located(Finding f) {
            return CatalogJobProcessor.located(f, columns);
        }
    }
}
