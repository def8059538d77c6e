package org.shipaudit.reference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A family of headings the tariff splits by what the goods are made of, which a text search cannot decide: the
 * headings' words are the same for a silver ring and a brass one, for a leather boot and a PVC one, and listings name
 * the material in their own words ("S925", "cubic zirconia", "Upper Material: Genuine Leather"). Once the search has
 * found the family, the split's chapter notes choose the heading. The same holds where the notes split by how the
 * goods are made or what they are rather than by material: knitted or woven clothing, toys of any material.
 */
interface MaterialSplit {

    /** The heading (and, when the material says, the subheading) the notes point to, with why. */
    record Choice(String heading, String subheading, String reason) {
    }

    /**
     * Every split the classifier applies, in this order. Plastics fittings come first: a split that decides later on
     * goods it knows better (jewellery's ear plugs, a toy's wheels) overrides them. Base-metal findings come after
     * jewellery, which they override for clasps and beads listed in a jewellery-making category (heading 8308 names
     * them "of a kind used for ... jewelry"). Key rings come after jewellery: a keychain pendant is no pendant
     * (chapter 71 note 11). Toys come last: a doll's shoes or a plush toy's case are the toy's accessories (chapter
     * 95 note 3), so the toy split, which decides alone, overrides footwear and cases.
     */
    List<MaterialSplit> ALL = List.of(new PlasticsFitting(), new JewelleryMaterial(), new BaseMetalArticle(),
            new FootwearUpper(), new BagMaterial(), new KnitOrWoven(), new OtherGarment(), new ArtificialFlower(),
            new CosmeticPreparation(), new WatchPart(), new DeviceCase(), new KeyRing(), new ToyArticle());

    /** The family's headings (4 digits). */
    Set<String> headings();

    /** True when the description names goods of the family (a note's list of them). */
    boolean namesGoods(ClassifyRequest r);

    /**
     * True when naming the goods is enough for the split to decide, wherever (or whether) the search ranked the
     * family: a case for a phone is no phone, however many of its words the phone's lines share. Otherwise a family
     * heading must be among the top 3. Some splits decide so on some listings only (jewellery, when the listing's
     * own category says jewellery).
     */
    default boolean decidesWhenNamed(ClassifyRequest r) {
        return false;
    }

    /** The heading the material stated points to; empty when the listing does not say. */
    Optional<Choice> choose(ClassifyRequest r);

    /**
     * As {@link #choose(ClassifyRequest)}, for a split whose heading also depends on which of its family the search
     * found: {@code found} holds the headings found, best first.
     */
    default Optional<Choice> choose(ClassifyRequest r, List<String> found) {
        return choose(r);
    }

    /**
     * The goods a lower-case title names before it turns to what they are for or fit (the first word {@code use}
     * finds: "Silicone Nose Pads | for eyeglasses"), or the whole title when it never turns.
     */
    static String goodsNamed(String title, Pattern use) {
        Matcher m = use.matcher(title);
        return m.find() ? title.substring(0, m.start()) : title;
    }

    /** The attribute that names the goods ("Item Type: Phone Case"): compiled once, it is read for every title. */
    Pattern ITEM_TYPE = Pattern.compile("item type");

    /** The title, the category path and the values of the attributes whose name {@code keys} finds, lower case. */
    static String text(ClassifyRequest r, Pattern keys) {
        StringBuilder s = new StringBuilder(r.text()).append(' ').append(String.join(" ", r.category()));
        for (Map.Entry<String, String> a : r.attributes().entrySet()) {
            if (a.getValue() != null && keys.matcher(a.getKey().toLowerCase(Locale.ROOT)).find()) {
                s.append(' ').append(a.getValue());
            }
        }
        return s.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The value of the first attribute whose name {@code key} finds, lower case, or null. */
    static String attribute(ClassifyRequest r, Pattern key) {
        for (Map.Entry<String, String> a : r.attributes().entrySet()) {
            if (a.getValue() != null && !a.getValue().isBlank() && key.matcher(a.getKey().toLowerCase(Locale.ROOT)).find()) {
                return a.getValue().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
