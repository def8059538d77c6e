package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Customs;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentItem;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.WeightUnit;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Values in other currencies judged on the ECB's real rates (the history file carried by moneta-convert-ecb, a test
 * dependency read for that resource only): EEI per Schedule B line on the converted USD value, de minimis in the
 * threshold's currency, and "could not be judged" where no rate is usable. Each case failed before the rates existed.
 */
class CurrencyConversionAuditTest {

    @TempDir
    static Path dir;
    static ReferenceIndex index;
    static ShipmentAuditor auditor;
    static ShipmentAuditor withoutRates;

    @BeforeAll
    static void open() throws IOException {
        Path file = dir.resolve("eurofxref-hist.xml");
        try (InputStream in = CurrencyConversionAuditTest.class.getResourceAsStream(
                "/org/javamoney/moneta/convert/ecb/defaults/eurofxref-hist.xml")) {
            Files.copy(in, file);
        }
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("index"))) {
            assertTrue(importer.importPaths(List.of(file)).get(0).ok());
        }
        index = ReferenceIndex.open(dir.resolve("index"));
        RulePackRegistry packs = RulePackRegistry.load(Path.of("rules"));
        auditor = new ShipmentAuditor(packs, Clock.systemUTC(), r -> { }, new ShipmentEnricher(index));
        withoutRates = new ShipmentAuditor(packs, Clock.systemUTC(), r -> { });
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void eur2400UnderOneScheduleBLineNeedsEeiWhereTheRateOfTheDayTakesItOverUsd2500() {
        Map<String, Finding> f = trade(auditor.audit(tShirts("2023-02-21", 240, "EUR", berlin())));
        Finding eei = f.get("TRD-003");
        assertEquals("BLOCK", eei.severity().name(), f.keySet().toString());
        assertEquals("2559.36", eei.evidence().get("valueUsd"));
        assertEquals("EUR 2400.00 = USD 2559.36 at 1.0664 USD per EUR (ECB euro foreign exchange reference rates, "
                + "2023-02-21)", eei.evidence().get("conversions"));
        assertTrue(!f.containsKey("TRD-014") && !f.containsKey("TRD-015"), f.keySet().toString());
    }

    @Test
    void eur2400IsUnderTheThresholdOnADayTheEuroWasWorthLess() {
        Map<String, Finding> f = trade(auditor.audit(tShirts("2022-09-28", 240, "EUR", berlin())));
        assertTrue(f.containsKey("TRD-014") && !f.containsKey("TRD-003") && !f.containsKey("TRD-015"),
                f.keySet().toString()); // USD 2,295.60 at 0.9565
    }

    @Test
    void eur100IsJudgedNotLeftUnjudgedWhenARateIsLoaded() {
        assertTrue(trade(withoutRates.audit(tShirts("2023-02-21", 10, "EUR", berlin()))).containsKey("TRD-015"));
        Map<String, Finding> f = trade(auditor.audit(tShirts("2023-02-21", 10, "EUR", berlin())));
        assertTrue(f.containsKey("TRD-014") && !f.containsKey("TRD-015"), f.keySet().toString());
    }

    @Test
    void aShipDatePastTheRateWindowIsStillNotJudged() {
        Map<String, Finding> f = trade(auditor.audit(tShirts("2026-11-20", 10, "EUR", berlin())));
        assertTrue(f.containsKey("TRD-015") && !f.containsKey("TRD-014"), f.keySet().toString());
    }

    @Test
    void usdValuesAreJudgedAgainstTheEuDeMinimisInEuros() {
        Address paris = new Address("Marie Dupont", null, "1 Rue de Rivoli", null, "Paris", null, "75001", "FR", true);
        Finding within = trade(auditor.audit(tShirts("2023-02-21", 10, "USD", paris))).get("TRD-010");
        assertEquals("EUR 93.77", within.evidence().get("valueInThresholdCurrency"));
        assertTrue(within.evidence().get("conversions").startsWith("USD 100.00 = EUR 93.77 at 0.937734 EUR per USD"),
                within.evidence().get("conversions"));
        Map<String, Finding> over = trade(auditor.audit(tShirts("2023-02-21", 20, "USD", paris)));
        assertTrue(!over.containsKey("TRD-010") && !over.containsKey("TRD-016"), over.keySet().toString());
        Finding unjudged = trade(withoutRates.audit(tShirts("2023-02-21", 10, "USD", paris))).get("TRD-016");
        assertEquals("INFO", unjudged.severity().name());
    }

    private static Map<String, Finding> trade(AuditResult r) {
        return r.findings().stream().filter(f -> f.pack().equals("trade"))
                .collect(Collectors.toMap(Finding::ruleId, f -> f, (a, b) -> a));
    }

    private static Address berlin() {
        return new Address("Max Mustermann", null, "Invalidenstrasse 117", null, "Berlin", null, "10115", "DE", true);
    }

    private static Shipment tShirts(String date, int quantity, String currency, Address to) {
        Address from = new Address(null, null, "100 Main St", null, "Columbus", "OH", "43215", "US", false);
        ShipmentItem shirts = new ShipmentItem("SKU-1", "Men's cotton knit t-shirt", "6109.10.0012", "BD", quantity,
                new Money(new BigDecimal("10.00"), currency), new Weight(0.2, WeightUnit.KG), null, null);
        return new Shipment("S-1", LocalDate.parse(date), "UPS", "WORLDWIDE_SAVER", from, to, List.of(),
                List.of(shirts), new Customs("DAP", null, "CI-1", "SALE"), null);
    }
}
