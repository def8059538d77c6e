package org.shipaudit.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.audit.ShipmentEnricher;
import org.shipaudit.config.AppConfig;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;
import org.shipaudit.model.api.ShipmentSchema;
import org.shipaudit.rules.RulePackRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Audits shipments from a file offline and prints one AuditResult per line. A {@code .json} file holds one Shipment,
 * an array of them, or {@code {"shipments": [...]}}; a {@code .jsonl} file one Shipment per line. A shipment that
 * breaks the contract prints an error line naming its position and the field, and the others are still audited.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit shipments from a .json or .jsonl file; print results as JSON lines.")
public final class AuditCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(paramLabel = "FILE", description = "shipments as .json or .jsonl")
    Path file;

    @picocli.CommandLine.Option(names = "--quiet", description = "no progress line on stderr")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private int invalid;
    private long audited;
    private ProgressLine progress;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        AppConfig config = options.load(Map.of());
        RulePackRegistry packs = RulePackRegistry.load(config.rulesDir());
        try (ReferenceIndex reference = ServiceAssembly.openReference(config)) {
            return audit(new ShipmentAuditor(packs, Clock.systemUTC(), r -> { }, new ShipmentEnricher(reference,
                    new org.shipaudit.screening.PartyScreening(reference, null,
                            org.shipaudit.reference.screening.ScreeningThresholds.DEFAULTS),
                    config.exchangeRateMaxAgeDays())));
        }
    }

    private Integer audit(ShipmentAuditor auditor) throws IOException {
        ObjectMapper json = Mappers.json();
        ObjectWriter writer = json.writer();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        progress = new ProgressLine(err, quiet, "shipments");
        if (file.toString().endsWith(".jsonl")) {
            long size = Math.max(1, Files.size(file));
            long bytes = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    // Characters, not bytes: close enough for a share of the file, and free.
                    bytes += line.length() + 1;
                    String text = line;
                    if (!text.isBlank()) {
                        auditOne(auditor, writer, out, err, "line " + n, () -> json.readTree(text));
                        progress.update(audited, Math.min(0.999, bytes / (double) size), null);
                    }
                }
            }
        } else {
            try (JsonParser p = json.createParser(file.toFile())) {
                JsonNode root = json.readTree(p);
                JsonNode list = root != null && root.isObject() && root.has("shipments") ? root.get("shipments") : root;
                if (list != null && list.isArray()) {
                    for (int i = 0; i < list.size(); i++) {
                        JsonNode node = list.get(i);
                        auditOne(auditor, writer, out, err, "shipments[" + i + "]", () -> node);
                        progress.update(audited, (i + 1) / (double) list.size(), null);
                    }
                } else {
                    auditOne(auditor, writer, out, err, file.getFileName().toString(), () -> root);
                }
                if (p.nextToken() != null && p.currentToken() != JsonToken.NOT_AVAILABLE) {
                    err.println(file + ": content after the first JSON value is ignored; use .jsonl for one per line");
                }
            }
        }
        out.flush();
        progress.finish(audited);
        return invalid == 0 ? 0 : 1;
    }

    private interface NodeSource {
        JsonNode get() throws IOException;
    }

    private void auditOne(ShipmentAuditor auditor, ObjectWriter writer, PrintWriter out, PrintWriter err, String where,
                          NodeSource source) throws IOException {
        try {
            out.println(writer.writeValueAsString(auditor.audit(ShipmentSchema.read(source.get(), ""))));
            audited++;
        } catch (InvalidInputException e) {
            invalid++;
            for (Violation v : e.violations()) {
                err.println(where + ": " + (v.path().isEmpty() ? "" : v.path() + ": ") + v.message());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            invalid++;
            err.println(where + ": not valid JSON: " + e.getOriginalMessage());
        }
    }
}
