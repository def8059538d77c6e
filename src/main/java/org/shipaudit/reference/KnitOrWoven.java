package org.shipaudit.reference;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Clothing's split between chapter 61 (articles knitted or crocheted) and chapter 62 (HTSUS chapter 62 note 1: made up
 * articles of any textile fabric, excluding knitted or crocheted ones). The headings of the two chapters read the
 * same ("Men's or boys' shirts, knitted or crocheted" against "Men's or boys' shirts"), so the search finds the kind
 * of garment and cannot tell the chapters apart; listings say which in an attribute (AliExpress's
 * {@code Craft of Weaving: Knit}, or {@code Tat}, its word for shuttle-woven fabric) or in the title ("knitted
 * sweater", "crochet top", "woven shirt"). The answer is the best heading the search found in the stated chapter, else
 * the stated chapter's counterpart of the best garment heading it found in the other: a knitted shirt the search read
 * as 6205 is 6109 when it found 6109, 6105 when it found no heading of chapter 61. Chosen on the odd fold of the
 * HSCodeComp dev half over preferring the counterpart whenever the search found it (classification.md).
 */
final class KnitOrWoven implements MaterialSplit {

    /** Each knitted heading and the woven heading of the same garments. */
    private static final Map<String, String> WOVEN_OF_KNITTED = Map.ofEntries(Map.entry("6101", "6201"),
            Map.entry("6102", "6202"), Map.entry("6103", "6203"), Map.entry("6104", "6204"), Map.entry("6105", "6205"),
            Map.entry("6106", "6206"), Map.entry("6107", "6207"), Map.entry("6108", "6208"),
            // Singlets are in 6207 and 6208 when woven; T-shirts and sweaters have no woven heading: 6211 "other".
            Map.entry("6109", "6211"), Map.entry("6110", "6211"), Map.entry("6111", "6209"), Map.entry("6112", "6211"),
            Map.entry("6113", "6210"), Map.entry("6114", "6211"), Map.entry("6116", "6216"), Map.entry("6117", "6217"));
    /** Each woven heading and its knitted counterpart (6211's first: track suits, ski-suits and swimwear). */
    private static final Map<String, String> KNITTED_OF_WOVEN = Map.ofEntries(Map.entry("6201", "6101"),
            Map.entry("6202", "6102"), Map.entry("6203", "6103"), Map.entry("6204", "6104"), Map.entry("6205", "6105"),
            Map.entry("6206", "6106"), Map.entry("6207", "6107"), Map.entry("6208", "6108"), Map.entry("6209", "6111"),
            Map.entry("6210", "6113"), Map.entry("6211", "6114"), Map.entry("6216", "6116"), Map.entry("6217", "6117"));
    private static final Set<String> HEADINGS = family();
    private static final Pattern CRAFT_KEY = Pattern.compile("weav|knit");
    private static final Pattern FABRIC_KEY = Pattern.compile("fabric type");
    private static final Pattern KNITTED = Pattern.compile("\\b(knit|knits|knitted|knitwear|crochet|crocheted)\\b");
    private static final Pattern WOVEN = Pattern.compile("\\b(woven|tat)\\b");

    private static Set<String> family() {
        Set<String> all = new HashSet<>(WOVEN_OF_KNITTED.keySet());
        all.addAll(KNITTED_OF_WOVEN.keySet());
        return Set.copyOf(all);
    }

    @Override
    public Set<String> headings() {
        return HEADINGS;
    }

    @Override
    public boolean namesGoods(ClassifyRequest r) {
        return knitted(r).isPresent();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        return choose(r, List.of());
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r, List<String> found) {
        Optional<Boolean> knitted = knitted(r);
        if (knitted.isEmpty()) {
            return Optional.empty();
        }
        String chapter = knitted.get() ? "61" : "62";
        String best = null;
        for (String h : found) {
            if (HEADINGS.contains(h)) {
                if (h.startsWith(chapter)) {
                    return choice(h, knitted.get());
                }
                if (best == null) {
                    best = h;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String counterpart = (knitted.get() ? KNITTED_OF_WOVEN : WOVEN_OF_KNITTED).get(best);
        return counterpart == null ? Optional.empty() : choice(counterpart, knitted.get());
    }

    /** True for knitted or crocheted, false for woven, empty when the listing does not say. */
    private static Optional<Boolean> knitted(ClassifyRequest r) {
        String craft = MaterialSplit.attribute(r, CRAFT_KEY);
        if (craft != null) {
            if (KNITTED.matcher(craft).find()) {
                return Optional.of(true);
            }
            if (WOVEN.matcher(craft).find()) {
                return Optional.of(false);
            }
        }
        String text = MaterialSplit.text(r, FABRIC_KEY);
        if (KNITTED.matcher(text).find()) {
            return Optional.of(true);
        }
        // "Tat" is a woven fabric only as the craft attribute's value; in a title it is a word of its own.
        return text.matches("(?s).*\\bwoven\\b.*") ? Optional.of(false) : Optional.empty();
    }

    private static Optional<Choice> choice(String heading, boolean knitted) {
        return Optional.of(new Choice(heading, null, knitted
                ? "HTSUS chapter 61: the listing says knitted or crocheted, heading " + heading
                : "HTSUS chapter 62 note 1: the listing says woven (not knitted or crocheted), heading " + heading));
    }
}
