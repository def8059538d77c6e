package org.shipaudit.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Goods a title names together with the watch they belong to or resemble, which the search reads as the watch
 * itself (9101, 9102): a watch case is HTSUS 9111 (9111.10 of precious metal, 9111.20 of base metal, 9111.80
 * other), a dial 9114.30 (heading 9114, other watch parts); and a smart watch, which takes calls and passes data to
 * a phone over Bluetooth, is a machine for the reception and transmission of data of 8517.62, as CBP and the WCO
 * classify it, not a wrist watch of 9102. Decides on the goods named, before the title turns to what they fit
 * ("strap for Huawei smart watch" is a strap, "case fit NH35" a case); straps and bands are left to the search and
 * the part-of reading (9113), and a box or roll to keep watches in is no watch case.
 */
final class WatchPart implements MaterialSplit {

    private static final Set<String> HEADINGS = Set.of("8517", "9111", "9114");
    private static final Pattern SMART = Pattern.compile("\\b(smart ?watch(es)?|smart ?bands?|fitness trackers?)\\b");
    private static final Pattern CASE = Pattern.compile("\\bwatch ?cases?\\b");
    private static final Pattern DIAL = Pattern.compile("\\b(watch dials?|dials? (for|fit) (\\w+ )?watch(es)?)\\b");
    /** Where a title turns from the goods to what they fit. */
    private static final Pattern USE = Pattern.compile("\\b(for|fits?|compatible|suitable)\\b");
    /** Goods for a smart watch rather than the watch: straps, cases, films, chargers. */
    private static final Pattern FOR_THE_WATCH = Pattern.compile("\\b(straps?|bands?|watchbands?|bracelets?"
            + "|cases?|covers?|protectors?|films?|glass|chargers?|charging|cables?|docks?|stands?|holders?)\\b");
    /** A case to keep watches in, not a watch's case: 4202 or the material's heading. */
    private static final Pattern STORAGE = Pattern.compile("\\b(box(es)?|storage|organi[sz]ers?|display|travel"
            + "|rolls?|pouch(es)?|holders?|slots?|grids?)\\b");
    private static final Pattern PRECIOUS = Pattern.compile("\\b(s?925|sterling|\\d{1,2} ?(k|kt|karat) gold"
            + "|solid gold|platinum)\\b");
    private static final Pattern BASE_METAL = Pattern.compile("\\b(stainless|steel|alloy|titanium|brass|bronze"
            + "|alumini?um|zinc|metal)\\b");
    /** The case's own material field first: a listing states the bezel's and the glass's too. */
    private static final Pattern CASE_MATERIAL_KEY = Pattern.compile("case material");
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
        return kind(r.lowerText()) != null;
    }

    @Override
    public Optional<Choice> choose(ClassifyRequest r) {
        String kind = kind(r.lowerText());
        if (kind == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case "smart" -> Optional.of(new Choice("8517", "851762", "HTSUS 8517.62: a smart watch receives and "
                    + "transmits data (calls, messages) with a phone; it is no wrist watch of 9102"));
            case "dial" -> Optional.of(new Choice("9114", "911430", "HTSUS 9114.30: a watch dial is a watch part of "
                    + "heading 9114, not a watch"));
            default -> {
                String stated = MaterialSplit.attribute(r, CASE_MATERIAL_KEY);
                yield caseOf(stated != null ? stated : MaterialSplit.attribute(r, MATERIAL_KEY),
                        r.text().toLowerCase(Locale.ROOT));
            }
        };
    }

    private static Optional<Choice> caseOf(String stated, String title) {
        String text = (stated == null ? "" : stated + " ; ") + title;
        String sub = PRECIOUS.matcher(text).find() ? "911110" : BASE_METAL.matcher(text).find() ? "911120" : null;
        return Optional.of(new Choice("9111", sub, "HTSUS heading 9111: a watch case is a watch part, "
                + (sub == null ? "its material not stated" : sub.equals("911110") ? "of precious metal 9111.10"
                : "of base metal 9111.20")));
    }

    /** "smart", "case" or "dial" when the goods the title names first are one, else null. */
    private static String kind(String title) {
        String goods = MaterialSplit.goodsNamed(title, USE);
        Matcher smart = SMART.matcher(goods);
        if (smart.find()) {
            // A strap or charger named before the smart watch, or right after it, is the strap's listing.
            String next = goods.substring(smart.end()).trim();
            next = next.isEmpty() ? "" : next.split("\\s+")[0];
            return FOR_THE_WATCH.matcher(goods.substring(0, smart.start())).find()
                    || FOR_THE_WATCH.matcher(next).matches() ? null : "smart";
        }
        if (CASE.matcher(goods).find()) {
            return STORAGE.matcher(title).find() ? null : "case";
        }
        return DIAL.matcher(title).find() && !FOR_THE_WATCH.matcher(goods).find() ? "dial" : null;
    }
}
