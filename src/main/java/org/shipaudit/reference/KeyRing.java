package org.shipaudit.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key chains and key rings are no imitation jewellery: HTSUS chapter 71 note 11 limits imitation jewellery (7117) to
 * the objects of personal adornment of note 9(a) (rings, bracelets, necklaces, brooches...), and a key ring is one of
 * note 9(b)'s articles carried in the pocket, which chapter 71 holds only when of precious metal (7113). Of anything
 * else it is an article of its material: iron or steel 7326, zinc 7907, copper or brass 7419, aluminium 7616,
 * plastics 3926, leather 4205, textile 6307. The search reads the pendant on it ("keychain pendant" finds 7117, an
 * anime figure finds 9503), so the split decides on the goods named alone. The metal the listing states in its own
 * field ({@code Metals Type: Zinc Alloy}) comes first: the ring and chain are what make the goods a key ring.
 * Silent when a key ring is only what the goods are for ("carabiner for bag strap and keychain"), when precious
 * metal is stated (chapter 71 then decides) and when no material is stated.
 */
final class KeyRing implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("3926", "4205", "6307", "7326", "7419", "7616", "7907");
    private static final Pattern KEY_RING = Pattern.compile("\\b(key ?chains?|key ?rings?|keyrings?|key ?fobs?)\\b");
    /** Where a title turns from the goods to what they are for. */
    private static final Pattern USE = Pattern.compile("\\b(for|fits?|compatible)\\b");
    private static final Pattern PRECIOUS = Pattern.compile("\\b(s?925|sterling|\\d{1,2} ?(k|kt|karat) gold"
            + "|solid gold|real gold|platinum)\\b");
    private static final Pattern METALS_TYPE = Pattern.compile("^metals? type$");
    private static final Pattern MATERIAL_KEY = Pattern.compile("material");
    private static final Pattern NOT_A_METAL = Pattern.compile("none|colou?r|plat(ed|ing)|tone");

    /** Materials in the order they are tried, each with its heading, subheading and the tariff's words. */
    private enum Material {
        ZINC("7907", "790700", "\\bzinc", "HTSUS 7907.00: other articles of zinc"),
        STEEL("7326", "732690", "\\b(stainless|steel|iron)\\b", "HTSUS 7326.90: other articles of iron or steel"),
        COPPER("7419", "741980", "\\b(copper|brass|bronze)\\b", "HTSUS 7419.80: other articles of copper"),
        ALUMINIUM("7616", "761699", "\\balumini?um\\b", "HTSUS 7616.99: other articles of aluminum"),
        LEATHER("4205", "420500", "\\b(genuine leather|real leather|cowhide|sheepskin)\\b",
                "HTSUS 4205.00: other articles of leather"),
        PLASTICS("3926", null, "\\b(acrylic|plastics?|resin|pvc|pu|pu leather|faux leather|silicone|tpu|abs)\\b",
                "HTSUS 3926: other articles of plastics"),
        TEXTILE("6307", "630790", "\\b(knit(ted)?|hand-knitted|crochet(ed)?|fabric|textile|felt|cotton|wool|yarn"
                + "|polyester|nylon|canvas)\\b", "HTSUS 6307.90: other made up textile articles");

        final String heading;
        final String subheading;
        final Pattern words;
        final String reason;

        Material(String heading, String subheading, String words, String reason) {
            this.heading = heading;
            this.subheading = subheading;
            this.words = Pattern.compile(words);
            this.reason = reason;
        }
    }

    @Override
    public Set<String> headings() {
        return HEADINGS;
    }

    @Override
    public boolean decidesWhenNamed(ClassifyRequest r) {
        return true;
    }

    @Override
    public boolean namesGoods(ClassifyRequest r) {
        String title = r.lowerText();
        Matcher key = KEY_RING.matcher(title);
        if (!key.find() || PRECIOUS.matcher(title).find()) {
            return false;
        }
        Matcher use = USE.matcher(title);
        return !use.find() || key.start() < use.start();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        String metal = MaterialSplit.attribute(r, METALS_TYPE);
        if (metal != null && !NOT_A_METAL.matcher(metal).find()) {
            Optional<Choice> stated = first(metal);
            if (stated.isPresent()) {
                return stated;
            }
        }
        Optional<Choice> inTitle = first(r.text().toLowerCase(Locale.ROOT));
        return inTitle.isPresent() ? inTitle : first(MaterialSplit.text(r, MATERIAL_KEY));
    }

    /** The material whose words come first in {@code text}. */
    private static Optional<Choice> first(String text) {
        Material best = null;
        int at = Integer.MAX_VALUE;
        for (Material m : Material.values()) {
            Matcher found = m.words.matcher(text);
            if (found.find() && found.start() < at) {
                best = m;
                at = found.start();
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Choice(best.heading, best.subheading,
                "HTSUS chapter 71 notes 9 and 11: a key ring is no imitation jewellery but an article of its material; "
                        + best.reason));
    }
}
