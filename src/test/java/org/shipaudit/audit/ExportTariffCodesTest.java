package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.shipaudit.OfficialData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.Finding;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.ShipmentFacts;
import org.shipaudit.model.api.ShipmentSchema;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackFiles;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackCompiler;

/**
 * A US export's 10-digit code is judged in HTSUS / Schedule B (the origin's schedule), the destination's tariff only
 * at HS 6: on the official HS, HTSUS and EU CN files (../shared/reference-data/tariff, imported once for the class).
 * Skipped when the official data is absent.
 */
@OfficialData
class ExportTariffCodesTest {

    static final Path TARIFF = Path.of("..", "shared", "reference-data", "tariff");
    @TempDir
    static Path dir;
    static ReferenceIndex index;
    static RulePack hsCodes;

    @BeforeAll
    static void importTariffs() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(TARIFF),
                "the official tariffs are not at " + TARIFF + "; see reference-data/SOURCES.md");
        try (ReferenceImporter importer = ReferenceImporter.open(dir)) {
            importer.importPaths(List.of(TARIFF));
        }
        index = ReferenceIndex.open(dir);
        hsCodes = RulePackCompiler.compile(PackFiles.read(Path.of("rules", "hs-codes")));
    }

    @AfterAll
    static void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    static List<Finding> hsc005(String hsCodeOfFirstItem) throws IOException {
        ObjectNode json = (ObjectNode) Mappers.json().readTree(Files.readString(Path.of("src/site/examples/shipment-us-to-germany.json")));
        if (hsCodeOfFirstItem != null) {
            ((ObjectNode) json.get("items").get(0)).put("hsCode", hsCodeOfFirstItem);
        }
        Shipment s = ShipmentSchema.read(json, "");
        List<Object> facts = new ArrayList<>(ShipmentFacts.of(s, s.shipDate()));
        facts.addAll(new ShipmentEnricher(index).facts(s, facts));
        return PackEvaluator.evaluate(hsCodes, facts).findings().stream()
                .filter(f -> f.ruleId().equals("HSC-005")).toList();
    }

    @Test
    void acceptsTheUsCodesOfTheReadmeExportToGermany() throws IOException {
        assertEquals(List.of(), hsc005(null));
    }

    @Test
    void judgesAUsExportCodeInHtsus() throws IOException {
        // 6109.10 exists; 6109.10.0099 is not an HTSUS statistical line.
        List<Finding> f = hsc005("6109.10.0099");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("HTSUS"), f.get(0).message());
    }
}
