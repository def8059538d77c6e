package org.shipaudit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How much of the tariff classifier's evidence for an item's description falls in the declared code's HS section
 * and chapter (0 to 1: the share of the heading scores, the best headings weighing most), used by the HS
 * plausibility rule: a code whose section holds almost none of it describes other goods, when the classifier knew
 * the goods' nouns. Added by the audit's
 * enrichment with the item's {@link TariffSuggestion}s; none when the classifier abstains. Scenario files may supply it.
 */
public final class TariffPlausibility {

    private final int itemIndex;
    private final String schedule;
    private final double sectionShare;
    private final double chapterShare;
    private final double nounsKnown;

    @JsonCreator
    public TariffPlausibility(@JsonProperty("itemIndex") int itemIndex, @JsonProperty("schedule") String schedule,
                              @JsonProperty("sectionShare") double sectionShare,
                              @JsonProperty("chapterShare") double chapterShare,
                              @JsonProperty("nounsKnown") double nounsKnown) {
        this.itemIndex = itemIndex;
        this.schedule = schedule == null ? "HS" : schedule;
        this.sectionShare = sectionShare;
        this.chapterShare = chapterShare;
        this.nounsKnown = nounsKnown;
    }

    public int getItemIndex() {
        return itemIndex;
    }

    public String getSchedule() {
        return schedule;
    }

    /** The classifier's evidence share for the declared code's HS section (0 to 1). */
    public double getSectionShare() {
        return sectionShare;
    }

    /**
     * The share (0 to 1, by weight) of the description's product nouns that the tariff uses at all: below 1 the
     * classifier did not know what some of the goods are called, and its answer rests on the other words.
     */
    public double getNounsKnown() {
        return nounsKnown;
    }

    /** The classifier's evidence share for the declared code's chapter (0 to 1), for evidence. */
    public double getChapterShare() {
        return chapterShare;
    }
}
