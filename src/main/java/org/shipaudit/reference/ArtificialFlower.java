package org.shipaudit.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Artificial flowers, foliage and fruit are HTSUS heading 6702, not the live plants and cut flowers of chapter 6
 * whose words they share ("artificial rose bouquet" finds 0603.11, roses): 6702.10 of plastics, 6702.90 of other
 * materials (silk, polyester, paper, feathers). Decides on the goods named ("artificial", "fake", "faux" or
 * "simulated" with a flower, plant or fruit word, or a category naming artificial flowers). Silent, as chapter 67
 * note 3 says, for those of glass (chapter 70) and for those moulded or carved in one piece of pottery, stone,
 * metal or wood; and for lights shaped as flowers (9405).
 */
final class ArtificialFlower implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("6702");
    private static final Pattern IMITATION = Pattern.compile("\\b(artificial|fake|faux|simulat(ed|ion))\\b");
    private static final Pattern PLANT = Pattern.compile("\\b(flowers?|floral|roses?|plants?|foliage|leaves|leaf"
            + "|fruits?|greenery|bouquets?|grass|vines?|succulents?|stamens?|peon(y|ies)|orchids?|tulips?|lil(y|ies)"
            + "|lotus|hydrangeas?|eucalyptus|ferns?|ivy|bonsai|shrubs?|branch(es)?)\\b");
    private static final Pattern CATEGORY = Pattern.compile("\\bartificial (flowers?|plants?)\\b");
    /** Chapter 67 note 3 and lights: goods that are not of heading 6702 whatever they imitate. */
    private static final Pattern NOT_6702 = Pattern.compile("\\b(glass|ceramic|porcelain|pottery|stone|metal|wood(en)?"
            + "|lights?|lamps?|led)\\b");
    private static final Pattern PLASTICS = Pattern.compile("\\b(plastics?|pvc|pe|eva|foam|pu|latex|silicone"
            + "|polyethylene)\\b");
    private static final Pattern OTHER = Pattern.compile("\\b(silk|polyester|fabric|cloth|chiffon|satin|velvet"
            + "|non-?woven|paper|feathers?|cotton|linen)\\b");
    private static final Pattern MATERIAL_KEY = Pattern.compile("material");

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
        String title = r.text().toLowerCase(Locale.ROOT);
        String category = String.join(" ; ", r.category()).toLowerCase(Locale.ROOT);
        boolean named = IMITATION.matcher(title).find() && PLANT.matcher(title).find()
                || CATEGORY.matcher(category).find();
        return named && !NOT_6702.matcher(MaterialSplit.text(r, MATERIAL_KEY)).find();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        // The material field first: a title's "silk flower" is often a trade name for polyester or plastics.
        String stated = MaterialSplit.attribute(r, MATERIAL_KEY);
        for (String text : stated == null ? new String[] {r.text().toLowerCase(Locale.ROOT)}
                : new String[] {stated, r.text().toLowerCase(Locale.ROOT)}) {
            if (PLASTICS.matcher(text).find()) {
                return choice("670210", "of plastics, 6702.10");
            }
            if (OTHER.matcher(text).find()) {
                return choice("670290", "of other materials, 6702.90");
            }
        }
        return choice(null, "6702");
    }

    private static Optional<Choice> choice(String subheading, String what) {
        return Optional.of(new Choice("6702", subheading, "HTSUS heading 6702 and chapter 67 note 3: artificial "
                + "flowers, foliage and fruit (not the live plants and cut flowers of chapter 6) " + what));
    }
}
