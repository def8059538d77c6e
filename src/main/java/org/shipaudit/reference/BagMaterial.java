package org.shipaudit.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bags, by what they are made of and what they are (HTSUS heading 4202 and its subheadings; chapter 46 note 1 for
 * plaiting materials). A bag of straw, rattan, wicker or similar plaiting materials is basketwork, 4602; every other
 * handbag, wallet, suitcase or backpack is 4202, whose subheadings split by kind (trunks and suitcases 4202.1x,
 * handbags 4202.2x, articles carried in the pocket or handbag 4202.3x, the others 4202.9x) and then by the outer
 * surface: leather (.x1), plastics or textile materials (.x2: PU or faux leather is plastics), other (.x9). The text
 * search finds the family; its words cannot tell "straw bag" from "nylon bag" as the notes do.
 */
final class BagMaterial implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("4202", "4602");
    private static final Pattern BAG = Pattern.compile("\\b(bags?|handbags?|purses?|totes?|backpacks?|rucksacks?"
            + "|wallets?|clutch(es)?|satchels?|suitcases?|luggage|briefcases?|pouch(es)?|crossbody|duffel|cardholders?)\\b");
    private static final Pattern PLAITING = Pattern.compile("\\b(straw|rattan|wicker|seagrass|sea grass|raffia|willow"
            + "|bamboo|palm leaf|water hyacinth|rush|plaited|woven grass)\\b");
    private static final Pattern SUITCASE = Pattern.compile("\\b(suitcases?|trunks?|luggage|trolley case|briefcases?"
            + "|vanity cases?|attache)\\b");
    private static final Pattern POCKET = Pattern.compile("\\b(wallets?|card ?holders?|coin purses?|key cases?"
            + "|cigarette cases?|passport (holder|cover)s?|money clips?)\\b");
    private static final Pattern HANDBAG = Pattern.compile("\\b(handbags?|shoulder bags?|totes?|tote bags?|crossbody"
            + "|clutch(es)?|messenger bags?|satchels?|hobo|underarm bags?|purses?|bucket bags?|evening bags?)\\b");
    private static final Pattern PLASTICS_OR_TEXTILE = Pattern.compile("\\b(pu|pvc|faux|vegan|synthetic|artificial"
            + "|plastics?|nylon|polyester|canvas|oxford|cotton|fabric|textile|denim|linen|felt|velvet|jute|knit(ted)?"
            + "|transparent|jelly|silicone|eva|acrylic|corduroy|plush|sequins?)\\b");
    private static final Pattern LEATHER = Pattern.compile("\\b(leather|cowhide|sheepskin|lambskin|suede|calfskin)\\b");
    private static final Pattern MATERIAL_KEY = Pattern.compile("material");
    private static final Pattern NOUN_KEY = Pattern.compile("item type");

    @Override
    public Set<String> headings() {
        return HEADINGS;
    }

    @Override
    public boolean namesGoods(ClassifyRequest r) {
        return BAG.matcher(MaterialSplit.text(r, NOUN_KEY)).find();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        String all = MaterialSplit.text(r, MATERIAL_KEY);
        if (PLAITING.matcher(all).find()) {
            return Optional.of(new Choice("4602", null, "HTSUS chapter 46 note 1, heading 4602: bags of straw, rattan, "
                    + "wicker or other plaiting materials are basketwork"));
        }
        String title = r.text().toLowerCase(Locale.ROOT);
        String kind = SUITCASE.matcher(title).find() ? "1" : POCKET.matcher(title).find() ? "3"
                : HANDBAG.matcher(all).find() ? "2" : "9";
        // Plastics and textiles first: "PU leather" names leather but is plastics.
        String surface = PLASTICS_OR_TEXTILE.matcher(all).find() ? "2" : LEATHER.matcher(all).find() ? "1" : null;
        String what = switch (kind) {
            case "1" -> "trunks and suitcases";
            case "2" -> "handbags";
            case "3" -> "articles carried in the pocket or handbag";
            default -> "other bags and cases";
        };
        String sub = surface == null ? null : "4202" + kind + surface;
        return Optional.of(new Choice("4202", sub, "HTSUS heading 4202: " + what + (surface == null ? ""
                : surface.equals("1") ? " with outer surface of leather" : " with outer surface of plastics or textile")
                + " are 4202" + (sub == null ? "" : "." + kind + surface)));
    }
}
