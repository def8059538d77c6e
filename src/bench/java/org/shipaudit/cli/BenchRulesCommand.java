package org.shipaudit.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.bench.ClassifyCase;
import org.shipaudit.bench.RulesBench;
import org.shipaudit.bench.ShipmentGenerator;
import org.shipaudit.config.AppConfig;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * bench rules: the CPU and allocation of the pre-ship rule packs alone, per audit and per pack, on the shipments
 * {@code bench preship} generates (same seed, titles and official data), warm, over many rounds in one thread. With
 * {@code --findings}, also writes every shipment's findings as the auditor answers them, so two builds can be shown
 * to find the same.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run every pre-ship pack over the facts of generated shipments (built once, reference look-ups "
                + "included) and report thread CPU and allocation per audit per pack, warm, over many rounds."})
public final class BenchRulesCommand implements Callable<Integer> {

    @Option(names = "--shipments", defaultValue = "2000", description = "distinct generated shipments (default: 2000)")
    int shipments;

    @Option(names = "--warmup-rounds", defaultValue = "10", description = "rounds over every shipment not measured (default: 10)")
    int warmupRounds;

    @Option(names = "--rounds", defaultValue = "10", description = "measured rounds over every shipment (default: 10)")
    int rounds;

    @Option(names = "--findings", paramLabel = "FILE",
            description = "also write each shipment's findings (JSON lines: shipment id, findings) to compare builds")
    Path findings;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Mixin
    BenchWorkloadOptions workload;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        if (shipments < 1 || rounds < 1 || warmupRounds < 0) {
            throw new IllegalArgumentException("--shipments and --rounds must be at least 1, --warmup-rounds at least 0");
        }
        List<ClassifyCase> cases = workload.titles(log);
        AppConfig config = workload.inProcessConfig(options, log);
        RulePackRegistry packs = RulePackRegistry.load(config.rulesDir());
        List<RulePack> order = RulesBench.preshipOrder(packs.snapshot());
        log.println("pre-ship packs: " + order.stream().map(p -> p.name() + "@" + p.version()).toList());
        EvaluationPolicy policy = EvaluationPolicy.defaults();
        try (ReferenceIndex reference = ServiceAssembly.openReference(config)) {
            ShipmentAuditor auditor = BenchWorkloadOptions.auditor(config, packs, reference, policy);
            ShipmentGenerator generator = new ShipmentGenerator(workload.seed, workload.mistakeRate, workload.shipDate, cases);
            List<Shipment> generated = new ArrayList<>(shipments);
            for (int i = 0; i < shipments; i++) {
                generated.add(generator.next().shipment());
            }
            if (findings != null) {
                writeFindings(auditor, generated, findings);
                log.println("findings of " + shipments + " shipments written to " + findings);
            }
            List<List<Object>> facts = new ArrayList<>(shipments);
            for (Shipment s : generated) {
                facts.add(auditor.facts(s));
            }
            RulesBench.Result result = new RulesBench(log).run(order, facts, policy.preship(), warmupRounds, rounds);
            RulesBench.print(result, out);
        }
        return 0;
    }

    /** One line per shipment: its id and the findings the auditor answers, in the answer's order. */
    private static void writeFindings(ShipmentAuditor auditor, List<Shipment> shipments, Path file) throws Exception {
        ObjectWriter json = Mappers.json().writer();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (Shipment s : shipments) {
                AuditResult r = auditor.audit(s);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("shipment", s.id());
                line.put("verdict", r.verdict());
                line.put("findings", r.findings());
                line.put("billableWeights", r.billableWeight());
                w.write(json.writeValueAsString(line));
                w.newLine();
            }
        }
    }
}
