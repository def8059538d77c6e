package org.shipaudit.model.api;

import static org.shipaudit.json.JsonSchema.array;
import static org.shipaudit.json.JsonSchema.bool;
import static org.shipaudit.json.JsonSchema.codeIn;
import static org.shipaudit.json.JsonSchema.date;
import static org.shipaudit.json.JsonSchema.enumOf;
import static org.shipaudit.json.JsonSchema.integer;
import static org.shipaudit.json.JsonSchema.measure;
import static org.shipaudit.json.JsonSchema.number;
import static org.shipaudit.json.JsonSchema.object;
import static org.shipaudit.json.JsonSchema.pattern;
import static org.shipaudit.json.JsonSchema.string;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.JsonSchema;
import org.shipaudit.json.JsonSchema.ObjectSchema;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;
import org.shipaudit.model.Packaging;
import org.shipaudit.model.WeightUnit;

/**
 * The Shipment of API.md as a schema, and the reader that turns a JSON tree into a {@link Shipment} after checking it.
 * What breaks the contract (wrong types, unknown units, negative quantities, too many packages) is rejected here;
 * what is well-formed but implausible (a zero weight) passes, for the rules to report as findings.
 */
public final class ShipmentSchema {

    /** More packages than any parcel carrier takes on one shipment; larger consignments go as freight or jobs. */
    public static final int MAX_PACKAGES = 500;
    public static final int MAX_ITEMS = 1000;

    /*
     * Bounds on every number of the contract: what a single shipment can weigh, measure, count and be worth, with room
     * to spare (the heaviest road or rail consignment is well under 100 t; no shipping unit is 100 m long). Past them
     * the input is a typo or an attack, refused with its path; inside them no unit conversion or sum can overflow a
     * double (10^5 kg x 10^7 items is 10^12) or make a rule's arithmetic throw.
     */
    /** Heaviest weight, in kilograms, of a package, an item or a net quantity (either sign). */
    public static final double MAX_WEIGHT_KG = 100_000;
    /** Longest side, in centimetres (either sign). */
    public static final double MAX_SIDE_CM = 10_000;
    /** Most units of one item line. */
    public static final long MAX_QUANTITY = 10_000_000;
    /** Most watt-hours of one battery: a grid storage module is a few hundred kWh. */
    public static final double MAX_WATT_HOURS = 1_000_000;
    /** Most lithium content of one battery, in grams. */
    public static final double MAX_LITHIUM_GRAMS = 100_000_000;
    /** Most digits before the decimal point of an amount: under one trillion (10^12) in any currency. */
    public static final int MAX_AMOUNT_DIGITS = 12;

    static final JsonSchema WEIGHT = measure(object()
            .required("value", number(-Double.MAX_VALUE, Double.MAX_VALUE))
            .required("unit", enumOf(WeightUnit.class)), List.of("value"), "unit", weightBounds());

    /** A dangerous-goods net quantity: a mass, or litres and millilitres for liquids (API.md round 2). */
    static final JsonSchema NET_QUANTITY = measure(object()
            .required("value", number(0, Double.MAX_VALUE))
            .required("unit", enumOf(QuantityUnit.class)), List.of("value"), "unit", quantityBounds());

    static final JsonSchema MONEY = object()
            .required("amount", pattern("-?\\d{1," + MAX_AMOUNT_DIGITS + "}(\\.\\d{1,6})?",
                    "a decimal string such as \"12.34\", under 10^12"))
            .required("currency", codeIn(ShipmentSchema::isIso4217, "an ISO 4217 currency code such as USD"));

