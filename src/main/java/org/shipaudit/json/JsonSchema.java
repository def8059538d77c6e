package org.shipaudit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small structural validator for JSON trees: types, required fields, enums, ranges and sizes, unknown fields.
 * It walks the whole document and collects every violation with its path, so a client fixes all of them at once
 * (Jackson's binding stops at the first). Schemas are immutable and thread-safe.
 */
public abstract sealed class JsonSchema {

    /** Validates {@code node} at {@code path}, adding violations. {@code node} is never null here. */
    abstract void check(JsonNode node, String path, List<Violation> out);

    /** Name of the expected type for messages and the OpenAPI cross-check. */
    public abstract String typeName();

    public List<Violation> validate(JsonNode root) {
        List<Violation> out = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            out.add(new Violation("", "a " + typeName() + " is required"));
        } else {
            check(root, "", out);
        }
        return out;
    }

    public static ObjectSchema object() {
        return new ObjectSchema();
    }

    public static JsonSchema string(int maxLength) {
        return new StringSchema(maxLength, null, null);
    }

    public static JsonSchema pattern(String regex, String meaning) {
        return new StringSchema(256, Pattern.compile(regex), meaning);
    }

    /**
     * A code of a closed list written in any case ("usd" reads as "USD"): {@code known} decides, {@code what} names
     * the list in the message ("an ISO 4217 currency code").
     */
    public static JsonSchema codeIn(java.util.function.Predicate<String> known, String what) {
        return new CodeSchema(known, what);
    }

    public static JsonSchema enumOf(Class<? extends Enum<?>> type) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (Enum<?> e : type.getEnumConstants()) {
            names.add(e.name());
        }
        return new EnumSchema(names);
    }

    /** A finite number from {@code min} to {@code max}, both included. */
    public static JsonSchema number(double min, double max) {
        return new NumberSchema(min, max, false);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public static JsonSchema integer(long min, long max) {
        return new NumberSchema(min, max, true);
    }

    /**
     * An object of one or more numbers and a unit, each number at most {@code maxByUnit.get(unit)} in magnitude.
     * Zero and negative numbers pass (rules report implausible values as findings); what no shipment can weigh or
     * measure is refused here, so that no conversion downstream overflows. A unit absent from the map is left to the
     * unit's own schema to report.
     */
    public static JsonSchema measure(ObjectSchema shape, List<String> valueFields, String unitField,
                                     Map<String, Double> maxByUnit) {
        return new MeasureSchema(shape, List.copyOf(valueFields), unitField, Map.copyOf(maxByUnit));
    }

    public static JsonSchema bool() {
        return new BoolSchema();
    }

    public static JsonSchema date() {
        return new DateSchema();
    }

    public static JsonSchema array(JsonSchema items, int minItems, int maxItems) {
        return new ArraySchema(items, minItems, maxItems);
    }

    static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** An object with named fields; unknown fields are violations (a misspelt field must not be ignored). */
    public static final class ObjectSchema extends JsonSchema {
        private final Map<String, JsonSchema> fields = new LinkedHashMap<>();
        private final Set<String> required = new java.util.HashSet<>();

        public ObjectSchema required(String name, JsonSchema type) {
            fields.put(name, type);
            required.add(name);
            return this;
        }

        public ObjectSchema optional(String name, JsonSchema type) {
            fields.put(name, type);
            return this;
        }

        public Map<String, JsonSchema> fields() {
            return java.util.Collections.unmodifiableMap(fields);
        }

        public boolean isRequired(String name) {
            return required.contains(name);
        }

        @Override
        void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isObject()) {
                out.add(new Violation(path, "must be an object, got " + kind(node)));
                return;
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!fields.containsKey(name)) {
                    out.add(new Violation(at(path, name), "unknown field"));
                }
            }
            for (Map.Entry<String, JsonSchema> f : fields.entrySet()) {
                JsonNode v = node.get(f.getKey());
                if (v == null || v.isNull()) {
                    if (required.contains(f.getKey())) {
                        out.add(new Violation(at(path, f.getKey()), "is required"));
                    }
                } else {
                    f.getValue().check(v, at(path, f.getKey()), out);
                }
            }
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    static final class StringSchema extends JsonSchema {
        private final int maxLength;
        private final Pattern pattern;
        private final String meaning;

        StringSchema(int maxLength, Pattern pattern, String meaning) {
            this.maxLength = maxLength;
            this.pattern = pattern;
            this.meaning = meaning;
        }

        @Override
        void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isTextual()) {
                out.add(new Violation(path, "must be a string, got " + kind(node)));
            } else if (node.textValue().length() > maxLength) {
                out.add(new Violation(path, "must be at most " + maxLength + " characters"));
            } else if (pattern != null && !pattern.matcher(node.textValue()).matches()) {
                out.add(new Violation(path, "must be " + meaning + ", got '" + node.textValue() + "'"));
            }
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    static final class EnumSchema extends JsonSchema {
        private final Set<String> values;

        EnumSchema(Set<String> values) {
            this.values = values;
        }

        @Override
        void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isTextual() || !values.contains(node.textValue())) {
                out.add(new Violation(path, "must be one of " + String.join(", ", values) + ", got "
                        + (node.isTextual() ? "'" + node.textValue() + "'" : kind(node))));
            }
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    static final class CodeSchema extends JsonSchema {
        private final java.util.function.Predicate<String> known;
        private final String what;

        CodeSchema(java.util.function.Predicate<String> known, String what) {
            this.known = known;
            this.what = what;
        }

        @Override
        void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isTextual()) {
                out.add(new Violation(path, "must be " + what + ", got " + kind(node)));
            } else if (!known.test(node.textValue().trim().toUpperCase(java.util.Locale.ROOT))) {
                String shown = node.textValue().length() > 16 ? node.textValue().substring(0, 16) + "..." : node.textValue();
                out.add(new Violation(path, "'" + shown + "' is not " + what));
            }
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    static final class NumberSchema extends JsonSchema {
        private final double min;
        private final double max;
        private final boolean integer;

        NumberSchema(double min, double max, boolean integer) {
            this.min = min;
            this.max = max;
            this.integer = integer;
        }

        @Override
        void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isNumber() || integer && !node.canConvertToExactIntegral()) {
                out.add(new Violation(path, "must be " + (integer ? "a whole number" : "a number") + ", got "
                        + kind(node)));
            } else if (!Double.isFinite(node.doubleValue())) {
                out.add(new Violation(path, "must be a finite number"));
            } else if (node.doubleValue() < min) {
                out.add(new Violation(path, "must be at least " + plain(min) + ", got " + node.asText()));
            } else if (node.doubleValue() > max) {
                out.add(new Violation(path, "must be at most " + plain(max) + ", got " + node.asText()));
            } else if (integer && !node.canConvertToInt()) {
                out.add(new Violation(path, "is too large"));
            }
        }

        @Override
        public String typeName() {
            return integer ? "integer" : "number";
        }
    }

    static final class MeasureSchema extends JsonSchema {
        private final ObjectSchema shape;
        private final List<String> valueFields;
        private final String unitField;
        private final Map<String, Double> maxByUnit;

        MeasureSchema(ObjectSchema shape, List<String> valueFields, String unitField, Map<String, Double> maxByUnit) {
            this.shape = shape;
            this.valueFields = valueFields;
            this.unitField = unitField;
            this.maxByUnit = maxByUnit;
        }

        @Override
        void check(JsonNode node, String path, List<Violation> out) {
            int before = out.size();
            shape.check(node, path, out);
            if (out.size() > before) {
                return; // the shape's own messages say what is wrong; a bound on a broken value would add noise
            }
            Double max = maxByUnit.get(node.path(unitField).asText());
            if (max == null) {
                return;
            }
            String unit = node.path(unitField).asText();
            for (String field : valueFields) {
                JsonNode v = node.get(field);
                if (v != null && v.isNumber() && Math.abs(v.doubleValue()) > max) {
                    out.add(new Violation(at(path, field), "must be at most " + plain(max) + " " + unit
                            + " either way, got " + v.asText()));
                }
            }
        }

        @Override
        public String typeName() {
            return shape.typeName();
        }

        /** The object's own fields, for the OpenAPI cross-check. */
        public ObjectSchema shape() {
            return shape;
        }
    }

    /** A bound as people write it: 100000 rather than 100000.0 or 1.0E5, at most three decimals. */
    static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).setScale(3, java.math.RoundingMode.DOWN).stripTrailingZeros()
                .toPlainString();
    }

    static final class BoolSchema extends JsonSchema {
        @Override
        void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isBoolean()) {
                out.add(new Violation(path, "must be true or false, got " + kind(node)));
            }
        }

        @Override
        public String typeName() {
            return "boolean";
        }
    }

    static final class DateSchema extends JsonSchema {
        @Override
        void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isTextual()) {
                out.add(new Violation(path, "must be an ISO-8601 date string (2026-11-20), got " + kind(node)));
                return;
            }
            try {
                LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                out.add(new Violation(path, "must be an ISO-8601 date (2026-11-20), got '" + node.textValue() + "'"));
            }
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    static final class ArraySchema extends JsonSchema {
        private final JsonSchema items;
        private final int minItems;
        private final int maxItems;

        ArraySchema(JsonSchema items, int minItems, int maxItems) {
            this.items = items;
            this.minItems = minItems;
            this.maxItems = maxItems;
        }

        public JsonSchema items() {
            return items;
        }

        @Override
        void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isArray()) {
                out.add(new Violation(path, "must be an array, got " + kind(node)));
            } else if (node.size() < minItems) {
                out.add(new Violation(path, "must have at least " + minItems + " element" + (minItems == 1 ? "" : "s")));
            } else if (node.size() > maxItems) {
                // Checked before the elements so that a huge array costs one message, not one per element.
                out.add(new Violation(path, "must have at most " + maxItems + " elements, got " + node.size()));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    JsonNode el = node.get(i);
                    if (el.isNull()) {
                        out.add(new Violation(path + "[" + i + "]", "must not be null"));
                    } else {
                        items.check(el, path + "[" + i + "]", out);
                    }
                }
            }
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
