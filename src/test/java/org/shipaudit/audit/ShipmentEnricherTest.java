package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.AddressCheck;
import org.shipaudit.model.api.DangerousGoods;
import org.shipaudit.model.HazmatFact;
import org.shipaudit.model.HazmatLookup;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentItem;
import org.shipaudit.model.TariffMatch;
import org.shipaudit.model.TariffSuggestion;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.WeightUnit;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackRegistry;

/** The reference facts the enrichment adds, on the bundled sample. */
class ShipmentEnricherTest {

    @TempDir
    static Path dir;
    static ReferenceIndex index;
    static RulePackRegistry packs;

    @BeforeAll
    static void open() throws IOException {
        ReferenceImporter.importBundledIfEmpty(dir, Path.of("reference-data"));
        index = ReferenceIndex.open(dir);
        packs = RulePackRegistry.load(Path.of("rules"));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static ShipmentItem item(String description, String hs, DangerousGoods dg) {
        return new ShipmentItem("S", description, hs, "CN", 1, new Money(BigDecimal.TEN, "USD"),
                new Weight(0.2, WeightUnit.KG), null, dg);
    }

    static Shipment shipment(Address to, ShipmentItem... items) {
        Address from = new Address(null, null, "100 Main St", null, "Columbus", "OH", "43215", "US", false);
        return new Shipment("E", LocalDate.of(2026, 11, 20), "UPS", "WORLDWIDE_SAVER", from, to, List.of(),
                List.of(items), null, null);
    }

    static List<Object> enrich(Shipment s) {
        return new ShipmentAuditor(packs, Clock.systemUTC(), r -> { }, new ShipmentEnricher(index)).facts(s);
    }

    static <T> List<T> of(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void looksTheDeclaredCodeUpInHsAndInTheOriginsScheduleForAnExportToGermany() {
        Address berlin = new Address("M", null, "Invalidenstrasse 117", null, "Berlin", null, "10115", "DE", true);
        List<Object> facts = enrich(shipment(berlin, item("Men's cotton knit t-shirt", "6109.10.0012", null)));
        Map<String, TariffMatch> bySchedule = new java.util.TreeMap<>();
        of(facts, TariffMatch.class).forEach(m -> bySchedule.put(m.getSchedule(), m));
        // EU CN is not in the sample, so the US export's HTSUS (the origin's schedule) is used.
        assertEquals(List.of("HS", "HTSUS"), List.copyOf(bySchedule.keySet()));
        assertTrue(bySchedule.get("HS").isFound());
        assertEquals("6109.10", bySchedule.get("HS").getCode());
        assertTrue(bySchedule.get("HTSUS").isFound());
        assertTrue(bySchedule.get("HS").isSampleOnly());
        TariffSuggestion best = of(facts, TariffSuggestion.class).get(0);
        assertEquals(1, best.getRank());
        // The classifier's best heading, with its confidence and why.
        assertEquals("6109", best.getCode());
        assertTrue(best.getScore() > 0 && best.getScore() <= 1, String.valueOf(best.getScore()));
        assertTrue(best.getReasons().contains("matched"), best.getReasons());
    }

    @Test
    void reportsAnUnknownNationalLineAndAHeadingTheSampleDoesNotHold() {
        Address berlin = new Address("M", null, "Invalidenstrasse 117", null, "Berlin", null, "10115", "DE", true);
        List<Object> facts = enrich(shipment(berlin, item("Cooking pot", "7323.93.0045", null),
                item("T-shirt", "6109.10.9999", null)));
        TariffMatch pot = of(facts, TariffMatch.class).stream()
                .filter(m -> m.getItemIndex() == 0 && m.getSchedule().equals("HS")).findFirst().orElseThrow();
        assertFalse(pot.isFound());
        assertFalse(pot.isHeadingFound());
        TariffMatch hts = of(facts, TariffMatch.class).stream()
                .filter(m -> m.getItemIndex() == 1 && m.getSchedule().equals("HTSUS")).findFirst().orElseThrow();
        assertFalse(hts.isFound());
        assertTrue(hts.isHeadingFound());
    }

    @Test
    void addsTheHazardousMaterialsTableEntriesOfADeclaredUnNumber() {
        DangerousGoods dg = new DangerousGoods("3480", "Lithium ion batteries", "9", null, "965", "II", 20.0, null,
                null, false, false);
        Address dc = new Address(null, null, "1745 T St SE", null, "Washington", "DC", "20020", "US", true);
        List<Object> facts = enrich(shipment(dc, item("Battery", "8507.60", dg)));
        HazmatLookup lookup = of(facts, HazmatLookup.class).get(0);
        assertEquals("UN3480", lookup.getUnNumber());
        assertTrue(lookup.isFound());
        HazmatFact entry = of(facts, HazmatFact.class).get(0);
        assertTrue(entry.isForbiddenOnPassengerAircraft());
        assertEquals("9", entry.getHazardClass());
    }

    @Test
    void checksBothAddressesAndOffersTheStateAPostalCodeIsIn() {
        Address wrong = new Address(null, null, "350 Fifth Avenue", null, "New York", "CA", "10001", "US", false);
        List<Object> facts = enrich(shipment(wrong, item("Mug", "6912.00", null)));
        Map<String, AddressCheck> checks = new java.util.TreeMap<>();
        of(facts, AddressCheck.class).forEach(c -> checks.put(c.getSubject(), c));
        assertTrue(checks.get("shipFrom").isValid());
        AddressCheck to = checks.get("shipTo");
        assertFalse(to.isValid());
        assertTrue(to.isStateMismatch());
        assertTrue(to.isSampleDataOnly());
        assertTrue(to.getCandidates().get(0).contains("NY"), to.getCandidates().toString());
        assertTrue(to.getPlaces().get(0).startsWith("10001 New York"), to.getPlaces().toString());
    }

    @Test
    void checksAUsTerritoryWrittenAsAStateAgainstItsOwnPostalData() {
        Address sanJuan = new Address(null, null, "1 Calle Fortaleza", null, "San Juan", "PR", "00901", "US", false);
        AddressCheck to = of(enrich(shipment(sanJuan, item("Mug", "6912.00", null))), AddressCheck.class).stream()
                .filter(c -> c.getSubject().equals("shipTo")).findFirst().orElseThrow();
        assertTrue(to.isValid(), to.getIssues().toString());
        assertFalse(to.isPostalCodeUnknown());
    }

    @Test
    void addsNoReferenceFactsWithoutAnIndex() {
        Address dc = new Address(null, null, "1745 T St SE", null, "Washington", "DC", "20020", "US", true);
        List<Object> facts = new ShipmentAuditor(packs, Clock.systemUTC(), r -> { }).facts(shipment(dc, item("Mug", "6912.00", null)));
        assertTrue(of(facts, TariffMatch.class).isEmpty());
        assertTrue(of(facts, AddressCheck.class).isEmpty());
    }
}