    /**
     * ISO 4217 as the JDK ships it (updated with each ISO amendment), less XXX and XTS, which name no money. A value
     * in an unknown currency cannot be converted or judged, so it is a contract error, not a finding.
     */
    private static final java.util.Set<String> ISO_4217 = java.util.Currency.getAvailableCurrencies().stream()
            .map(java.util.Currency::getCurrencyCode).filter(c -> !c.equals("XXX") && !c.equals("XTS"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    static boolean isIso4217(String code) {
        return ISO_4217.contains(code);
    }

    public static final ObjectSchema ADDRESS = object()
            .optional("name", string(256))
            .optional("company", string(256))
            .optional("street1", string(256))
            .optional("street2", string(256))
            .optional("city", string(128))
            .optional("state", string(64))
            .optional("postalCode", string(32))
            .required("country", pattern("[A-Za-z]{2}", "an ISO 3166-1 alpha-2 code such as US"))
            .optional("residential", bool());

    static final JsonSchema DIMENSIONS = measure(object()
            .required("length", number(-Double.MAX_VALUE, Double.MAX_VALUE))
            .required("width", number(-Double.MAX_VALUE, Double.MAX_VALUE))
            .required("height", number(-Double.MAX_VALUE, Double.MAX_VALUE))
            .required("unit", enumOf(LengthUnit.class)), List.of("length", "width", "height"), "unit", lengthBounds());

    static final JsonSchema PACKAGE = object()
            .required("id", string(64))
            .optional("weight", WEIGHT)
            .optional("dimensions", DIMENSIONS)
            .optional("packaging", enumOf(Packaging.class))
            .optional("scaleWeight", WEIGHT)
            .optional("sealNumber", string(64))
            .optional("trackingNumber", string(64));

    static final JsonSchema DANGEROUS_GOODS = object()
            .optional("unNumber", pattern("(?i)(UN|NA|ID)?\\s?\\d{4}", "a UN/NA number such as UN3481"))
            .optional("properShippingName", string(512))
            .optional("hazardClass", string(16))
            .optional("packingGroup", pattern("I|II|III", "I, II or III"))
            .optional("packingInstruction", string(16))
            .optional("section", pattern("IA|IB|I|II", "IA, IB, I or II"))
            .optional("wattHours", number(0, MAX_WATT_HOURS))
            .optional("lithiumContentGrams", number(0, MAX_LITHIUM_GRAMS))
            .optional("netQuantity", NET_QUANTITY)
            .optional("limitedQuantity", bool())
            .optional("cargoAircraftOnly", bool());

    static final JsonSchema ITEM = object()
            .optional("sku", string(128))
            .optional("description", string(1024))
            .optional("hsCode", string(32))
            .optional("countryOfOrigin", string(8))
            .required("quantity", integer(1, MAX_QUANTITY))
            .optional("unitValue", MONEY)
            .optional("weight", WEIGHT)
            .optional("packageId", string(64))
            .optional("dangerousGoods", DANGEROUS_GOODS);

    static final JsonSchema CUSTOMS = object()
            .optional("incoterms", string(16))
            .optional("eeiItn", string(32))
            .optional("invoiceNumber", string(64))
            .optional("exportReason", string(64));

    static final JsonSchema RETAILER = object()
            .required("name", string(64))
            .optional("poNumber", string(64))
            .optional("asnNumber", string(64));

    /** Most further parties on one shipment: consignees, importer, buyer and forwarders, with room to spare. */
    public static final int MAX_PARTIES = 20;

    static final JsonSchema PARTY = object()
            .required("role", enumOf(PartyRole.class))
            .optional("name", string(256))
            .optional("company", string(256))
            .optional("street1", string(256))
            .optional("city", string(128))
            .optional("postalCode", string(32))
            .optional("country", pattern("[A-Za-z]{2}", "an ISO 3166-1 alpha-2 code such as US"));

    public static final ObjectSchema SHIPMENT = object()
            .required("id", string(128))
            .required("shipDate", date())
            .required("carrier", string(64))
            .required("service", string(64))
            .required("shipFrom", ADDRESS)
            .required("shipTo", ADDRESS)
            .required("packages", array(PACKAGE, 1, MAX_PACKAGES))
            .optional("items", array(ITEM, 0, MAX_ITEMS))
            .optional("customs", CUSTOMS)
            .optional("retailer", RETAILER)
            .optional("parties", array(PARTY, 0, MAX_PARTIES))
            .optional("zone", pattern("\\d{1,3}", "the carrier's rating zone as digits, such as \"5\" or \"105\""));

    private ShipmentSchema() {
    }

    /** {@link #MAX_WEIGHT_KG} in each weight unit (220,462.26 lb, 100,000,000 g). */
    private static Map<String, Double> weightBounds() {
        Map<String, Double> max = new LinkedHashMap<>();
        double pounds = WeightUnit.KG.toPounds(MAX_WEIGHT_KG);
        for (WeightUnit u : WeightUnit.values()) {
            max.put(u.name(), micro(pounds / u.toPounds(1)));
        }
        return max;
    }

    /** Rounded to a millionth, so that the unit the bound is written in (KG, CM) keeps it exactly. */
    private static double micro(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    /** {@link #MAX_WEIGHT_KG} in each mass unit, and as many litres in each volume unit (100,000 L, 10^8 mL). */
    private static Map<String, Double> quantityBounds() {
        Map<String, Double> max = new LinkedHashMap<>();
        for (QuantityUnit u : QuantityUnit.values()) {
            max.put(u.name(), micro(MAX_WEIGHT_KG / u.toBase(1)));
        }
        return max;
    }

    /** {@link #MAX_SIDE_CM} in each length unit (3,937 in). */
    private static Map<String, Double> lengthBounds() {
        Map<String, Double> max = new LinkedHashMap<>();
        double inches = LengthUnit.CM.toInches(MAX_SIDE_CM);
        for (LengthUnit u : LengthUnit.values()) {
            max.put(u.name(), micro(inches / u.toInches(1)));
        }
        return max;
    }

    /**
     * Checks a JSON tree against the contract and binds it.
     *
     * @param pathPrefix prepended to every violation path (e.g. {@code shipments[3]} in a batch)
     * @throws InvalidInputException listing every violation
     */
    public static Shipment read(JsonNode node, String pathPrefix) {
        List<Violation> violations = SHIPMENT.validate(node);
        if (!violations.isEmpty()) {
            throw new InvalidInputException("the shipment breaks the contract", prefixed(pathPrefix, violations));
        }
        try {
            return Mappers.json().treeToValue(node, Shipment.class);
        } catch (JsonProcessingException e) {
            // The schema and the records agree, so this is a defect; still answer as bad input, never as a crash.
            throw new InvalidInputException("the shipment cannot be read",
                    List.of(new Violation(pathPrefix, e.getOriginalMessage())));
        }
    }

    static List<Violation> prefixed(String prefix, List<Violation> violations) {
        if (prefix == null || prefix.isEmpty()) {
            return violations;
        }
        return violations.stream()
                .map(v -> new Violation(v.path().isEmpty() ? prefix : prefix + "." + v.path(), v.message()))
                .toList();
    }
}
