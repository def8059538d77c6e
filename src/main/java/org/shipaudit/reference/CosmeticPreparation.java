package org.shipaudit.reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Perfumery, cosmetic and toilet preparations (headings 3303-3307) that the search reads by an ingredient: "ginger",
 * "essence", "argan oil" or "herbal" send a hair spray or a hair dye to the food preparations of chapter 21 or to the
 * oils of chapter 15. Chapter 33 note 3 puts in those headings products, whether or not mixed, suitable for use as
 * their goods and put up for retail sale as such: what the preparation is for decides, not what it is made of. The
 * listing names it by its product noun (shampoo, serum, nail gel, lipstick); the heading follows from that noun
 * (3305 for the hair, 3303 perfumes, 3306 the mouth, 3307 deodorants, 3304 the skin, lips, eyes and nails).
 *
 * <p>Decides alone only in a cosmetics category ("Hair Care & Styling", "Skin Care", "Makeup", "Nail Art"): without
 * one, "cream" and "essence" name colours and food flavourings too, so the split only orders chapter 33's headings
 * when the search found one. Containers and tools for cosmetics ("lotion bottle", "serum dispenser", "nail polish
 * rack") are never the preparation.
 */
final class CosmeticPreparation implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("3303", "3304", "3305", "3306", "3307");
    private static final Pattern CATEGORY = Pattern.compile("hair care|skin care|makeup|nail art|fragrance"
            + "|bath & body|oral (care|hygiene)|cosmetic");
    private static final Pattern HAIR = Pattern.compile("\\b(shampoos?|conditioners?|hair ?(dyes?|colou?rs?|sprays?"
            + "|serums?|oils?|tonics?|masks?|growth|lacquers?|essences?))\\b");
    private static final Pattern HAIR_OTHER = Pattern.compile("\\bhair ?(dyes?|colou?rs?|growth|loss|tonics?"
            + "|serums?|oils?)\\b");
    private static final Pattern SHAMPOO = Pattern.compile("\\bshampoos?\\b");
    private static final Pattern PERFUME = Pattern.compile("\\b(perfumes?|colognes?|eau de (parfum|toilette))\\b");
    private static final Pattern MOUTH = Pattern.compile("\\b(toothpastes?|mouthwash(es)?|dentifrices?)\\b");
    private static final Pattern TOILET = Pattern.compile("\\b(deodorants?|antiperspirants?|shaving (cream|foam)s?"
            + "|bath salts?)\\b");
    private static final Pattern LIPS = Pattern.compile("\\b(lipsticks?|lip (gloss|balm|stick|oil|tint)s?)\\b");
    private static final Pattern EYES = Pattern.compile("\\b(mascaras?|eyeliners?|eye ?shadows?|eyebrow pencils?)\\b");
    private static final Pattern NAILS = Pattern.compile("\\b(nail (polish(es)?|gels?|lacquers?)|gel polish(es)?)\\b");
    private static final Pattern SKIN = Pattern.compile("\\b(serums?|creams?|lotions?|essences?|toners?|concealers?"
            + "|sunscreens?|sun ?block|moisturi[sz]ers?|cleansers?|makeup removers?|(face|facial|sheet) masks?)\\b");
    /** The goods for a preparation rather than the preparation: its container, applicator or the machine using it. */
    private static final Pattern NOT_A_PREPARATION = Pattern.compile("\\b(bottles?|jars?|dispensers?|brush(es)?"
            + "|applicators?|pumps?|containers?|box(es)?|bags?|cases?|holders?|machines?|devices?|lamps?|dryers?"
            + "|tools?|organi[sz]ers?|racks?|stickers?|charms?|files?)\\b");

    @Override
    public Set<String> headings() {
        return HEADINGS;
    }

    @Override
    public boolean decidesWhenNamed(ClassifyRequest r) {
        return CATEGORY.matcher(String.join(" > ", r.category()).toLowerCase(Locale.ROOT)).find();
    }

    @Override
    public boolean namesGoods(ClassifyRequest r) {
        String goods = goods(r);
        return heading(goods) != null && !NOT_A_PREPARATION.matcher(goods).find();
    }

    /**
     * The title and the item type, lower case: not the category, whose path names the tools beside the
     * preparations ("Nail Art & Tools > Nail Gel").
     */
    private static String goods(ClassifyRequest r) {
        String type = MaterialSplit.attribute(r, MaterialSplit.ITEM_TYPE);
        return (r.text() + (type == null ? "" : " ; " + type)).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        return choose(r, List.of());
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r, List<String> found) {
        if (!namesGoods(r)) {
            return Optional.empty();
        }
        String goods = goods(r);
        String heading = heading(goods);
        String sub = switch (heading) {
            case "3304" -> LIPS.matcher(goods).find() ? "330410" : EYES.matcher(goods).find() ? "330420"
                    : NAILS.matcher(goods).find() ? "330430" : null;
            // Colourants and growth or loss treatments are none of 3305.10-.30 (shampoos, waving, lacquers).
            case "3305" -> HAIR_OTHER.matcher(goods).find() ? "330590" : SHAMPOO.matcher(goods).find() ? "330510"
                    : null;
            default -> null;
        };
        return Optional.of(new Choice(heading, sub, "HTSUS chapter 33 note 3: a preparation put up for retail sale "
                + "as goods of heading " + heading + " is classified by its use, whatever its ingredients"));
    }

    /** The heading the product noun names, the hair's first (a "hair essence" is no skin essence), or null. */
    private static String heading(String goods) {
        if (HAIR.matcher(goods).find()) {
            return "3305";
        }
        if (PERFUME.matcher(goods).find()) {
            return "3303";
        }
        if (MOUTH.matcher(goods).find()) {
            return "3306";
        }
        if (TOILET.matcher(goods).find()) {
            return "3307";
        }
        return LIPS.matcher(goods).find() || EYES.matcher(goods).find() || NAILS.matcher(goods).find()
                || SKIN.matcher(goods).find() ? "3304" : null;
    }
}
