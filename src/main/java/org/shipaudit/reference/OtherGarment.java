package org.shipaudit.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Garments that no heading of chapters 61 and 62 names go to their "other garments" headings: HTSUS 6211 (track
 * suits, ski-suits and swimwear; other garments) and its knitted counterpart 6114 (6112 for ski-suits). Listings
 * name them by kinds the tariff has no word for (an abaya, a kaftan, a kimono, a costume, whose dress or trousers the
 * search reads as 6204 or 6203) or by a word it uses there (a ski suit, which "suit" sends to the suits of 6203).
 * Costumes of textile are clothing, not the festive articles of 9505 (HTSUS chapter 95 note 1(e)). Decides on the
 * goods named; silent for robes and sleepwear (6107, 6108, 6207, 6208: "bathrobe kimono") and for costumes of
 * plastics or leather (3926, 4203), and leaves the subheading to the search when the listing states neither whose
 * garment it is nor its fibre.
 */
final class OtherGarment implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("6211", "6114", "6112");
    private static final Pattern OTHER = Pattern.compile("\\b(abayas?|kaftans?|caftans?|kimonos?|jilbabs?|thobes?"
            + "|costumes?)\\b");
    private static final Pattern SKI_SUIT = Pattern.compile("\\b(ski ?suits?|snow ?suits?)\\b");
    /** Headings of their own: robes, dressing gowns and sleepwear. */
    private static final Pattern OWN_HEADING = Pattern.compile("\\b(robes?|bathrobes?|dressing gowns?|pajamas?"
            + "|pyjamas?|sleepwear|nightgowns?)\\b");
    /** Not of textile: the garment is an article of its material. */
    private static final Pattern NOT_TEXTILE = Pattern.compile("\\b(pu|leather|latex|pvc|vinyl|plastics?)\\b");
    private static final Pattern KNITTED = Pattern.compile("\\b(knit|knits|knitted|crochet|crocheted)\\b");
    private static final Pattern CRAFT_KEY = Pattern.compile("weav|knit");
    private static final Pattern MATERIAL_KEY = Pattern.compile("material|fabric|composition");
    private static final Pattern GENDER_KEY = Pattern.compile("gender|applicable people");
    private static final Pattern MEN = Pattern.compile("\\b(men|mens|men's|man|boys?|boys')\\b");
    private static final Pattern WOMEN = Pattern.compile("\\b(women|womens|women's|woman|ladies|lady|girls?|girls'"
            + "|female|abayas?|kaftans?|caftans?|jilbabs?)\\b");
    private static final Pattern COTTON = Pattern.compile("\\bcotton\\b");
    private static final Pattern MAN_MADE = Pattern.compile("\\b(polyester|nylon|spandex|elastane|acrylic|viscose"
            + "|rayon|synthetic|microfiber|microfibre)\\b");

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
        return (OTHER.matcher(title).find() || SKI_SUIT.matcher(title).find())
                && !OWN_HEADING.matcher(title).find()
                && !NOT_TEXTILE.matcher(MaterialSplit.text(r, MATERIAL_KEY)).find();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        String title = r.text().toLowerCase(Locale.ROOT);
        String craft = MaterialSplit.attribute(r, CRAFT_KEY);
        boolean knitted = KNITTED.matcher(craft != null ? craft : title).find();
        String fibreText = MaterialSplit.text(r, MATERIAL_KEY);
        String fibre = COTTON.matcher(fibreText).find() ? "cotton" : MAN_MADE.matcher(fibreText).find() ? "man-made"
                : null;
        if (SKI_SUIT.matcher(title).find()) {
            return Optional.of(knitted ? new Choice("6112", "611220", "HTSUS 6112.20: ski-suits, knitted or crocheted")
                    : new Choice("6211", "621120", "HTSUS 6211.20: ski-suits"));
        }
        String gender = MaterialSplit.attribute(r, GENDER_KEY);
        String whose = gender != null ? gender : title;
        // Women's words first: "women men" unisex listings are read as the tariff's women's garments.
        Boolean men = WOMEN.matcher(whose).find() ? Boolean.FALSE : MEN.matcher(whose).find() ? Boolean.TRUE : null;
        if (knitted) {
            String sub = fibre == null ? null : fibre.equals("cotton") ? "611420" : "611430";
            return choice("6114", sub, "other garments, knitted or crocheted, 6114");
        }
        String sub = null;
        if (men != null && fibre != null) {
            sub = "6211" + (men ? "3" : "4") + (fibre.equals("cotton") ? "2" : "3");
        }
        String whom = men == null ? "" : men ? "men's or boys', " : "women's or girls', ";
        return choice("6211", sub, "other garments, 6211 (" + whom
                + (fibre == null ? "fibre not stated" : fibre) + ")");
    }

    private static Optional<Choice> choice(String heading, String subheading, String what) {
        return Optional.of(new Choice(heading, subheading, "HTSUS headings 6211 and 6114 and chapter 95 note 1(e): "
                + "a garment no other heading names is " + what));
    }
}
