package org.shipaudit.reference;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chapter 71's split of jewellery by material. From the HTSUS chapter 71 notes: jewellery (note 9(a): rings,
 * bracelets, necklaces, brooches, earrings, pendants...) of precious metal (note 4(a): silver, gold, platinum; note 6:
 * not metal plated with it) is heading 7113, silver 7113.11, other precious metal 7113.19; jewellery of pearls or of
 * precious, semiprecious, synthetic or reconstructed stones without precious metal (note 2(b)) is 7116, pearls
 * 7116.10, stones 7116.20; the rest, not incorporating pearls, stones nor precious metal other than as plating (note
 * 11), is imitation jewellery, 7117: of base metal 7117.19 (cuff links aside), of other materials 7117.90. Precious
 * metal decides first: a gold ring set with a diamond is still an article of precious metal (note 9, last paragraph).
 */
final class JewelleryMaterial implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("7113", "7116", "7117");
    /** Note 9(a)'s objects of personal adornment, as listings name them. */
    private static final Pattern JEWELLERY_NOUN = Pattern.compile("\\b(rings?|bracelets?|bangles?|necklaces?|chokers?"
            + "|brooch(es)?|earrings?|studs?|pendants?|charms?|anklets?|cuff ?links?|tie ?pins?|jewel(le)?ry|medals?"
            + "|lapel pins?|enamel pins?|piercing|labrets?)\\b");
    // "925", "S925", "sterling", "14K", "18k gold", "585": hallmarks and fineness say precious metal.
    private static final Pattern SILVER = Pattern.compile("\\b(s?925|sterling|pure silver|real silver|solid silver"
            + "|fine silver|999 silver)\\b");
    private static final Pattern GOLD = Pattern.compile("\\b(\\d{1,2} ?(k|kt|karat|carat) ?(solid |real |yellow |white "
            + "|rose )?gold|solid gold|real gold|pure gold|gold 585|585 gold|750 gold|platinum|palladium)\\b");
    // Plating, colour or tone is not the metal itself (note 6, note 11: "except as plating").
    private static final Pattern NOT_THE_METAL = Pattern.compile("(gold|silver)[ -]?(colou?r(ed)?|tone|plated|plating"
            + "|filled|coated|dipped|finish)|(plated|color|colour|tone) (gold|silver)");
    private static final Pattern PEARL = Pattern.compile("\\b(pearls?|keshi)\\b");
    /**
     * Mother-of-pearl and "pearl shell" (the shell's nacre, worked: heading 9601's material) are no pearls (note 1:
     * natural or cultured pearls); jewellery of them is imitation jewellery.
     */
    private static final Pattern NOT_A_PEARL = Pattern.compile("\\b(mother[ -]of[ -]pearls?|pearl shells?|shell pearls?"
            + "|pearl ?(colou?r|white|finish))\\b");
    /** A listing's metal field naming a base metal: a hallmark in the title is then of a part (an S925 post). */
    private static final Pattern BASE_METALS_TYPE = Pattern.compile("\\b(copper|brass|bronze|zinc|alloy|steel"
            + "|stainless|iron|titanium|tungsten|aluminium|aluminum|nickel|tin)\\b");
    /** Where the listing's own category says jewellery: the marketplace has said what the goods are. */
    private static final Pattern JEWELLERY_CATEGORY = Pattern.compile("\\bjewel(le)?ry\\b");
    /** Not yet jewellery: loose beads and stones (headings 7018, 7101, 7103), which the search reads by their words. */
    private static final Pattern LOOSE = Pattern.compile("\\bloose\\b");
    private static final Pattern STONE = Pattern.compile("\\b(zircons?|zirconia|cz|rhinestones?|crystals?|moissanite"
            + "|quartz|opals?|jade|agate|amethyst|turquoise|gem ?stones?|gems?|diamonds?|rub(y|ies)|sapphires?"
            + "|emeralds?|garnets?|topaz|onyx|obsidian|tourmaline|moonstone|birthstones?|lapis|citrine|peridot"
            + "|aquamarine|tiger'?s? eye|jasper|amber|coral)\\b");
    private static final Pattern BASE_METAL = Pattern.compile("\\b(metal|alloy|steel|stainless|titanium|tungsten|copper"
            + "|brass|bronze|zinc|iron|aluminium|aluminum|nickel|tin|pewter|chain)\\b");
    private static final Pattern OTHER_MATERIAL = Pattern.compile("\\b(resin|acrylic|plastic|leather|rope|wood(en)?"
            + "|glass|ceramic|silicone|fabric|cotton|thread|shell|bone|felt|paper|clay|cord)\\b");
    /** Attribute names that state a material, in marketplace listings. */
    private static final Pattern MATERIAL_KEY = Pattern.compile("material|metal|stamp|stone|pearl|inlay");
    private static final Pattern NOUN_KEY = Pattern.compile("item type");
    private static final Pattern METALS_TYPE = Pattern.compile("^metals? type$");

    @Override
    public Set<String> headings() {
        return HEADINGS;
    }

    @Override
    public boolean namesGoods(ClassifyRequest r) {
        return JEWELLERY_NOUN.matcher(MaterialSplit.text(r, NOUN_KEY)).find();
    }

    /**
     * Decides ahead of every heading the search found when the listing's category says jewellery and the goods are
     * no loose beads or stones: long titles scatter the search ("bead fit original bracelet" finds watches, "rose
     * quartz bracelet" the ore) where the category has already said what the goods are.
     */
    @Override
    public boolean decidesWhenNamed(ClassifyRequest r) {
        return JEWELLERY_CATEGORY.matcher(String.join(" ; ", r.category()).toLowerCase(Locale.ROOT)).find()
                && !LOOSE.matcher(r.text().toLowerCase(Locale.ROOT)).find();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        String all = MaterialSplit.text(r, MATERIAL_KEY);
        String metal = NOT_THE_METAL.matcher(all).replaceAll(" ");
        String metalsType = MaterialSplit.attribute(r, METALS_TYPE);
        boolean statedMetal = metalsType != null && !NOT_THE_METAL.matcher(metalsType).find();
        // A base metal in the listing's metal field outranks a hallmark in the title: that is of a post or hook.
        boolean baseMetal = statedMetal && BASE_METALS_TYPE.matcher(metalsType).find();
        if (baseMetal) {
            metal = SILVER.matcher(GOLD.matcher(metal).replaceAll(" ")).replaceAll(" ");
        }
        if (SILVER.matcher(metal).find() || statedMetal && metalsType.contains("silver")) {
            return choice("7113", "711311", "of silver (hallmark or fineness stated) is 7113.11");
        }
        if (GOLD.matcher(metal).find() || statedMetal && (metalsType.contains("gold") || metalsType.contains("platinum"))) {
            return choice("7113", "711319", "of gold or platinum (fineness stated) is 7113.19");
        }
        if (PEARL.matcher(NOT_A_PEARL.matcher(all).replaceAll(" ")).find()) {
            return choice("7116", "711610", "of pearls without precious metal is 7116.10");
        }
        if (STONE.matcher(all).find()) {
            return choice("7116", "711620", "of precious, semiprecious or synthetic stones without precious metal is 7116.20");
        }
        boolean namedMetal = metalsType != null && !metalsType.equals("none");
        if (namedMetal || BASE_METAL.matcher(all).find() || !statesMaterial(r)) {
            return choice("7117", "711719", "of base metal, without pearls, stones or precious metal, is imitation "
                    + "jewellery, 7117.19");
        }
        return choice("7117", "711790", "of other materials, without pearls, stones or precious metal, is imitation "
                + "jewellery, 7117.90");
    }

    private static Optional<Choice> choice(String heading, String subheading, String what) {
        return Optional.of(new Choice(heading, subheading, "HTSUS chapter 71 notes 4, 9 and 11: jewellery " + what));
    }

    /** Whether the title or a material attribute names any material at all (else base metal, the usual case). */
    private static boolean statesMaterial(ClassifyRequest r) {
        for (Map.Entry<String, String> a : r.attributes().entrySet()) {
            String k = a.getKey().toLowerCase(Locale.ROOT);
            if (MATERIAL_KEY.matcher(k).find() && a.getValue() != null && !a.getValue().isBlank()
                    && !a.getValue().equalsIgnoreCase("none")) {
                return true;
            }
        }
        return OTHER_MATERIAL.matcher(r.text().toLowerCase(Locale.ROOT)).find();
    }
}
