package org.shipaudit.reference;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cases, covers and shells made to fit a device ("silicone case for AirPods", "PU leather half case for Olympus
 * PEN-F", "TV remote control protective cover"). They are not parts of the device (Section XVI note 2: not
 * suitable for use solely with it as a working part) and the text search reads them as the device ("earphone"
 * finds 8518) or as clothing ("cover" finds 6201): what decides is the material. A shell or cover of plastics,
 * silicone, TPU or PU is an article of plastics, HTSUS 3926.90 (the experts' code for every such cover in the
 * HSCodeComp data, camera half case of PU included); one of genuine leather or of textile, a pouch carried in the
 * pocket or handbag, is heading 4202 (4202.31 leather, 4202.32 textile). Watch cases are left out: they are watch
 * parts of heading 9111.
 */
final class DeviceCase implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("3926", "4202");
    private static final Pattern CASE = Pattern.compile("\\b(cases?|covers?|shells?|skins?|sleeves?|protectors?)\\b");
    private static final Pattern DEVICE = Pattern.compile("\\b(phones?|iphone|smartphones?|airpods?|earphones?"
            + "|earbuds?|headphones?|ipad|tablets?|kindle|e-?readers?|cameras?|remotes?|remote control|controllers?"
            + "|gamepads?|nintendo|switch|galaxy|pixel|xiaomi|huawei|redmi|oppo|vivo|macbook|laptops?)\\b");
    /**
     * Not covers: ear pads and cushions are parts of the headset; watch cases are parts of the watch (9111); a
     * differential, gearbox or crank case is a working part of the machine or model it is in ("Diff Case for RC
     * Cars", whose category "Remote Control Toys" names a remote).
     */
    private static final Pattern NOT_A_COVER = Pattern.compile("\\b(pads?|earpads|cushions?|watch|watches"
            + "|differentials?|diff|gear ?box(es)?|crank ?cases?|transmissions?)\\b");
    private static final Pattern LEATHER = Pattern.compile("\\b(genuine leather|real leather|cowhide|sheepskin"
            + "|lambskin|calfskin)\\b");
    private static final Pattern TEXTILE = Pattern.compile("\\b(canvas|nylon|felt|fabric|textile|cotton|linen"
            + "|velvet|denim|knit(ted)?|crochet|plush|neoprene)\\b");
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
        String title = MaterialSplit.text(r, MaterialSplit.ITEM_TYPE);
        return CASE.matcher(title).find() && DEVICE.matcher(title).find() && !NOT_A_COVER.matcher(title).find();
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        String all = MaterialSplit.text(r, MATERIAL_KEY);
        if (LEATHER.matcher(all).find()) {
            return Optional.of(new Choice("4202", "420231", "HTSUS 4202.31: a device case of genuine leather is an "
                    + "article carried in the pocket or handbag, outer surface of leather"));
        }
        if (TEXTILE.matcher(all).find()) {
            return Optional.of(new Choice("4202", "420232", "HTSUS 4202.32: a device case of textile is an article "
                    + "carried in the pocket or handbag, outer surface of textile materials"));
        }
        return Optional.of(new Choice("3926", "392690", "HTSUS 3926.90: a case or cover shaped to fit a device, of "
                + "plastics, silicone or PU (or no material stated), is an article of plastics, not a part of the device"));
    }
}
