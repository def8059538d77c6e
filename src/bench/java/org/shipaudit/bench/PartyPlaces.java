package org.shipaudit.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.shipaudit.reference.ReferenceIndex;

/**
 * Where the parties of {@code bench screening --with-countries} are: the country (ISO) and city a shipment gives
 * beside the name, which the screening corroborates against the entry's countries and address cities.
 *
 * <p>Assumptions (written here, not measured on real shipments): a consignee leaves the country out one time in
 * {@value #OMITTED_PERCENT} % (a form half filled in, a marketplace export without it); a variant of a listed name
 * otherwise gives one of the entry's own countries (address, nationality or citizenship, drawn alike), and, when
 * the entry has address cities, one of them {@value #LISTED_CITY_PERCENT} % of the time (else a city the list does not
 * know, which corroborates nothing: no city). An ordinary customer with a country always gives a city, the large
 * cities of its country drawn alike, so a listed entry's Dubai or Tehran address corroborates homonyms living
 * there: the worst case for false positives. Its country is drawn in proportion to where people with names of its
 * origin live and buy ({@link #COUNTRIES}): the home region first, then the diaspora in Europe and North America.
 */
final class PartyPlaces {
    static final int OMITTED_PERCENT = 20;
    static final int LISTED_CITY_PERCENT = 70;

    /** A party's place; both empty when the shipment gives none. */
    record Place(String country, String city) {
        static final Place NONE = new Place(null, null);
    }

    /**
     * Countries per origin of an ordinary name, with weights summing to 100 (percent). Why these: the Gulf hosts the
     * largest trade hubs of Arabic-, Persian- and South Asian-named buyers; Germany, the UK, France, the US and
     * Canada their largest diasporas; Russian and Ukrainian names are also common in Kazakhstan, Belarus, Israel and
     * Germany; Turkish names in Germany, the Netherlands and Austria.
     */
    static final Map<OrdinaryNames.Origin, Object[]> COUNTRIES = new EnumMap<>(Map.of(
            OrdinaryNames.Origin.WESTERN_EAST_ASIAN_AFRICAN, new Object[] {"US", 30, "GB", 12, "DE", 10, "FR", 8,
                "IT", 5, "ES", 5, "NL", 4, "CA", 5, "AU", 3, "JP", 5, "CN", 6, "NG", 4, "GH", 3},
            OrdinaryNames.Origin.ARABIC, new Object[] {"AE", 18, "SA", 14, "EG", 9, "JO", 5, "LB", 5, "KW", 5, "QA", 4,
                "OM", 4, "BH", 2, "MA", 5, "IQ", 3, "GB", 6, "FR", 5, "DE", 5, "US", 7, "CA", 3},
            OrdinaryNames.Origin.PERSIAN, new Object[] {"IR", 30, "AE", 12, "TR", 5, "DE", 12, "US", 16, "GB", 8,
                "CA", 9, "SE", 5, "FR", 3},
            OrdinaryNames.Origin.RUSSIAN_UKRAINIAN, new Object[] {"RU", 35, "UA", 20, "BY", 5, "KZ", 8, "DE", 10,
                "US", 7, "IL", 5, "PL", 5, "GB", 3, "LV", 2},
            OrdinaryNames.Origin.TURKISH, new Object[] {"TR", 65, "DE", 20, "NL", 5, "AT", 3, "FR", 4, "GB", 3},
            OrdinaryNames.Origin.SOUTH_ASIAN, new Object[] {"IN", 45, "PK", 15, "BD", 8, "GB", 12, "US", 10, "AE", 7,
                "CA", 3}));

