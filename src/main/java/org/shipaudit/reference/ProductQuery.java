package org.shipaudit.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a product description the way a classifier should: the product noun counts most, then its material and
 * use; marketing, size and colour words count nothing; the listing's category path and attributes, when given,
 * say what the title only hints at.
 *
 * <p>Titles are written "adjectives noun for/with use": the last words before the first "for", "with" or
 * "compatible" are taken as the noun, the words after it as the use. The category's last element is a noun too,
 * its broader elements context. A word met in several places weighs its heaviest use plus a little for each other.
 * Synonyms (UK search) and the shopping-to-tariff phrases of {@link TariffSearch} add words at a lower weight.
 */
final class ProductQuery {

    /** Why a word is in the query; the weights are the part it plays. */
    enum Role {
        NOUN(2.0), MATERIAL(0.9), USE(0.5), CATEGORY(0.6), TITLE(1.0), SYNONYM(0.45), EXPANSION(0.8);

        final double weight;

        Role(double weight) {
            this.weight = weight;
        }
    }

    /** One analysed word of the query with its weight and part. */
    record Term(String term, double weight, Role role) {
    }

    static final int MAX_TERMS = 16;
    /**
     * A title of more words than this (marketplace titles run 15-20) does not end on its product noun: its last
     * words are specifications or selling phrases ("630hz 20khz", "club outfits"), so they weigh {@value #LONG_NOUN}
     * instead of a noun's 2 and the category and attributes say more. Chosen on the odd fold of the HSCodeComp dev
     * half (heading top-5 68.9 -> 71.5 %), held on the even fold (heading top-1 46.7 -> 48.0 %).
     */
    static final int LONG = 8;
    static final double LONG_NOUN = 1.4;
    private static final Pattern SPLIT = Pattern.compile("\\s+(?:for|with|compatible|fits|suitable)\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*");
    /** Sizes and counts: "21", "100ml", "2pcs". Compiled once: String.matches compiles per call. */
    private static final Pattern COUNT = Pattern.compile("\\d+[\\p{L}\"']{0,3}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> NOUN_KEYS = Set.of("item type", "type", "product type", "category", "style type");
    private static final Set<String> GENDER_KEYS = Set.of("gender", "department name", "applicable people");

    /** Words that sell rather than describe: they say nothing about the goods' classification. */
    static final Set<String> DISCOUNTED = Set.of(
            "new", "hot", "sale", "sales", "free", "shipping", "fashion", "fashionable", "luxury", "cute", "mini",
            "big", "small", "large", "huge", "tiny", "xl", "xxl", "xxxl", "xs", "size", "sizes", "plus", "premium",
            "quality", "high", "best", "top", "style", "styles", "stylish", "trendy", "vintage", "retro", "classic",
            "elegant", "beautiful", "gift", "gifts", "present", "red", "blue", "black", "white", "green", "yellow",
            "pink", "purple", "brown", "grey", "gray", "orange", "beige", "colorful", "colourful", "multicolor",
            "color", "colour", "colors", "pcs", "pc", "lot", "lots", "piece", "pieces", "pack", "packs", "handmade",
            "diy", "original", "genuine", "brand", "branded", "hd", "pro", "max", "ultra", "super", "wholesale",
            "dropshipping", "korean", "european", "american", "japanese", "chinese", "unisex", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "summer", "winter", "spring", "autumn",
            "fall", "season", "creative", "novelty", "popular", "simple", "casual", "personalized", "custom",
            "customized", "cool", "funny", "lovely", "pretty", "sexy", "korea", "japan", "ins", "charm", "charming",
            "exquisite", "delicate", "fine", "hip", "hop", "punk", "boho", "bohemian", "minimalist", "luxurious",
            "noenname", "null", "none", "nature", "pattern", "printed", "print", "cartoon", "decor", "decorative",
            "decoration", "home", "party", "wedding", "birthday", "christmas", "halloween", "valentine", "day",
            "unique", "us", "uk", "eu", "portable", "set", "sets", "kit", "accessories", "accessory", "parts",
            "part", "tool", "tools", "item", "items", "thing", "things", "stuff", "supplies", "high-quality",
            "upgraded", "upgrade", "sample", "samples", "misc", "various", "assorted", "version", "edition", "model", "series", "latest", "newest", "dropship", "cheap");

    /**
     * Nouns that name a part or fitting of other goods, in listings' words. Not batteries, motors, blades, gears or
     * screens: goods of a heading of their own stay there when they are parts (Section XVI note 2(a)).
     */
    static final Set<String> PART_NOUNS = Set.of("strap", "straps", "band", "bands", "pad", "pads", "earpads",
            "cushion", "cushions", "replacement", "refill", "dial", "bezel", "wheels", "wheel");
    /** The weight of the goods a part is for. */
    private static final double PART_OF_USE = 1.2;

    /** Who the goods are for: the tariff splits clothing by it, so it is a use, not noise. */
    static final Set<String> GENDER = Set.of("lady", "ladies", "girl", "girls", "boy", "boys", "kids", "child",
            "children", "baby", "babies", "infant", "adult", "adults", "women", "woman", "men", "man", "womens",
            "mens", "female", "male", "women's", "men's");

    private final List<Term> terms;
    private final TariffClassification.Analysis analysis;

    private ProductQuery(List<Term> terms, TariffClassification.Analysis analysis) {
        this.terms = terms;
        this.analysis = analysis;
    }

    List<Term> terms() {
        return terms;
    }

    TariffClassification.Analysis analysis() {
        return analysis;
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /**
     * Analyses the request. {@code analyze} turns text into index terms (the tariff analyzer: stop words dropped,
     * stemmed); {@code synonyms} gives the other words a term may mean.
     */
    static ProductQuery of(ClassifyRequest r, Function<String, List<String>> analyze,
                           Function<String, List<String>> synonyms) {
        return of(r, analyze, synonyms, (t, cut) -> List.of());
    }

    /**
     * As {@link #of(ClassifyRequest, Function, Function)}; {@code repair} gives the words an unknown term stands
     * for (shorthand, or a cut last word when its second argument is true; {@link TariffVocabulary#repair}), which
     * take its place.
     */
    static ProductQuery of(ClassifyRequest r, Function<String, List<String>> raw,
                           Function<String, List<String>> synonyms,
                           java.util.function.BiFunction<String, Boolean, List<String>> repair) {
        Function<String, List<String>> analyze = w -> repaired(raw.apply(w), repair, false);
        Map<String, double[]> weights = new LinkedHashMap<>();
        Map<String, Role> roles = new LinkedHashMap<>();
        Set<String> nouns = new LinkedHashSet<>();
        Set<String> materials = new LinkedHashSet<>();
        Set<String> uses = new LinkedHashSet<>();
        Set<String> discounted = new LinkedHashSet<>();

        String title = r.lowerText();
        String[] split = SPLIT.split(" " + title + " ", 2);
        List<String> head = words(split[0], discounted);
        int nouns0 = (int) head.stream().filter(w -> !GENDER.contains(w)).count();
        int nounFrom = nounStart(head, nouns0);
        for (int i = 0; i < head.size(); i++) {
            if (GENDER.contains(head.get(i))) {
                for (String t : analyze.apply(head.get(i))) {
                    add(weights, roles, t, Role.USE, Role.USE.weight);
                    uses.add(t);
                }
                continue;
            }
            Role role = i >= nounFrom ? Role.NOUN : Role.TITLE;
            double weight = role == Role.NOUN && nouns0 > LONG ? LONG_NOUN : role.weight;
            // A form's field may have cut the description's last word ("wrap front trous").
            boolean last = split.length == 1 && i == head.size() - 1;
            for (String t : last ? repaired(raw.apply(head.get(i)), repair, true) : analyze.apply(head.get(i))) {
                add(weights, roles, t, role, weight);
                if (role == Role.NOUN) {
                    nouns.add(t);
                }
            }
        }
        // "Strap for Huawei watch", "ear pads for Beats headset": the noun is a part and the use names the goods it
        // belongs to, whose heading (or its parts subheading) is the answer: the use then weighs nearly a noun.
        boolean partOf = split.length > 1 && head.subList(nounFrom, head.size()).stream().anyMatch(PART_NOUNS::contains);
        if (partOf) {
            for (String t : analyze.apply("parts")) {
                add(weights, roles, t, Role.TITLE, Role.TITLE.weight);
            }
        }
        if (split.length > 1) {
            for (String w : words(split[1], discounted)) {
                for (String t : analyze.apply(w)) {
                    add(weights, roles, t, Role.USE, partOf ? PART_OF_USE : Role.USE.weight);
                    uses.add(t);
                }
            }
        }
        for (Map.Entry<String, String> a : r.attributes().entrySet()) {
            String key = a.getKey().toLowerCase(Locale.ROOT).trim();
            String value = a.getValue() == null ? "" : a.getValue().toLowerCase(Locale.ROOT);
            if (value.isBlank() || value.length() > 60) {
                continue;
            }
            Role role = NOUN_KEYS.contains(key) ? Role.NOUN
                    : key.contains("material") || key.contains("fabric") || key.equals("metals type") ? Role.MATERIAL
                    : GENDER_KEYS.contains(key) ? Role.USE : null;
            if (role == null) {
                continue;
            }
            for (String w : words(value, discounted)) {
                for (String t : analyze.apply(w)) {
                    // An attribute is one value for the whole listing: it weighs less than the title's own noun.
                    double weight = role == Role.NOUN ? 1.5 : role.weight;
                    add(weights, roles, t, role, weight);
                    (role == Role.NOUN ? nouns : role == Role.MATERIAL ? materials : uses).add(t);
                }
            }
        }
        List<String> category = r.category();
        for (int i = 0; i < category.size(); i++) {
            boolean leaf = i == category.size() - 1;
            for (String w : words(category.get(i).toLowerCase(Locale.ROOT), discounted)) {
                for (String t : analyze.apply(w)) {
                    add(weights, roles, t, leaf ? Role.NOUN : Role.CATEGORY, leaf ? 1.4 : Role.CATEGORY.weight);
                    if (leaf) {
                        nouns.add(t);
                    }
                }
            }
        }
        // Shopping phrases the tariff words differently ("earbuds" -> "earphones"), then the UK synonyms.
        String all = " " + NOT_WORD.matcher(String.join(" ", title, String.join(" ", category),
                String.join(" ", r.attributes().values())).toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        for (Map.Entry<String, String> e : TariffSearch.expansions().entrySet()) {
            if (all.contains(" " + e.getKey() + " ")) {
                for (String t : analyze.apply(e.getValue())) {
                    add(weights, roles, t, Role.EXPANSION, Role.EXPANSION.weight);
                }
            }
        }
        List<String> base = new ArrayList<>(weights.keySet());
        for (String t : base) {
            Role role = roles.get(t);
            if (role == Role.SYNONYM || role == Role.EXPANSION || role == Role.CATEGORY) {
                continue;
            }
            double w = weights.get(t)[0];
            for (String s : synonyms.apply(t)) {
                if (!weights.containsKey(s)) {
                    add(weights, roles, s, Role.SYNONYM, w * Role.SYNONYM.weight / Role.NOUN.weight);
                }
            }
        }
        List<Term> out = new ArrayList<>();
        weights.forEach((t, w) -> out.add(new Term(t, w[0] + 0.25 * Math.min(w[1], w[0]), roles.get(t))));
        out.sort(Comparator.comparingDouble(Term::weight).reversed());
        List<Term> kept = List.copyOf(out.subList(0, Math.min(MAX_TERMS, out.size())));
        TariffClassification.Analysis analysis = new TariffClassification.Analysis(List.copyOf(nouns),
                List.copyOf(materials), List.copyOf(uses), List.copyOf(discounted),
                kept.stream().map(t -> t.term() + "^" + String.format(Locale.ROOT, "%.2f", t.weight())).toList());
        return new ProductQuery(kept, analysis);
    }

    /** The terms with each unknown one replaced by the words it stands for, when {@code repair} finds any. */
    private static List<String> repaired(List<String> terms,
                                         java.util.function.BiFunction<String, Boolean, List<String>> repair,
                                         boolean mayBeCut) {
        List<String> out = null;
        for (int i = 0; i < terms.size(); i++) {
            List<String> r = repair.apply(terms.get(i), mayBeCut && i == terms.size() - 1);
            if (!r.isEmpty() && out == null) {
                out = new ArrayList<>(terms.subList(0, i));
            }
            if (out != null) {
                out.addAll(r.isEmpty() ? List.of(terms.get(i)) : r);
            }
        }
        return out == null ? terms : out;
    }

    /** The index in {@code head} from which the last two non-gender words start (the product noun). */
    private static int nounStart(List<String> head, int contentWords) {
        int seen = 0;
        for (int i = head.size() - 1; i >= 0; i--) {
            if (!GENDER.contains(head.get(i)) && ++seen == Math.min(2, contentWords)) {
                return i;
            }
        }
        return 0;
    }

    /** The words of the text that are not discounted (those go to {@code discounted}), in order. */
    private static List<String> words(String text, Set<String> discounted) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (DISCOUNTED.contains(w) || COUNT.matcher(w).matches()) {
                // Sizes and counts ("21", "100ml", "2pcs") and selling words describe the offer, not the goods.
                discounted.add(w);
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Keeps the heaviest weight of a term in [0] and the sum of its other weights in [1]. */
    private static void add(Map<String, double[]> weights, Map<String, Role> roles, String t, Role role, double w) {
        double[] cur = weights.get(t);
        if (cur == null) {
            weights.put(t, new double[] {w, 0});
            roles.put(t, role);
        } else if (w > cur[0]) {
            cur[1] += cur[0];
            cur[0] = w;
            roles.put(t, role);
        } else {
            cur[1] += w;
        }
    }
}
