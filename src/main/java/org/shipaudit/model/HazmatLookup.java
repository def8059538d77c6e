package org.shipaudit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * That an item's declared UN number was looked up in the Hazardous Materials Table, and how many entries it has
 * (its entries follow as {@link HazmatFact}s). {@code sampleOnly} is true when only the bundled sample is loaded:
 * then "not found" proves nothing. Added by the audit's enrichment; scenario files may supply it.
 */
public final class HazmatLookup {

    private final int itemIndex;
    private final String unNumber;
    private final int entries;
    private final boolean sampleOnly;

    @JsonCreator
    public HazmatLookup(@JsonProperty("itemIndex") int itemIndex, @JsonProperty("unNumber") String unNumber,
                        @JsonProperty("entries") int entries, @JsonProperty("sampleOnly") boolean sampleOnly) {
        this.itemIndex = itemIndex;
        this.unNumber = LineItem.unNumber(unNumber);
        this.entries = entries;
        this.sampleOnly = sampleOnly;
    }

    public int getItemIndex() {
        return itemIndex;
    }

    public String getUnNumber() {
        return unNumber;
    }

    public int getEntries() {
        return entries;
    }

    public boolean isFound() {
        return entries > 0;
    }

    public boolean isSampleOnly() {
        return sampleOnly;
    }
}
