package org.shipaudit.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
import org.openjdk.jmh.infra.Blackhole;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentSchema;
import org.shipaudit.rules.RulePackRegistry;

/**
 * JSON mapping on the request path, as the audit handler does it: bytes to tree, schema validation and binding
 * (ShipmentSchema.read), and the AuditResult back to bytes. The parts are measured apart too, to show which one costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class JsonBenchmark {

    List<AuditResult> results;

    @Setup
    public void audit(Shipments s) {
        ShipmentAuditor auditor = new ShipmentAuditor(RulePackRegistry.load(Path.of("rules")), Clock.systemUTC(),
                r -> { });
        results = new ArrayList<>();
        for (Shipment shipment : s.shipments) {
            results.add(auditor.audit(shipment));
        }
    }

    /** What the handler does before the audit: parse, validate, bind. */
    @Benchmark
    public Shipment parseValidateBind(Shipments s) throws IOException {
        return ShipmentSchema.read(Mappers.json().readTree(s.json.get(s.next())), "");
    }

    @Benchmark
    public JsonNode parseOnly(Shipments s) throws IOException {
        return Mappers.json().readTree(s.json.get(s.next()));
    }

    @Benchmark
    public void validateOnly(Shipments s, Blackhole bh) {
        bh.consume(ShipmentSchema.SHIPMENT.validate(s.trees.get(s.next())));
    }

    @Benchmark
    public Shipment bindOnly(Shipments s) throws IOException {
        return Mappers.json().treeToValue(s.trees.get(s.next()), Shipment.class);
    }

    /** What the handler does after the audit. */
    @Benchmark
    public byte[] serialiseResult(Shipments s) throws IOException {
        return Mappers.json().writeValueAsBytes(results.get(s.next() % results.size()));
    }
}
