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

/**
 * Bulk pre-ship audits: a JSON-lines file, one Shipment per line, audited as {@code POST /v1/audits/shipments} would
 * audit each. A line that breaks the contract becomes a row error with its field path; the others are audited.
 * Findings name their line and keep their own subject ({@code rows[12].packages[0]}) and the shipment id in their
 * evidence. Progress is committed every {@value #BATCH} lines, so an interrupted job resumes where it stopped.
 * Packages that carry a tracking number are recorded as shipped (before each checkpoint, so a resumed job records
 * them again, harmlessly), and the invoice audit later judges the carrier's corrections against them.
 */
public final class ShipmentJobProcessor implements JobProcessor {

    static final int BATCH = 500;

    private final ShipmentAuditor auditor;
    private final ShippedPackageStore shipped;
    private final ObjectMapper json = Mappers.json();

    public ShipmentJobProcessor(ShipmentAuditor auditor, ShippedPackageStore shipped) {
        this.auditor = auditor;
        this.shipped = shipped;
    }

    /** The first non-empty line must be a JSON object: anything else is not a shipments file. */
    @Override
    public void precheck(Path file, String profile) {
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
                Map<String, String> evidence = new java.util.LinkedHashMap<>(f.evidence());
                evidence.put("shipmentId", String.valueOf(result.shipmentId()));
                evidence.put("verdict", result.verdict().name());
                findings.add(new Finding(f.ruleId(), f.pack(), f.packVersion(), f.category(), f.severity(), f.message(),
                        f.subject(), evidence, f.amount(), f.suggestion()).at(new UploadRow(row, null), f.subject()));
            }
            return shipment;
        } catch (InvalidInputException e) {
            for (Violation v : e.violations()) {
                errors.add(new RowError(row, v.path().isEmpty() ? null : v.path(), v.message()));
            }
            return null;
        }
    }
}