    /** The largest cities of each country above, as a shipment writes them. */
    static final Map<String, List<String>> CITIES = Map.ofEntries(
            Map.entry("US", List.of("New York", "Houston", "Los Angeles", "Chicago")),
            Map.entry("GB", List.of("London", "Manchester", "Birmingham")),
            Map.entry("DE", List.of("Berlin", "Hamburg", "Munich", "Frankfurt")),
            Map.entry("FR", List.of("Paris", "Lyon", "Marseille")),
            Map.entry("IT", List.of("Milan", "Rome")),
            Map.entry("ES", List.of("Madrid", "Barcelona")),
            Map.entry("NL", List.of("Amsterdam", "Rotterdam")),
            Map.entry("CA", List.of("Toronto", "Montreal", "Vancouver")),
            Map.entry("AU", List.of("Sydney", "Melbourne")),
            Map.entry("JP", List.of("Tokyo", "Osaka")),
            Map.entry("CN", List.of("Shanghai", "Shenzhen", "Beijing", "Guangzhou")),
            Map.entry("NG", List.of("Lagos", "Abuja")),
            Map.entry("GH", List.of("Accra")),
            Map.entry("AE", List.of("Dubai", "Abu Dhabi", "Sharjah")),
            Map.entry("SA", List.of("Riyadh", "Jeddah", "Dammam")),
            Map.entry("EG", List.of("Cairo", "Alexandria")),
            Map.entry("JO", List.of("Amman")),
            Map.entry("LB", List.of("Beirut")),
            Map.entry("KW", List.of("Kuwait City")),
            Map.entry("QA", List.of("Doha")),
            Map.entry("OM", List.of("Muscat")),
            Map.entry("BH", List.of("Manama")),
            Map.entry("MA", List.of("Casablanca", "Rabat")),
            Map.entry("IQ", List.of("Baghdad", "Erbil", "Basra")),
            Map.entry("IR", List.of("Tehran", "Isfahan", "Mashhad", "Shiraz", "Tabriz")),
            Map.entry("TR", List.of("Istanbul", "Ankara", "Izmir")),
            Map.entry("SE", List.of("Stockholm")),
            Map.entry("RU", List.of("Moscow", "Saint Petersburg", "Novosibirsk", "Yekaterinburg")),
            Map.entry("UA", List.of("Kyiv", "Kharkiv", "Odesa")),
            Map.entry("BY", List.of("Minsk")),
            Map.entry("KZ", List.of("Almaty", "Astana")),
            Map.entry("IL", List.of("Tel Aviv", "Haifa")),
            Map.entry("PL", List.of("Warsaw")),
            Map.entry("LV", List.of("Riga")),
            Map.entry("AT", List.of("Vienna")),
            Map.entry("IN", List.of("Mumbai", "Delhi", "Chennai", "Bengaluru")),
            Map.entry("PK", List.of("Karachi", "Lahore")),
            Map.entry("BD", List.of("Dhaka")));

    private final Random random;

    /** Seeded apart from the names, so the same seed gives the same names with or without places. */
    PartyPlaces(long seed) {
        this.random = new Random(seed);
    }

    /** A variant's place: one of its entry's countries and, sometimes, address cities; or none. */
    Place forListed(ReferenceIndex.ListedNameSample s) {
        if (random.nextInt(100) < OMITTED_PERCENT || s.countries().isEmpty()) {
            return Place.NONE;
        }
        String country = s.countries().get(random.nextInt(s.countries().size()));
        String city = !s.cities().isEmpty() && random.nextInt(100) < LISTED_CITY_PERCENT
                ? s.cities().get(random.nextInt(s.cities().size())) : null;
        return new Place(country, city);
    }

    /** An ordinary customer's place: a country in proportion to its name's origin and one of its cities; or none. */
    Place forOrdinary(OrdinaryNames.Origin origin) {
        if (random.nextInt(100) < OMITTED_PERCENT) {
            return Place.NONE;
        }
        Object[] weights = COUNTRIES.get(origin);
        int draw = random.nextInt(100);
        for (int i = 0; i < weights.length; i += 2) {
            draw -= (Integer) weights[i + 1];
            if (draw < 0) {
                String country = (String) weights[i];
                List<String> cities = CITIES.get(country);
                return new Place(country, cities.get(random.nextInt(cities.size())));
            }
        }
        throw new IllegalStateException("the weights of " + origin + " do not sum to 100");
    }
}
