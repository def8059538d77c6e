package org.shipaudit.model;

import static org.shipaudit.json.JsonSchema.anyNumber;
import static org.shipaudit.json.JsonSchema.array;
import static org.shipaudit.json.JsonSchema.bool;
import static org.shipaudit.json.JsonSchema.codeIn;
import static org.shipaudit.json.JsonSchema.date;
import static org.shipaudit.json.JsonSchema.enumOf;
import static org.shipaudit.json.JsonSchema.integer;
import static org.shipaudit.json.JsonSchema.number;
import static org.shipaudit.json.JsonSchema.object;
import static org.shipaudit.json.JsonSchema.pattern;
import static org.shipaudit.json.JsonSchema.string;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.JsonSchema;
import org.shipaudit.json.JsonSchema.ObjectSchema;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;

/**
 * The Shipment of API.md as a schema, and the reader that turns a JSON tree into a {@link Shipment} after checking it.
 * What breaks the contract (wrong types, unknown units, negative quantities, too many packages) is rejected here;
 * what is well-formed but implausible (a zero weight) passes, for the rules to report as findings.
 */
public final class ShipmentSchema {

    /** More packages than any parcel carrier takes on one shipment; larger consignments go as freight or jobs. */
    public static final int MAX_PACKAGES = 500;
    public static final int MAX_ITEMS = 1000;

    static final JsonSchema WEIGHT = object()
            .required("value", anyNumber())
            .required("unit", enumOf(WeightUnit.class));

    /** A dangerous-goods net quantity: a mass, or litres and millilitres for liquids (API.md round 2). */
    static final JsonSchema NET_QUANTITY = object()
            .required("value", number(0))
            .required("unit", enumOf(QuantityUnit.class));

    static final JsonSchema MONEY = object()
            .required("amount", pattern("-?\\d{1,15}(\\.\\d{1,6})?", "a decimal string such as \"12.34\""))
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

    static final JsonSchema DIMENSIONS = object()
            .required("length", anyNumber())
            .required("width", anyNumber())
            .required("height", anyNumber())
            .required("unit", enumOf(LengthUnit.class));

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
            .optional("wattHours", number(0))
            .optional("lithiumContentGrams", number(0))
            .optional("netQuantity", NET_QUANTITY)
            .optional("limitedQuantity", bool())
            .optional("cargoAircraftOnly", bool());

    static final JsonSchema ITEM = object()
            .optional("sku", string(128))
            .optional("description", string(1024))
            .optional("hsCode", string(32))
            .optional("countryOfOrigin", string(8))
            .required("quantity", integer(1))
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
            .optional("retailer", RETAILER);

    private ShipmentSchema() {
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
