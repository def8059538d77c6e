package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shipaudit.reference.ReferenceIndex;

class PartyPlacesTest {
    private static final ReferenceIndex.ListedNameSample LISTED = new ReferenceIndex.ListedNameSample("OFAC_SDN", "1",
            "entity", "Example Front Trading", "PRIMARY", List.of("AE", "IR"), List.of("dubai", "tehran"));

    @Test
    void everyOriginsWeightsSumToAHundredAndEveryCountryHasCities() {
        for (OrdinaryNames.Origin o : OrdinaryNames.Origin.values()) {
            Object[] w = PartyPlaces.COUNTRIES.get(o);
            assertNotNull(w, o.name());
            int sum = 0;
            for (int i = 0; i < w.length; i += 2) {
                sum += (Integer) w[i + 1];
                assertTrue(PartyPlaces.CITIES.containsKey((String) w[i]), "no cities for " + w[i]);
            }
            assertEquals(100, sum, o.name());
        }
    }

    @Test
    void aVariantGivesOneOfItsEntrysCountriesAndCitiesOrNothing() {
        PartyPlaces places = new PartyPlaces(16);
        int omitted = 0;
        int cities = 0;
        for (int i = 0; i < 2000; i++) {
            PartyPlaces.Place p = places.forListed(LISTED);
            if (p.country() == null) {
                omitted++;
                assertNull(p.city());
                continue;
            }
            assertTrue(LISTED.countries().contains(p.country()), p.country());
            if (p.city() != null) {
                cities++;
                assertTrue(LISTED.cities().contains(p.city()), p.city());
            }
        }
        assertEquals(PartyPlaces.OMITTED_PERCENT / 100.0, omitted / 2000.0, 0.03);
        assertEquals(PartyPlaces.LISTED_CITY_PERCENT / 100.0, cities / (2000.0 - omitted), 0.04);
    }

    @Test
    void anEntryWithoutCountriesGivesNoPlace() {
        ReferenceIndex.ListedNameSample bare = new ReferenceIndex.ListedNameSample("UN_SC", "QDi.1", "individual",
                "Someone", "PRIMARY", List.of(), List.of("kabul"));
        assertEquals(PartyPlaces.Place.NONE, new PartyPlaces(1).forListed(bare));
    }

    @Test
    void anOrdinaryCustomersCountryFollowsTheOriginOfTheName() {
        PartyPlaces places = new PartyPlaces(17);
        Map<String, Integer> counts = new HashMap<>();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            PartyPlaces.Place p = places.forOrdinary(OrdinaryNames.Origin.PERSIAN);
            if (p.country() != null) {
                assertTrue(PartyPlaces.CITIES.get(p.country()).contains(p.city()), p.city() + " in " + p.country());
                counts.merge(p.country(), 1, Integer::sum);
            }
        }
        int given = counts.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(1 - PartyPlaces.OMITTED_PERCENT / 100.0, given / (double) n, 0.02);
        assertEquals(0.30, counts.get("IR") / (double) given, 0.02);
        assertEquals(0.16, counts.get("US") / (double) given, 0.02);
        assertNull(counts.get("RU"), "no Persian-named customer is drawn in Russia");
    }

    @Test
    void theSameSeedGivesTheSamePlaces() {
        PartyPlaces a = new PartyPlaces(18);
        PartyPlaces b = new PartyPlaces(18);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.forOrdinary(OrdinaryNames.Origin.ARABIC), b.forOrdinary(OrdinaryNames.Origin.ARABIC));
            assertEquals(a.forListed(LISTED), b.forListed(LISTED));
        }
    }
}
