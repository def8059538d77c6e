package org.shipaudit.reference;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chapter 83's miscellaneous articles of base metal that a title names together with what they are for: the search
 * reads "Brass Carabiner ... for Bag Strap Extender Chain Keychain" as jewellery or keys, "Copper Spacer Beads ... for
 * DIY Bracelets" as the bracelets, "Metal Nail Charms" as shoes or nail tools. From the HTSUS: heading 8308 takes
 * clasps, buckles, hooks, eyes and eyelets of base metal "of a kind used for clothing ..., jewelry, ... leather goods,
 * travel goods", and beads and spangles of base metal, so a clasp or bead for making jewellery is no jewellery
 * (chapter 71 note 11 limits imitation jewellery to note 9(a)'s finished objects of adornment) but an article of
 * 8308, which Section XV note 2(c) counts among the parts of general use; heading 8306 takes statuettes and other
 * ornaments of base metal, where a charm that adorns no person (a nail charm, a party decoration) belongs.
 *
 * <p>Decides on the goods named before the title turns to their use ("for", "with", "fit"), and only when base metal
 * is stated (title, Metals Type or Material) and no precious metal, plastics, glass or stone is: a sterling bead cap
 * is 7113, a resin charm 3926, a glass bead 7018. Silent when the goods named include a finished article that wears
 * the fitting (a necklace with its clasp, a belt with its buckle, a leash with its snap hook), and for charms in a
 * jewellery category (charms for bracelets are imitation jewellery). Runs after the jewellery split, which it
 * overrides for findings listed in a jewellery-making category.
 */
final class BaseMetalArticle implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("8306", "8308");
    /** Heading 8308's hooks, eyes and eyelets (8308.10): a carabiner or snap hook is a hook of the heading's kind. */
    private static final Pattern HOOK = Pattern.compile("\\b(carabiners?|karabiners?|snap ?hooks?|swivel ?hooks?"
            + "|eyelets?)\\b");
    /** Heading 8308's beads and spangles (8308.90.30), buckles and clasps (8308.90). */
    private static final Pattern BEAD = Pattern.compile("\\b(spacer beads?|positioning beads?|crimp beads?"
            + "|stopper beads?|spangles?|sequins?)\\b");
    private static final Pattern CLASP = Pattern.compile("\\b(clasps?|buckles?)\\b");
    /** Heading 8306's ornaments: charms named as the goods. */
    private static final Pattern CHARM = Pattern.compile("\\bcharms?\\b");
    /** Where an ornament adorns no person: nail art, a room, a party. */
    private static final Pattern DECORATION = Pattern.compile("\\b(nail|nails|decorations?|decorative|ornaments?"
            + "|party|room)\\b");
    /** Where a title turns from the goods to what they are for or come with. */
    private static final Pattern USE = Pattern.compile("\\b(for|with|fits?|compatible|suitable)\\b");
    /** A finished article named among the goods: the fitting is its part, and the article decides. */
    private static final Pattern WEARER = Pattern.compile("\\b(necklaces?|bracelets?|bangles?|anklets?|chokers?"
            + "|earrings?|rings?|pendants?|brooch(es)?|belts?|bags?|purses?|wallets?|handbags?|watch(es)?|straps?"
            + "|shoes?|boots?|sandals?|dress(es)?|coats?|jackets?|collars?|leash(es)?|harness(es)?|lanyards?)\\b");
    /** Note 9(a)'s objects of personal adornment: a charm named with one of them is jewellery's. */
    private static final Pattern ADORNMENT = Pattern.compile("\\b(necklaces?|bracelets?|bangles?|anklets?|earrings?"
            + "|pendants?|jewel(le)?ry)\\b");
    private static final Pattern BASE_METAL = Pattern.compile("\\b(metal|alloy|steel|stainless|iron|brass|copper"
            + "|bronze|zinc|alumini?um|nickel|tin|pewter|titanium)\\b");
    /** Precious metal (chapter 71 notes 4 and 6; plating is no precious metal) or a material of another chapter. */
    private static final Pattern NOT_BASE = Pattern.compile("\\b(s?925|sterling|\\d{1,2} ?(k|kt|karat) gold"
            + "|solid gold|real gold|platinum|plastics?|acrylic|resin|silicone|pvc|abs|nylon|glass|crystals?"
            + "|rhinestones?|zircons?|zirconia|wood(en)?|leather|ceramic|porcelain)\\b");
    private static final Pattern PLATED = Pattern.compile("\\b(gold|silver)[ -]?plated\\b|\\bplated (with )?(gold"
            + "|silver)\\b");
    private static final Pattern MATERIAL_KEY = Pattern.compile("metals? type|material");
    private static final Pattern JEWELLERY_CATEGORY = Pattern.compile("\\bjewel(le)?ry\\b");

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
        return choose(r).isPresent();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        String title = r.lowerText();
        String goods = MaterialSplit.goodsNamed(title, USE);
        if (!ofBaseMetal(r, title)) {
            return Optional.empty();
        }
        if (!WEARER.matcher(goods).find()) {
            if (HOOK.matcher(goods).find()) {
                return choice("8308", "830810", "8308.10: hooks, eyes and eyelets of base metal, of a kind used for "
                        + "clothing, jewelry, leather or travel goods");
            }
            if (BEAD.matcher(goods).find()) {
                return choice("8308", "830890", "8308.90: beads and spangles of base metal");
            }
            if (CLASP.matcher(goods).find()) {
                return choice("8308", "830890", "8308.90: clasps and buckles of base metal, of a kind used for "
                        + "clothing, jewelry, leather or travel goods");
            }
        }
        // A charm's shape may be a shoe or a bag ("Ballet Shoes Bow Nail Charms"): only jewellery wears it.
        String category = String.join(" ", r.category()).toLowerCase(Locale.ROOT);
        if (CHARM.matcher(goods).find() && !ADORNMENT.matcher(goods).find()
                && DECORATION.matcher(title + " " + category).find() && !JEWELLERY_CATEGORY.matcher(category).find()) {
            return PLATED.matcher(title).find()
                    ? choice("8306", "830621", "8306.21: ornaments of base metal plated with precious metal")
                    : choice("8306", "830629", "8306.29: other ornaments of base metal");
        }
        return Optional.empty();
    }

    /** Base metal stated in the title, else in the listing's metal or material field, and nothing else stated. */
    private static boolean ofBaseMetal(ClassifyRequest r, String title) {
        if (NOT_BASE.matcher(title).find()) {
            return false;
        }
        if (BASE_METAL.matcher(title).find()) {
            return true;
        }
        boolean base = false;
        for (Map.Entry<String, String> a : r.attributes().entrySet()) {
            if (a.getValue() != null && MATERIAL_KEY.matcher(a.getKey().toLowerCase(Locale.ROOT).trim()).matches()) {
                String stated = a.getValue().toLowerCase(Locale.ROOT);
                if (NOT_BASE.matcher(stated).find()) {
                    return false;
                }
                base |= BASE_METAL.matcher(stated).find();
            }
        }
        return base;
    }

    private static Optional<Choice> choice(String heading, String subheading, String what) {
        return Optional.of(new Choice(heading, subheading, "HTSUS " + what + " (Section XV note 2(c), chapter 71 "
                + "note 11: a fitting or ornament of base metal is no imitation jewellery)"));
    }
}
