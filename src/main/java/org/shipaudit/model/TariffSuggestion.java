package org.shipaudit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One of the tariff classifier's best headings for an item's description (rank 1 is the best, {@code score} its
 * confidence), used by the HS plausibility rule: if none of them shares the declared code's chapter, the code may be
 * wrong. {@code sampleOnly} is true when
 * the search ran over the bundled sample only. Added by the audit's enrichment; scenario files may supply it.
 */
public final class TariffSuggestion {

    private final int itemIndex;
    private final int rank;
    private final String schedule;
    private final String code;
    private final String description;
    private final double score;
    private final boolean sampleOnly;
    private final String reasons;

    public TariffSuggestion(int itemIndex, int rank, String schedule, String code, String description, double score,
                            boolean sampleOnly) {
        this(itemIndex, rank, schedule, code, description, score, sampleOnly, null);
    }

    /**
     * @param score   the classifier's confidence in this heading (0 to 1, its share of the evidence)
     * @param reasons why the classifier proposes it (words matched, curated terms, notes), for evidence; may be null
     */
    @JsonCreator
    public TariffSuggestion(@JsonProperty("itemIndex") int itemIndex, @JsonProperty("rank") int rank,
                            @JsonProperty("schedule") String schedule, @JsonProperty("code") String code,
                            @JsonProperty("description") String description, @JsonProperty("score") double score,
                            @JsonProperty("sampleOnly") boolean sampleOnly, @JsonProperty("reasons") String reasons) {
        this.reasons = reasons == null ? "" : reasons;
        this.itemIndex = itemIndex;
        this.rank = rank;
        this.schedule = schedule == null ? "HS" : schedule;
        this.code = code;
        this.description = description;
        this.score = score;
        this.sampleOnly = sampleOnly;
    }

    public int getItemIndex() {
        return itemIndex;
    }

    public int getRank() {
        return rank;
    }

    public String getSchedule() {
        return schedule;
    }

    /** As the schedule displays it, e.g. {@code 6109.10}. */
    /** Compiled once: rules call the digit getters below in their constraints, for every suggestion. */
    private static final java.util.regex.Pattern NOT_DIGIT = java.util.regex.Pattern.compile("\\D");

    public String getCode() {
        return code;
    }

    /** The code's digits, without dots. */
    public String getDigits() {
        return code == null ? "" : NOT_DIGIT.matcher(code).replaceAll("");
    }

    /** The first 4 digits of the code. */
    public String getHeading() {
        String d = code == null ? "" : NOT_DIGIT.matcher(code).replaceAll("");
        return d.length() >= 4 ? d.substring(0, 4) : d;
    }

    /** True when this code and the declared code (digits) share their first {@code digits} digits (2 chapter, 4 heading). */
    public boolean sharesPrefix(String declaredDigits, double digits) {
        int n = (int) digits;
        String d = code == null ? "" : NOT_DIGIT.matcher(code).replaceAll("");
        return declaredDigits != null && d.length() >= n && declaredDigits.length() >= n
                && d.substring(0, n).equals(declaredDigits.substring(0, n));
    }

    public String getDescription() {
        return description;
    }

    public double getScore() {
        return score;
    }

    public boolean isSampleOnly() {
        return sampleOnly;
    }

    /** Why the classifier proposes this heading; empty when not given. */
    public String getReasons() {
        return reasons;
    }

    /** "6109.10 T-shirts, singlets ..." for evidence. */
    public String getLabel() {
        return code + " " + description;
    }
}
