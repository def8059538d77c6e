package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shipaudit.json.JsonSchema.ObjectSchema;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.api.ShipmentSchema;

/**
 * The published OpenAPI document and the validator that enforces it must describe the same Shipment: same fields,
 * same required ones, at every level. A field added to one and not the other fails here.
 */
class OpenApiContractTest {

    static JsonNode schemas;
    static JsonNode paths;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/http/openapi.yaml")) {
            JsonNode doc = Mappers.yaml().readTree(in);
            schemas = doc.path("components").path("schemas");
            paths = doc.path("paths");
        }
    }

    /**
     * Every route of the route table is documented and every documented operation is routed. The table is one list
     * of {@code router.get("/v1/...")} lines in Routes.java, read here as text: a route added without its entry in
     * /openapi.yaml (or the reverse) fails.
     */
    @Test
    void theDocumentListsExactlyTheRoutesServed() throws Exception {
        String table = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/org/shipaudit/http/Routes.java"));
        TreeSet<String> routed = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("router\\.(get|post|put|delete)\\(\"([^\"]+)\"\\)")
                .matcher(table);
        while (m.find()) {
            String path = m.group(2).replaceAll(":(\\w+)", "{$1}").replaceAll("/\\*$", "/{path}");
            routed.add(m.group(1).toUpperCase(java.util.Locale.ROOT) + " " + path);
        }
        TreeSet<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + e.getKey())));
        assertEquals(routed, documented);
    }

    /**
     * Every parameter object has only OpenAPI's own fields, each with a value. An unquoted comma in a flow-style
     * description ({@code description: goods, or a code}) silently becomes a key without a value, which Jackson
     * accepts and {@code redocly lint} and {@code swagger-cli validate} refuse.
     */
    @Test
    void everyParameterHasOnlyOpenApiFieldsWithValues() {
        java.util.Set<String> allowed = java.util.Set.of("name", "in", "required", "schema", "description",
                "deprecated", "allowEmptyValue", "style", "explode", "example", "examples");
        java.util.List<String> wrong = new java.util.ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().path("parameters").forEach(p -> p.fields().forEachRemaining(f -> {
                    if (!allowed.contains(f.getKey()) || f.getValue().isNull()) {
                        wrong.add(op.getKey() + " " + path.getKey() + " " + p.path("name").asText() + ": " + f.getKey());
                    }
                }))));
        assertEquals(java.util.List.of(), wrong);
    }

    static void assertSameFields(String name, ObjectSchema validator) {
        JsonNode doc = schemas.path(name);
        TreeSet<String> documented = new TreeSet<>();
        doc.path("properties").fieldNames().forEachRemaining(documented::add);
        assertEquals(new TreeSet<>(validator.fields().keySet()), documented, name + " properties");
        TreeSet<String> required = new TreeSet<>();
        doc.path("required").forEach(n -> required.add(n.asText()));
        TreeSet<String> enforced = new TreeSet<>();
        validator.fields().keySet().stream().filter(validator::isRequired).forEach(enforced::add);
        assertEquals(enforced, required, name + " required fields");
    }

    @Test
    void documentsTheShipmentTheValidatorEnforces() {
        assertSameFields("Shipment", ShipmentSchema.SHIPMENT);
        assertSameFields("Address", ShipmentSchema.ADDRESS);
        for (Map.Entry<String, String> nested : Map.of("packages", "Package", "items", "Item").entrySet()) {
            var array = (org.shipaudit.json.JsonSchema) ShipmentSchema.SHIPMENT.fields().get(nested.getKey());
            assertSameFields(nested.getValue(), (ObjectSchema) itemsOf(array));
        }
    }

    static Object itemsOf(org.shipaudit.json.JsonSchema array) {
        try {
            var m = array.getClass().getMethod("items");
            m.setAccessible(true);
            return m.invoke(array);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
