package org.shipaudit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The result of looking an item's declared HS code up in one loaded tariff schedule ("HS", "HTSUS", "EU_CN").
 * {@code found} says whether the schedule has a line for the code; {@code level} is that line's level (2 chapter,
 * 4 heading, 6 subheading, 8-10 national lines) and {@code description} its text. {@code headingFound} says whether
 * the declared code's 4-digit heading exists in the schedule, i.e. whether the loaded data covers that part of the
 * tariff at all. {@code sampleOnly} is true when the schedule is the bundled sample, which cannot prove a code wrong.
 * Added by the audit's enrichment; scenario files may supply it under {@code given.facts}.
 */
public final class TariffMatch {

    private final int itemIndex;
    private final String declaredCode;
    private final String schedule;
    private final boolean found;
    private final String code;
    private final int level;
    private final String description;
    private final boolean headingFound;
    private final boolean sampleOnly;

    @JsonCreator
    public TariffMatch(@JsonProperty("itemIndex") int itemIndex, @JsonProperty("declaredCode") String declaredCode,
                       @JsonProperty("schedule") String schedule, @JsonProperty("found") boolean found,
                       @JsonProperty("code") String code, @JsonProperty("level") int level,
                       @JsonProperty("description") String description,
                       @JsonProperty("headingFound") Boolean headingFound,
                       @JsonProperty("sampleOnly") boolean sampleOnly) {
        this.itemIndex = itemIndex;
        this.declaredCode = declaredCode;
        this.schedule = schedule;
        this.found = found;
        this.code = code;
        this.level = level;
        this.description = description;
        this.headingFound = headingFound == null ? found : headingFound;
        this.sampleOnly = sampleOnly;
    }

    public int getItemIndex() {
        return itemIndex;
    }

    public String getDeclaredCode() {
        return declaredCode;
    }

    public String getSchedule() {
        return schedule;
    }

    public boolean isFound() {
        return found;
    }

    public String getCode() {
        return code;
    }

    public int getLevel() {
        return level;
    }

    public String getDescription() {
        return description;
    }

    public boolean isHeadingFound() {
        return headingFound;
    }

    public boolean isSampleOnly() {
        return sampleOnly;
    }

    /** "National" schedules (HTSUS, EU CN) as opposed to the international HS. */
    public boolean isNational() {
        return !"HS".equals(schedule);
    }

    @Override
    public String toString() {
        return "TariffMatch[" + itemIndex + " " + schedule + " " + declaredCode + " found=" + found + "]";
    }
}
