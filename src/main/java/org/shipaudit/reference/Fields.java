package org.shipaudit.reference;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The index schema: field names, document kinds, and the key formats of exact look-ups.
 *
 * <p>Every exact look-up goes through the one keyword field {@link #KEY} with a kind prefix ("postal:US:10001"),
 * so all of them share one terms dictionary and one code path. Stored values are plain strings; lists are joined
 * with {@link #SEP}.
 */
final class Fields {
    static final String KIND = "kind";
    static final String SOURCE = "source";
    static final String KEY = "key";
    static final String SCHEDULE = "schedule";
    /** The line's own text, analyzed with {@link TariffAnalyzer}. */
    static final String TEXT = "text";
    /** The text of the line's ancestors, analyzed the same way and weighted lower at search time. */
    static final String PATH_TEXT = "ptext";

    static final String KIND_TARIFF = "tariff";
    static final String KIND_HAZMAT = "hazmat";
    static final String KIND_POSTAL = "postal";
    static final String KIND_COUNTRY = "country";
    static final String KIND_SUBDIVISION = "subdivision";
    static final String KIND_CURRENCY = "currency";
    static final String KIND_EDITION = "edition";
    static final String KIND_DELIVERY_AREA = "das";
    static final String KIND_FUEL = "fuel";
    static final String KIND_RATE = "rate";
    /** One amount of a carrier's published accessorial table (residential, delivery area, additional handling...). */
    static final String KIND_ACCESSORIAL = "accessorial";
    /** A curated description pointing at tariff codes: a search term, guidance, or a chapter-note exclusion. */
    static final String KIND_TERM = "tariffterm";
    /** One synonym line of the UK tariff search, held in memory for query expansion. */
    static final String KIND_SYNONYM = "synonym";
    /** A description too vague to classify, held in memory. */
    static final String KIND_VAGUE = "vague";
    /** A name of a restricted-party list entry (one document per name and alias). */
    static final String KIND_SCREENING = "screening";
    /** One publication day of euro reference rates (ECB), keyed by {@link #exchangeRateDayKey}. */
    static final String KIND_FX_DAY = "fxday";
    /** One origin's cells of a carrier zone chart (reference.zones), as binary doc values. */
    static final String KIND_ZONE_BLOCK = "zoneblock";

    static final String SEP = "\n";

    private Fields() {
    }

    static String tariffKey(String schedule, String digits) {
        return "tariff:" + schedule + ":" + digits;
    }

    static String hazmatKey(String unNumber) {
        return "hazmat:" + unNumber;
    }

    /** A "Forbidden" entry by its name ({@link org.shipaudit.model.lookup.HazmatNames#core}): such entries have no number. */
    static String hazmatNameKey(String coreName) {
        return "hazname:" + coreName;
    }

    static String postalKey(String country, String normalizedCode) {
        return "postal:" + country + ":" + normalizedCode;
    }

    static String postalCityKey(String country, String normalizedCity) {
        return "postcity:" + country + ":" + normalizedCity;
    }

    static String countryKey(String alpha2) {
        return "country:" + alpha2;
    }

    static String subdivisionKey(String isoCode) {
        return "subdivision:" + isoCode;
    }

    static String subdivisionNameKey(String country, String normalizedName) {
        return "subname:" + country + ":" + normalizedName;
    }

    static String currencyKey(String code) {
        return "currency:" + code;
    }

    /** @param list the list's id within the carrier: its year (our layout) or its effective date (carrier files) */
    static String deliveryAreaKey(String carrier, String list, String zip) {
        return "das:" + carrier + ":" + list + ":" + zip;
    }

    static String fuelKey(String carrier, String group) {
        return "fuel:" + carrier + ":" + group;
    }

    static String rateKey(String carrier, String service, String zone, int weightLb) {
        return "rate:" + carrier + ":" + service + ":" + zone + ":" + weightLb;
    }

    static String exchangeRateDayKey(String source, java.time.LocalDate day) {
        return source + ":" + day;
    }

    static String editionKey(String source) {
        return "edition:" + source;
    }

    static Document base(String kind, String source) {
        Document d = new Document();
        d.add(new StringField(KIND, kind, Field.Store.NO));
        d.add(new StringField(SOURCE, source, Field.Store.NO));
        return d;
    }

    static void key(Document d, String key) {
        d.add(new StringField(KEY, key, Field.Store.NO));
    }

    static void store(Document d, String name, String value) {
        if (value != null && !value.isEmpty()) {
            d.add(new StoredField(name, value));
        }
    }

    static void text(Document d, String name, String value) {
        if (value != null && !value.isEmpty()) {
            d.add(new TextField(name, value, Field.Store.NO));
        }
    }
}
