package org.shipaudit.reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Toys, dolls and scale models, and their parts and accessories: heading 9503 whatever they are made of. The text
 * search cannot see it: HMRC's curated term "plastic toys" points to 3926, so a toy whose listing says
 * {@code Material: Plastic} lands among the articles of plastics. HTSUS chapter 95 note 3 puts parts and accessories
 * suitable solely or principally for these articles with them (a doll's hat, a differential case for an RC car), and
 * note 2 keeps them in the chapter when they carry minor precious constituents. The goods are named by a toy word in
 * the title ("plush toys", "doll", "diecast", "building blocks") or by a category below the marketplace's root
 * ("Remote Control Toys", "Dolls & Accessories"; the root "Toys & Hobbies" also holds kites, trading cards and
 * fishing hooks).
 *
 * <p>Silent where the notes send the goods elsewhere: note 1's exclusions met in listings (1(ij) glass eyes for
 * dolls, 7018; 1(m) electric motors, remote control apparatus and their like, with the batteries, chargers and
 * gears that have headings of their own in Section XVI; 1(o) and 1(p) children's bicycles and drones), note 5's pet
 * toys, the other headings of the chapter (9504 games and consoles, 9505 costumes and conjuring tricks, 9506 sports
 * and fitness, 9507 fishing: the search reads those), and articles for adults sold as "toys". Note 1(x) (and 1(d),
 * 1(e), 1(g)): articles with a utilitarian function (keychains, slippers, bags, cups, clothing) are classified by
 * their material; a listing names its goods first, so a utilitarian article named before any toy word is that
 * article ("acrylic keychain" with an anime figure on it), and one named after the toy is the toy's accessory or
 * its fitting ("stuffed plush toys ... keychain", "doll hat").
 */
final class ToyArticle implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("9503");
    private static final Pattern TOY = Pattern.compile("\\b(toys?|dolls?|doll's|dollhouses?|teddy bears?|plushies"
            + "|stuffed animals?|action figures?|diecast|die-cast|scale models?|model kits?|building blocks?"
            + "|blind box(es)?|puppets?|jigsaws?|rattles?|play vehicles|pretend play)\\b");
    /** Note 1(x), (d), (e), (g): articles with a utilitarian function, as listings name them. */
    private static final Pattern UTILITARIAN = Pattern.compile("\\b(key ?chains?|key ?rings?|keyrings?|lanyards?"
            + "|slippers?|shoes?|sneakers?|socks?|bags?|backpacks?|purses?|wallets?|pencil cases?|covers?|cups?|mugs?"
            + "|bottles?|plates?|bowls?|tableware|kitchenware|towels?|blankets?|bedding|pillowcases?|carpets?|rugs?"
            + "|umbrellas?|lamps?|night lights?|t-?shirts?|hoodies?|pajamas?|pyjamas?|clothing)\\b");
    /** Note 1 (ij, m, o, p) and goods of Section XVI's own headings met among toy parts. */
    private static final Pattern ELSEWHERE = Pattern.compile("\\bglass\\b.*\\beyes?\\b|\\beyes?\\b.*\\bglass\\b"
            + "|\\b(motors?|esc|batter(y|ies)|lipo|\\d+ ?mah|chargers?|gears?|pinions?|servos?|transmitters?|receivers?"
            + "|remote controllers?|bicycles?|bikes?|drones?|quadcopters?|uav|candles?|fireworks?)\\b");
    /** The chapter's other headings (9504-9508), which the search finds by their own words. */
    private static final Pattern OTHER_HEADING = Pattern.compile("\\b(board games?|card games?|playing cards|poker"
            + "|video games?|game consoles?|consoles?|cartridges?|chess|mahjong|dominoes|darts|billiards?|costumes?"
            + "|cosplay|fancy dress|magic tricks?|conjuring|party props|fishing|fitness|yoga|gym)\\b");
    /** Note 5: pet toys; and goods for adults that listings call toys. */
    private static final Pattern NOT_A_PLAYTHING = Pattern.compile("\\b((pets?|dogs?|cats?|puppy|puppies|kittens?"
            + "|birds?|parrots?|hamsters?) (toys?|chews?)|toys? for (pets?|dogs?|cats?|puppies|kittens?|birds?)"
            + "|chew toys?|pet (products|supplies)|sex|adult toys?|masturbat\\w*|vibrators?|dildos?|erotic|bdsm)\\b");

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
        List<String> category = r.category();
        // The root ("Toys & Hobbies") is a department of the shop, not the goods.
        String below = String.join(" ; ", category.subList(Math.min(1, category.size()), category.size()))
                .toLowerCase(Locale.ROOT);
        String all = title + " ; " + String.join(" ; ", category).toLowerCase(Locale.ROOT);
        if (ELSEWHERE.matcher(title).find() || OTHER_HEADING.matcher(all).find()
                || NOT_A_PLAYTHING.matcher(all).find()) {
            return false;
        }
        int toy = first(TOY, title);
        int utilitarian = first(UTILITARIAN, title);
        if (utilitarian >= 0 && (toy < 0 || utilitarian < toy)) {
            return false;
        }
        return toy >= 0 || TOY.matcher(below).find();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        return Optional.of(new Choice("9503", "950300", "HTSUS heading 9503 and chapter 95 note 3: toys, dolls and "
                + "scale models, and parts and accessories for them, are 9503 whatever their material"));
    }

    private static int first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.start() : -1;
    }
}
