package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;
import org.shipaudit.model.api.ShipmentSchema;

/**
 * The document served at {@code /openapi.yaml} is valid OpenAPI 3 as a real parser reads it (swagger-parser, what
 * {@code swagger-cli validate} uses), and the hand-written request validator enforces what it says, field by field:
 * starting from the example shipments, every documented enum value of every field is accepted and any other refused at
 * that field's path, every documented required field is refused when missing, and every object the document closes
 * ({@code additionalProperties: false}) refuses an unknown field. A field changed in one and not the other fails here.
 */
class OpenApiDocumentTest {

    static String yaml;
    static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/http/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        doc = Mappers.yaml().readTree(yaml);
    }

    @Test
    void parsesAsOpenApi3WithoutAnyMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages());
        assertNotNull(result.getOpenAPI(), "no document");
        assertTrue(result.getOpenAPI().getOpenapi().startsWith("3."), result.getOpenAPI().getOpenapi());
        result.getOpenAPI().getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
            assertFalse(op.getResponses() == null || op.getResponses().isEmpty(), path + " has no responses");
        }));
    }

    @Test
    void theValidatorAcceptsEveryDocumentedEnumValueAndRefusesOthersAtTheirPath() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ObjectNode base : examples()) {
            for (Field f : fields(base, schema("Shipment"), "")) {
                JsonNode values = f.schema().path("enum");
                if (!values.isArray()) {
                    continue;
                }
                for (JsonNode v : values) {
                    ObjectNode copy = base.deepCopy();
                    f.parent(copy).set(f.name(), v);
                    List<Violation> at = violationsAt(copy, f.path());
                    if (!at.isEmpty()) {
                        wrong.add(f.path() + " = " + v + " is documented but refused: " + at);
                    }
                    checked++;
                }
                ObjectNode copy = base.deepCopy();
                f.parent(copy).put(f.name(), "NOT_A_DOCUMENTED_VALUE");
                if (violationsAt(copy, f.path()).isEmpty()) {
                    wrong.add(f.path() + " = NOT_A_DOCUMENTED_VALUE is accepted");
                }
            }
        }
        assertTrue(checked > 20, "enum values checked: " + checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void theValidatorRefusesEveryDocumentedRequiredFieldWhenMissing() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ObjectNode base : examples()) {
            for (Field f : fields(base, schema("Shipment"), "")) {
                if (!f.required()) {
                    continue;
                }
                ObjectNode copy = base.deepCopy();
                f.parent(copy).remove(f.name());
                checked++;
                if (violationsAt(copy, f.path()).isEmpty()) {
                    wrong.add(f.path() + " is documented as required but may be left out");
                }
            }
        }
        assertTrue(checked > 10, "required fields checked: " + checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void theValidatorRefusesUnknownFieldsWhereTheDocumentClosesTheObject() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (ObjectNode base : examples()) {
            List<String> closed = new ArrayList<>();
            objects(base, schema("Shipment"), "", closed);
            for (String path : closed) {
                ObjectNode copy = base.deepCopy();
                ObjectNode target = path.isEmpty() ? copy : (ObjectNode) at(copy, path);
                target.put("zzUndocumented", 1);
                String field = path.isEmpty() ? "zzUndocumented" : path + ".zzUndocumented";
                if (violationsAt(copy, field).isEmpty()) {
                    wrong.add(field + " is accepted although the document closes " + (path.isEmpty() ? "Shipment" : path));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** A documented field present in an example: its path, its schema, whether required, and how to reach it. */
    record Field(String path, String parentPath, String name, JsonNode schema, boolean required) {
        ObjectNode parent(ObjectNode root) {
            return parentPath.isEmpty() ? root : (ObjectNode) at(root, parentPath);
        }
    }

    /** Every documented property of every object present in {@code node}, walking arrays' first element. */
    static List<Field> fields(JsonNode node, JsonNode schema, String path) {
        List<Field> out = new ArrayList<>();
        schema = resolve(schema);
        if (!node.isObject()) {
            return out;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(p -> {
            String child = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
            JsonNode propertySchema = resolve(p.getValue());
            out.add(new Field(child, path, p.getKey(), propertySchema, required.contains(p.getKey())));
            JsonNode value = node.get(p.getKey());
            if (value == null || value.isNull()) {
                return;
            }
            if (value.isObject()) {
                out.addAll(fields(value, propertySchema, child));
            } else if (value.isArray() && !value.isEmpty()) {
                out.addAll(fields(value.get(0), propertySchema.path("items"), child + "[0]"));
            }
        });
        return out;
    }

    /** The paths of the objects present in {@code node} that the document closes with additionalProperties: false. */
    static void objects(JsonNode node, JsonNode schema, String path, List<String> closed) {
        schema = resolve(schema);
        if (!node.isObject()) {
            return;
        }
        if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
            closed.add(path);
        }
        JsonNode finalSchema = schema;
        node.fields().forEachRemaining(e -> {
            JsonNode s = finalSchema.path("properties").path(e.getKey());
            String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (e.getValue().isObject()) {
                objects(e.getValue(), s, child, closed);
            } else if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                objects(e.getValue().get(0), resolve(s).path("items"), child + "[0]", closed);
            }
        });
    }

    static JsonNode schema(String name) {
        return doc.path("components").path("schemas").path(name);
    }

    static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/") ? resolve(schema(ref.substring("#/components/schemas/".length())))
                : schema;
    }

    /** The node at a validator path such as {@code packages[0].weight}. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                n = n.get(part);
            } else {
                n = n.get(part.substring(0, bracket)).get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
        }
        return n;
    }

    /** What the validator says about {@code path} (or below it) for this shipment. */
    static List<Violation> violationsAt(ObjectNode shipment, String path) {
        try {
            ShipmentSchema.read(shipment, "");
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations().stream().filter(v -> v.path().equals(path) || v.path().startsWith(path + ".")
                    || v.path().startsWith(path + "[")).toList();
        }
    }

    /** The shipped examples, each a valid Shipment; between them most optional objects are present. */
    static List<ObjectNode> examples() throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        for (String name : List.of("src/site/examples/shipment.json", "src/site/examples/shipment-us-to-germany.json")) {
            ObjectNode node = (ObjectNode) Mappers.json().readTree(Files.readString(Path.of(name)));
            ShipmentSchema.read(node, ""); // valid to begin with, or every check below is meaningless
            out.add(node);
        }
        return out;
    }
}
