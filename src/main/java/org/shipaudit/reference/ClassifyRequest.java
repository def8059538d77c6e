package org.shipaudit.reference;

import java.util.List;
import java.util.Map;

/**
 * What a tariff classification is asked: the description as people write it (a marketplace title, a customs-form
 * phrase), and, when the listing has them, its category path (broad to narrow) and attributes
 * ({@code Material: copper}). {@code schedule} is HS, HTSUS or EU_CN; null means HS. Nulls become empty.
 */
public record ClassifyRequest(String text, List<String> category, Map<String, String> attributes, String schedule) {

    public ClassifyRequest {
        text = text == null ? "" : text;
        category = category == null ? List.of() : List.copyOf(category);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A description alone. */
    public static ClassifyRequest of(String text, String schedule) {
        return new ClassifyRequest(text, List.of(), Map.of(), schedule);
    }
}
