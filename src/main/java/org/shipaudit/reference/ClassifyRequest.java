package org.shipaudit.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a tariff classification is asked: the description as people write it (a marketplace title, a customs-form
 * phrase), and, when the listing has them, its category path (broad to narrow) and attributes
 * ({@code Material: copper}). {@code schedule} is HS, HTSUS or EU_CN; null means HS. Nulls become empty. The
 * attributes keep the listing's order: where two name the same thing ({@code Craft of Weaving: Tat},
 * {@code Weaving Method: Knit Fabric}) the first stated is read, the same on every run (an immutable copy's order
 * changes from one JVM to the next).
 */
public record ClassifyRequest(String text, List<String> category, Map<String, String> attributes, String schedule) {

    public ClassifyRequest {
        text = text == null ? "" : text;
        category = category == null ? List.of() : List.copyOf(category);
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * The description in lower case, underscores read as spaces: exports write "boys_football_boots", and the
     * underscores join words, they are not part of one. Every reading of the title starts from this.
     */
    public String lowerText() {
        return text.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A description alone. */
    public static ClassifyRequest of(String text, String schedule) {
        return new ClassifyRequest(text, List.of(), Map.of(), schedule);
    }
}
