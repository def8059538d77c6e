package org.shipaudit.reference;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Small fittings and accessories of plastics that a title names together with what they fit ("Suitcase Wheels",
 * "Silicone Nose Pads for eyeglasses", "Ballhead Holder Mount for GoPro", "Empty Plastic Candy Capsules for vending
 * machines"): the search reads them as the suitcase, the spectacles, the camera or the machine, whose words fill the
 * title. They are not parts of a machine (Section XVI note 1(g) leaves out goods of plastics of the kind of the parts
 * of general use of Section XV note 2; a capsule is no working part of the vending machine), luggage and spectacles
 * frames have no parts heading that takes them, and so they are classified by their material: of plastics, silicone,
 * nylon or rubber-like TPR, heading 3926 (3926.90, other articles of plastics), the experts' code for each.
 *
 * <p>Decides on the goods named before the title turns to their use ("for", "fit"), and only when the title (or,
 * when the title names no material, the Material attribute) says plastics: a steel hook or a brass knob is left to
 * the search. Comes first among the splits, so one that decides later on goods it knows better (jewellery's ear
 * plugs, a toy's wheels, a device's case) overrides it.
 */
final class PlasticsFitting implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("3926");
    private static final Pattern FITTING = Pattern.compile("\\b(wheels?|casters?|castors?|pulleys?|nose ?pads?"
            + "|capsules?|mounts?|holders?|hooks?|knobs?|buckles?|grommets?)\\b");
    /** Where a title turns from the goods to what they fit. */
    private static final Pattern USE = Pattern.compile("\\b(for|fits?|compatible|suitable)\\b");
    private static final Pattern PLASTICS = Pattern.compile("\\b(plastics?|silicone|nylon|pvc|abs|tpu|tpr"
            + "|polypropylene|polyethylene|acrylic|resin)\\b");
    /** Another material named: the goods are of it (or of several), not an article of plastics. */
    private static final Pattern OTHER = Pattern.compile("\\b(stainless|steel|iron|alumini?um|alloy|metal|brass"
            + "|copper|zinc|titanium|wood(en)?|bamboo|leather|glass|ceramic|cotton|fabric)\\b");
    private static final Pattern MATERIAL_KEY = Pattern.compile("^material$");

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
        return FITTING.matcher(MaterialSplit.goodsNamed(title, USE)).find() && ofPlastics(r, title);
    }

    private static boolean ofPlastics(ClassifyRequest r, String title) {
        if (PLASTICS.matcher(title).find()) {
            return true;
        }
        if (OTHER.matcher(title).find()) {
            return false;
        }
        String stated = MaterialSplit.attribute(r, MATERIAL_KEY);
        return stated != null && PLASTICS.matcher(stated).find() && !OTHER.matcher(stated).find();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        if (!namesGoods(r)) {
            return Optional.empty();
        }
        return Optional.of(new Choice("3926", "392690", "HTSUS 3926.90: a small fitting of plastics named with what "
                + "it fits is no part of a machine (Section XVI note 1(g)) and goes by its material, other articles "
                + "of plastics"));
    }
}
