package org.shipaudit.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shipaudit.audit.BatchAudit;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.findings.Finding;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;
import org.shipaudit.model.RowError;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.ShippedPackage;
import org.shipaudit.model.UploadRow;
import org.shipaudit.store.ShippedPackageStore;
import org.shipaudit.model.api.ShipmentSchema;
import org.shipaudit.sheets.ShipmentColumns;
import org.shipaudit.sheets.ShipmentSheetReader;
import org.shipaudit.sheets.ShipmentSheetRow;

/**
 * Bulk pre-ship audits: a JSON-lines file, one Shipment per line, or a shipments sheet (XLSX or CSV, one shipment per
 * row: {@link ShipmentSheetReader}), each shipment audited as {@code POST /v1/audits/shipments} would audit it. A
 * line or row that breaks the contract becomes a row error (its field path for JSON, its column for a sheet); the
 * others are audited. Findings name their line and keep their own subject ({@code rows[12].packages[0]}) and the
 * shipment id in their evidence; from a sheet also the column ({@code column}) and worksheet ({@code sheet}) the
 * subject's field is read from. Progress is committed every {@value #BATCH} lines, so an interrupted job resumes
 * where it stopped. Packages that carry a tracking number are recorded as shipped (before each checkpoint, so a
 * resumed job records them again, harmlessly), and the invoice audit later judges the carrier's corrections against
 * them.
 */
public final class ShipmentJobProcessor implements JobProcessor {

    static final int BATCH = 500;

    private final ShipmentAuditor auditor;
    private final ShippedPackageStore shipped;
    private final ShipmentSheetReader sheets;
    private final ObjectMapper json = Mappers.json();

    /** @param maxBytes the largest sheet accepted (413 past it) */
    public ShipmentJobProcessor(ShipmentAuditor auditor, ShippedPackageStore shipped, long maxBytes) {
        this.auditor = auditor;
        this.shipped = shipped;
        this.sheets = new ShipmentSheetReader(maxBytes);
    }

    /**
     * Whether the file is JSON lines: its first character other than white space (and a byte-order mark) opens a
     * JSON object. A sheet's first byte is a CSV header's letter or an XLSX zip's {@code P}.
     */
    static boolean isJsonLines(Path file) throws IOException {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            int b;
            int read = 0;
            while ((b = in.read()) >= 0 && read++ < 4096) {
                if (b == '{') {
                    return true;
                }
                if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) {
                    return false;
                }
            }
            return false;
        }
    }

    /**
     * A JSON-lines file's first non-empty line must be a JSON object; any other file must be a readable shipments
     * sheet with the required columns (415 for what is no spreadsheet, 422 naming the missing columns).
     */
    @Override
    public void precheck(Path file, String profile) {
        try {
            if (!isJsonLines(file)) {
                FirstRowRead.check(() -> sheets.read(file, (row, shipment) -> {
                    throw new FirstRowRead();
                }));
                return;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    if (!json.readTree(line).isObject()) {
                        throw new JobRefused(415, "a shipments job takes JSON lines: one Shipment object per line");
                    }
                    return;
                }
            }
            throw new JobRefused(422, "the file holds no shipments");
        } catch (JsonProcessingException | java.nio.charset.CharacterCodingException e) {
            throw new JobRefused(415, "a shipments job takes JSON lines (one Shipment object per line); the first line "
                    + "is not JSON");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void process(JobRun run) throws IOException {
        if (!isJsonLines(run.file())) {
            SheetBatcher batcher = new SheetBatcher(run);
            batcher.readAll(() -> sheets.read(run.file(), batcher::take));
            return;
        }
        List<Finding> findings = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        List<ShippedPackage> packages = new ArrayList<>();
        String recordedBy = "job " + run.job().id();
        long row = 0;
        long inBatch = 0;
        try (BufferedReader in = Files.newBufferedReader(run.file(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                row++;
                if (row <= run.resumeAfterRow() || line.isBlank()) {
                    continue;
                }
                inBatch++;
                Shipment s = audit(row, line, findings, errors);
                if (s != null) {
                    packages.addAll(ShippedPackage.of(s, recordedBy));
                }
                if (inBatch >= BATCH) {
                    shipped.record(packages);
                    packages.clear();
                    run.checkpoint(new Checkpoint(row, inBatch, findings, errors, List.of()));
                    findings = new ArrayList<>();
                    errors = new ArrayList<>();
                    inBatch = 0;
                }
            }
        }
        shipped.record(packages);
        run.checkpoint(new Checkpoint(row, inBatch, findings, errors, List.of()));
        run.total(row);
    }

    /** Audits one line; the shipment when it met the contract, else null (its errors are added). */
    private Shipment audit(long row, String line, List<Finding> findings, List<RowError> errors) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            errors.add(new RowError(row, null, "not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
        try {
            Shipment shipment = ShipmentSchema.read(node, "");
            AuditResult result = auditor.audit(shipment);
            for (Finding f : result.findings()) {
                findings.add(onRow(f, result, row, Map.of()));
            }
            return shipment;
        } catch (InvalidInputException e) {
            for (Violation v : e.violations()) {
                errors.add(new RowError(row, v.path().isEmpty() ? null : v.path(), v.message()));
            }
            return null;
        }
    }

    /**
     * The finding as a job keeps it: on its row, with the shipment id and verdict (and for a sheet the column and
     * worksheet its subject is read from) added to the evidence.
     */
    static Finding onRow(Finding f, AuditResult result, long row, Map<String, String> where) {
        Map<String, String> evidence = new java.util.LinkedHashMap<>(f.evidence());
        evidence.put("shipmentId", String.valueOf(result.shipmentId()));
        evidence.put("verdict", result.verdict().name());
        evidence.putAll(where);
        return new Finding(f.ruleId(), f.pack(), f.packVersion(), f.category(), f.severity(), f.message(),
                f.subject(), evidence, f.amount(), f.suggestion()).at(new UploadRow(row, null), f.subject());
    }

    /** A sheet's rows in batches of {@value #BATCH}, each shipment audited on its own as over HTTP. */
    private final class SheetBatcher extends RowBatcher<ShipmentSheetRow> {
        private final String recordedBy;

        SheetBatcher(JobRun run) {
            super(run, BATCH);
            this.recordedBy = "job " + run.job().id();
        }

        @Override
        void remember(ShipmentSheetRow item) {
            // Nothing is judged across shipments.
        }

        @Override
        BatchAudit audit(List<ShipmentSheetRow> batch) {
            List<Finding> findings = new ArrayList<>();
            List<ShippedPackage> packages = new ArrayList<>();
            for (ShipmentSheetRow r : batch) {
                AuditResult result = auditor.audit(r.shipment());
                for (Finding f : result.findings()) {
                    findings.add(onRow(f, result, r.row(), where(r.columns(), f.subject())));
                }
                packages.addAll(ShippedPackage.of(r.shipment(), recordedBy));
            }
            // Before the checkpoint that commits the batch, as for JSON lines.
            shipped.record(packages);
            return new BatchAudit(findings, List.of());
        }

        @Override
        long rowOf(ShipmentSheetRow item) {
            return item.row();
        }

        @Override
        boolean full(long rows, int items) {
            return rows >= BATCH;
        }
    }

    private static Map<String, String> where(ShipmentColumns columns, String subject) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        String column = columns.column(subject);
        if (column != null) {
            m.put("column", column);
        }
        if (columns.sheet() != null) {
            m.put("sheet", columns.sheet());
        }
        return m;
    }
}
