package org.shipaudit.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.shipaudit.model.AccessorialCharge;
import org.shipaudit.model.DeliveryAreaTier;

/**
 * Imports a carrier's accessorial amounts (residential, delivery area by tier, additional handling by trigger and
 * zone, large package / oversize by zone) from the JSON summary of its published surcharge table, the layout of
 * {@code ups_accessorials_2026_derived.json} and {@code fedex_accessorials_2026_derived.json}
 * (reference-data/SOURCES.md): a {@code _meta} object with {@code effectiveDate} and {@code source} (the carrier's
 * document), then one key per accessorial. The carrier is read from {@code _meta.source}, the edition's first day
 * from {@code _meta.effectiveDate}; an edition is in force from that day until the carrier's next one, and importing
 * the same edition again replaces it (one source per carrier and effective date).
 *
 * <p>Keys this importer does not price (address correction, declared value, programme rates) are left out and listed
 * in the summary; a malformed amount stops the file naming its path, so the previous edition stays as it was.
 */
final class AccessorialTableImporter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** {@code groundResidentialExtended}, {@code expressCommercial}, {@code remoteResidential}, {@code airCommercial}. */
    private static final Pattern DAS_KEY = Pattern.compile("(ground|air|express|remote)(Commercial|Residential)(Extended)?");
    /** Accessorials listed in the carriers' tables that no rule prices yet. */
    private static final java.util.Set<String> NOT_PRICED = java.util.Set.of("addressCorrection", "declaredValue",
            "saturdayDelivery", "smallBusiness");

    private AccessorialTableImporter() {
    }

    /** True when a JSON object's top-level keys are those of a carrier accessorial table. */
    static boolean recognises(java.util.Set<String> topKeys) {
        return topKeys.contains("_meta") && topKeys.contains("additionalHandling")
                && (topKeys.contains("deliveryAreaSurcharge") || topKeys.contains("residentialSurcharge"));
    }

    static ImportSummary run(ImportRun run, Path file, String edition) throws IOException {
        JsonNode root;
        try (Reader r = ReferenceFiles.reader(file)) {
            root = JSON.readTree(r);
        } catch (JsonProcessingException e) {
            throw new MalformedReferenceFileException(run.file, e.getLocation() == null ? 0
                    : e.getLocation().getLineNr(), "not readable as JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedReferenceFileException(run.file, 0, "expected a JSON object with _meta and one key "
                    + "per accessorial");
        }
        JsonNode meta = root.path("_meta");
        String carrier = carrier(run, meta.path("source").asText(""));
        LocalDate from;
        try {
            from = LocalDate.parse(meta.path("effectiveDate").asText(""));
        } catch (DateTimeParseException e) {
            throw new MalformedReferenceFileException(run.file, 0, "_meta.effectiveDate: expected the table's "
                    + "effective date as YYYY-MM-DD, found '" + meta.path("effectiveDate").asText("") + "'");
        }
        String label = carrier + " accessorials effective " + from + " (" + meta.path("source").asText("").trim()
                + "; " + edition + ")";
        Amounts reader = new Amounts(run, carrier, from, label);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "_meta" -> { }
                case "residentialSurcharge" -> reader.residential(key, v);
                case "homeDeliveryResidentialSurcharge" ->
                        reader.add(key, AccessorialCharge.RESIDENTIAL, true, false, null, v);
                case "deliveryAreaSurcharge" -> reader.deliveryArea(key, v);
                case "remoteAreaSurcharge" -> reader.remoteArea(key, v);
                case "additionalHandling" -> {
                    reader.zoned(key + ".weight", AccessorialCharge.ADDITIONAL_HANDLING_WEIGHT, null, v.path("weight"));
                    reader.zoned(key + ".dimensions", AccessorialCharge.ADDITIONAL_HANDLING_DIMENSIONS, null,
                            v.path("dimensions"));
                    reader.zoned(key + ".packaging", AccessorialCharge.ADDITIONAL_HANDLING_PACKAGING, null,
                            v.path("packaging"));
                }
                case "largePackageSurcharge" -> {
                    reader.zoned(key + ".commercial", AccessorialCharge.LARGE_PACKAGE, false, v.path("commercial"));
                    reader.zoned(key + ".residential", AccessorialCharge.LARGE_PACKAGE, true, v.path("residential"));
                }
                case "oversizeCharge" -> reader.zoned(key, AccessorialCharge.LARGE_PACKAGE, null, v);
                default -> run.skip(NOT_PRICED.contains(key) ? key + ": not priced by the rules (left out)"
                        : key + ": not an accessorial this importer knows (left out)");
            }
        }
        if (reader.amounts.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, 0, "no accessorial amount in the table");
        }
        String source = source(carrier, from);
        run.replace(source);
        Map<AccessorialCharge, Integer> counts = new EnumMap<>(AccessorialCharge.class);
        for (AccessorialAmount a : reader.amounts) {
            run.read++;
            counts.merge(a.charge(), 1, Integer::sum);
            run.add(document(source, a));
        }
        StringBuilder what = new StringBuilder();
        counts.forEach((c, n) -> what.append(what.isEmpty() ? "" : ", ").append(c.name()).append(' ').append(n));
        run.edition(source, "accessorials", label + ": " + what, reader.amounts.size());
        return run.summary(ReferenceFormat.CARRIER_ACCESSORIALS_JSON, source, edition);
    }

    /** One source per carrier and effective date: a later edition is added beside the earlier, the same replaced. */
    static String source(String carrier, LocalDate from) {
        return "accessorials:" + carrier + ":" + from;
    }

    private static String carrier(ImportRun run, String source) throws MalformedReferenceFileException {
        String s = source.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("UPS")) {
            return "UPS";
        }
        if (s.startsWith("FEDEX")) {
            return "FEDEX";
        }
        throw new MalformedReferenceFileException(run.file, 0, "_meta.source: expected the carrier's document "
                + "(\"UPS 2026 Rate and Service Guide ...\", \"FedEx 2026 Service Guide ...\"), found '" + source + "'");
    }

    static Document document(String source, AccessorialAmount a) {
        Document d = Fields.base(Fields.KIND_ACCESSORIAL, source);
        d.add(new StoredField("carrier", a.carrier()));
        d.add(new StoredField("from", a.effectiveFrom().toString()));
        d.add(new StoredField("charge", a.charge().name()));
        Fields.store(d, "residential", a.residential() == null ? null : a.residential().toString());
        Fields.store(d, "air", a.air() == null ? null : a.air().toString());
        Fields.store(d, "tier", a.tier() == null ? null : a.tier().name());
        d.add(new StoredField("zoneMin", a.zoneMin()));
        d.add(new StoredField("zoneMax", a.zoneMax()));
        d.add(new StoredField("amount", a.amount().toPlainString()));
        d.add(new StoredField("currency", a.currency()));
        d.add(new StoredField("tableRow", a.tableRow()));
        d.add(new StoredField("edition", a.edition()));
        return d;
    }

    /** Reads back what {@link #document} stored. */
    static AccessorialAmount amount(Payload d) {
        return new AccessorialAmount(d.get("carrier"), LocalDate.parse(d.get("from")),
                AccessorialCharge.valueOf(d.get("charge")), bool(d.get("residential")), bool(d.get("air")),
                d.get("tier") == null ? null : DeliveryAreaTier.valueOf(d.get("tier")), d.getInt("zoneMin", 0),
                d.getInt("zoneMax", 0), new BigDecimal(d.get("amount")), d.get("currency"), d.get("tableRow"),
                d.get("edition"));
    }

    private static Boolean bool(String s) {
        return s == null ? null : Boolean.valueOf(s);
    }

    /** The amounts read from one file, with the checks each value gets. */
    private static final class Amounts {
        private final ImportRun run;
        private final String carrier;
        private final LocalDate from;
        private final String edition;
        final List<AccessorialAmount> amounts = new ArrayList<>();

        Amounts(ImportRun run, String carrier, LocalDate from, String edition) {
            this.run = run;
            this.carrier = carrier;
            this.from = from;
            this.edition = edition;
        }

        /** {@code {"ground": 6.50, "air": 7.00}} (UPS) or {@code {"express": 6.95}} (FedEx). */
        void residential(String key, JsonNode v) throws MalformedReferenceFileException {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                switch (e.getKey()) {
                    case "ground" -> add(key + ".ground", AccessorialCharge.RESIDENTIAL, true, false, null,
                            e.getValue());
                    case "air", "express" -> add(key + "." + e.getKey(), AccessorialCharge.RESIDENTIAL, true, true,
                            null, e.getValue());
                    default -> notes(key + "." + e.getKey(), e.getValue());
                }
            }
        }

        void deliveryArea(String key, JsonNode v) throws MalformedReferenceFileException {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Matcher m = DAS_KEY.matcher(e.getKey());
                if (!m.matches()) {
                    notes(key + "." + e.getKey(), e.getValue());
                    continue;
                }
                boolean remote = m.group(1).equals("remote");
                Boolean air = remote ? null : !m.group(1).equals("ground");
                DeliveryAreaTier tier = remote ? DeliveryAreaTier.REMOTE
                        : m.group(3) != null ? DeliveryAreaTier.EXTENDED : DeliveryAreaTier.DAS;
                add(key + "." + e.getKey(), AccessorialCharge.DELIVERY_AREA, m.group(2).equals("Residential"), air,
                        tier, e.getValue());
            }
        }

        /** UPS: {@code {"alaska": 46.25, "hawaii": 16.50, "us48": 16.50}}, any address and network. */
        void remoteArea(String key, JsonNode v) throws MalformedReferenceFileException {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                DeliveryAreaTier tier = switch (e.getKey()) {
                    case "alaska" -> DeliveryAreaTier.ALASKA;
                    case "hawaii" -> DeliveryAreaTier.HAWAII;
                    case "us48" -> DeliveryAreaTier.REMOTE;
                    default -> null;
                };
                if (tier == null) {
                    notes(key + "." + e.getKey(), e.getValue());
                    continue;
                }
                add(key + "." + e.getKey(), AccessorialCharge.DELIVERY_AREA, null, null, tier, e.getValue());
            }
        }

        /** {@code [{"zoneMin": 2, "zoneMax": 2, "rate": 46.50}, ...]}: one amount per band of zones. */
        void zoned(String path, AccessorialCharge charge, Boolean residential, JsonNode bands)
                throws MalformedReferenceFileException {
            if (bands.isMissingNode()) {
                return;
            }
            if (!bands.isArray() || bands.isEmpty()) {
                throw new MalformedReferenceFileException(run.file, 0, path + ": expected a list of zone bands "
                        + "{zoneMin, zoneMax, rate}");
            }
            List<int[]> seen = new ArrayList<>();
            for (int i = 0; i < bands.size(); i++) {
                JsonNode b = bands.get(i);
                String at = path + "[" + i + "]";
                int min = zone(at + ".zoneMin", b.path("zoneMin"));
                int max = zone(at + ".zoneMax", b.path("zoneMax"));
                if (max < min) {
                    throw new MalformedReferenceFileException(run.file, 0, at + ": zoneMax " + max
                            + " is below zoneMin " + min);
                }
                for (int[] s : seen) {
                    if (min <= s[1] && s[0] <= max) {
                        throw new MalformedReferenceFileException(run.file, 0, at + ": zones " + min + "-" + max
                                + " overlap zones " + s[0] + "-" + s[1] + " of the same list");
                    }
                }
                seen.add(new int[] {min, max});
                amounts.add(new AccessorialAmount(carrier, from, charge, residential, null, null, min, max,
                        money(at + ".rate", b.path("rate")), "USD",
                        path + " zones " + min + (max == min ? "" : max >= 99 ? " and up" : "-" + max), edition));
            }
        }

        void add(String path, AccessorialCharge charge, Boolean residential, Boolean air, DeliveryAreaTier tier,
                 JsonNode value) throws MalformedReferenceFileException {
            amounts.add(new AccessorialAmount(carrier, from, charge, residential, air, tier, 0, 0, money(path, value),
                    "USD", path, edition));
        }

        /** Underscore keys are the file's own notes; anything else unknown is reported, not guessed. */
        private void notes(String path, JsonNode v) {
            if (!path.substring(path.lastIndexOf('.') + 1).startsWith("_")) {
                run.skip(path + ": not an amount this importer knows (left out)");
            }
        }

        private int zone(String path, JsonNode v) throws MalformedReferenceFileException {
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 999) {
                throw new MalformedReferenceFileException(run.file, 0, path + ": expected a rating zone number "
                        + "such as 2, found '" + v.asText() + "'");
            }
            return v.asInt();
        }

        /** US dollars as the table prints them: a number with at most two decimals, not negative, under 10,000. */
        private BigDecimal money(String path, JsonNode v) throws MalformedReferenceFileException {
            BigDecimal d = v.isNumber() ? v.decimalValue() : null;
            if (d == null || d.signum() < 0 || d.compareTo(BigDecimal.valueOf(10_000)) >= 0
                    || d.stripTrailingZeros().scale() > 2) {
                throw new MalformedReferenceFileException(run.file, 0, path + ": expected an amount in dollars "
                        + "such as 46.50, found '" + (v.isMissingNode() ? "nothing" : v.asText()) + "'");
            }
            return d.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
    }
}
