package org.shipaudit.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.shipaudit.bench.ShipmentGenerator;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentSchema;

/**
 * The shipments every micro-benchmark works on: the load generator's own mix (seed 42, 5 % planted mistakes), as
 * bytes, trees and records, cycled so that no single shipment's shape is all the JIT sees.
 */
@State(Scope.Thread)
public class Shipments {

    @Param("1000")
    int count;

    List<byte[]> json;
    List<JsonNode> trees;
    List<Shipment> shipments;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
        ShipmentGenerator generator = new ShipmentGenerator(42, 0.05, LocalDate.of(2026, 11, 20));
        json = new ArrayList<>(count);
        trees = new ArrayList<>(count);
        shipments = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                byte[] bytes = generator.nextJson();
                JsonNode tree = Mappers.json().readTree(bytes);
                json.add(bytes);
                trees.add(tree);
                shipments.add(ShipmentSchema.read(tree, ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of the next shipment to use, round robin. */
    int next() {
        int i = next;
        next = i + 1 == count ? 0 : i + 1;
        return i;
    }
}
