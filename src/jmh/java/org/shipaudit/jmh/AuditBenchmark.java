package org.shipaudit.jmh;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.model.ShipmentFacts;
import org.shipaudit.rules.RulePackRegistry;

/**
 * The evaluation hot path without HTTP: one shipment through every active rule pack (today the weights pack, from
 * ./rules), and the normalisation into facts that precedes it. Enrichment from the reference index joins here once
 * that index exists.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Drools' generated rule classes take the JIT about 15 s to settle; three 2 s iterations left it mid-way (the score
// still halving between iterations).
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class AuditBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    ShipmentAuditor auditor;

    @Setup
    public void loadPacks() {
        auditor = new ShipmentAuditor(RulePackRegistry.load(Path.of("rules")), Clock.systemUTC(), r -> { });
    }

    /** ShipmentAuditor.audit: facts, a fresh Drools session per pack, findings sorted, the result built. */
    @Benchmark
    public AuditResult auditOneShipment(Shipments s) {
        return auditor.audit(s.shipments.get(s.next()));
    }

    /** ShipmentFacts.of: the normalisation (units, service aliases, items per package) before the rules. */
    @Benchmark
    public List<Object> shipmentFacts(Shipments s) {
        return ShipmentFacts.of(s.shipments.get(s.next()), TODAY);
    }
}
