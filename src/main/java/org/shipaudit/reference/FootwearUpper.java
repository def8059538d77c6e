package org.shipaudit.reference;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chapter 64's split of footwear by the material of the upper (HTSUS chapter 64 note 4(a): the constituent material
 * with the greatest external surface area): rubber or plastics 6402 (6401 is waterproof footwear with a moulded
 * upper, left to the text search), leather 6403, textile materials 6404. "PU leather" and faux leather are plastics.
 * The subheading (sports footwear, covering the ankle...) stays the text search's choice.
 */
final class FootwearUpper implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("6402", "6403", "6404");
    private static final Pattern FOOTWEAR = Pattern.compile("\\b(shoes?|boots?|booties|sandals?|slippers?|sneakers?"
            + "|footwear|flats|loafers?|pumps|heels|oxfords|mules|clogs|espadrilles|flip[ -]?flops?|trainers)\\b");
    private static final Pattern SOLE = Pattern.compile("\\b\\w+ (out|in)?soles?\\b");
    private static final Pattern UPPER_KEY = Pattern.compile("upper.*material|material.*upper");
    private static final Pattern PLASTICS = Pattern.compile("\\b(pu|pvc|rubber|plastics?|eva|tpr|tpu|jelly|silicone"
            + "|faux|synthetic leather|artificial leather|vegan leather|patent|microfiber leather)\\b");
    private static final Pattern LEATHER = Pattern.compile("\\b(genuine leather|real leather|cow ?(hide|leather|skin)"
            + "|sheepskin|pigskin|pig skin|split leather|full grain|nubuck|suede|leather)\\b");
    private static final Pattern TEXTILE = Pattern.compile("\\b(mesh|canvas|knit(ted)?|fabric|cloth|flock(ing)?|velvet"
            + "|flannel|textile|cotton|wool|felt|denim|satin|lycra|elastic|plush|fleece|microfiber|polyester|nylon)\\b");

    @Override
    public Set<String> headings() {
        return HEADINGS;
    }

    @Override
    public boolean namesGoods(ClassifyRequest r) {
        return FOOTWEAR.matcher(MaterialSplit.text(r, MaterialSplit.ITEM_TYPE)).find();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        String upper = MaterialSplit.attribute(r, UPPER_KEY);
        if (upper != null) {
            Optional<Choice> c = of(upper);
            if (c.isPresent()) {
                return c;
            }
        }
        // The sole's material says nothing of the upper's ("genuine leather shoes with rubber sole").
        return of(SOLE.matcher(r.text().toLowerCase(java.util.Locale.ROOT)).replaceAll(" "));
    }

    private static Optional<Choice> of(String text) {
        // Plastics first: "PU leather", "faux suede" name leather but are not.
        if (PLASTICS.matcher(text).find()) {
            return choice("6402", "uppers of rubber or plastics (faux and PU leather are plastics) are 6402");
        }
        if (LEATHER.matcher(text).find()) {
            return choice("6403", "uppers of leather are 6403");
        }
        if (TEXTILE.matcher(text).find()) {
            return choice("6404", "uppers of textile materials are 6404");
        }
        return Optional.empty();
    }

    private static Optional<Choice> choice(String heading, String what) {
        return Optional.of(new Choice(heading, null, "HTSUS chapter 64 note 4(a), headings 6402-6404: footwear with "
                + what));
    }
}
