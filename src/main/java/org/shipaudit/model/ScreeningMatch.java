package org.shipaudit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A party of the shipment whose name matched a restricted-party list entry, with the evidence: list and entry id,
 * the listed name and the name or alias that matched, score, programs and the reasons. {@code level} is STRONG or
 * POSSIBLE by the configured thresholds. When a compliance officer has cleared this party against this entry,
 * {@code cleared} is true with who, when and why. Added by the audit's enrichment; scenario files may supply it.
 */
public final class ScreeningMatch {
    private final String subject;
    private final String screenedName;
    private final String list;
    private final String authority;
    private final String entryId;
    private final String listedName;
    private final String matchedName;
    private final String matchedQuality;
    private final double score;
    private final String level;
    private final String entryType;
    private final List<String> programs;
    private final List<String> reasons;
    private final boolean cleared;
    private final String clearanceId;
    private final String clearedBy;
    private final String clearedAt;
    private final String clearanceReason;

    @JsonCreator
    public ScreeningMatch(@JsonProperty("subject") String subject, @JsonProperty("screenedName") String screenedName,
                          @JsonProperty("list") String list, @JsonProperty("authority") String authority,
                          @JsonProperty("entryId") String entryId, @JsonProperty("listedName") String listedName,
                          @JsonProperty("matchedName") String matchedName,
                          @JsonProperty("matchedQuality") String matchedQuality, @JsonProperty("score") double score,
                          @JsonProperty("level") String level, @JsonProperty("entryType") String entryType,
                          @JsonProperty("programs") List<String> programs,
                          @JsonProperty("reasons") List<String> reasons, @JsonProperty("cleared") boolean cleared,
                          @JsonProperty("clearanceId") String clearanceId, @JsonProperty("clearedBy") String clearedBy,
                          @JsonProperty("clearedAt") String clearedAt,
                          @JsonProperty("clearanceReason") String clearanceReason) {
        this.subject = subject;
        this.screenedName = screenedName;
        this.list = list;
        this.authority = authority == null ? "" : authority;
        this.entryId = entryId;
        this.listedName = listedName;
        this.matchedName = matchedName == null ? listedName : matchedName;
        this.matchedQuality = matchedQuality == null ? "PRIMARY" : matchedQuality;
        this.score = score;
        this.level = level == null ? "POSSIBLE" : level;
        this.entryType = entryType == null ? "" : entryType;
        this.programs = programs == null ? List.of() : List.copyOf(programs);
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
        this.cleared = cleared;
        this.clearanceId = clearanceId == null ? "" : clearanceId;
        this.clearedBy = clearedBy == null ? "" : clearedBy;
        this.clearedAt = clearedAt == null ? "" : clearedAt;
        this.clearanceReason = clearanceReason == null ? "" : clearanceReason;
    }

    /** {@code shipTo}, {@code shipFrom.company}, {@code parties[1].name}: which name of the input matched. */
    public String getSubject() {
        return subject;
    }

    public String getScreenedName() {
        return screenedName;
    }

    /** OFAC_SDN, UN_SC or BIS_DPL. */
    public String getList() {
        return list;
    }

    /** The legal authority the list rests on, for the finding's source. */
    public String getAuthority() {
        return authority;
    }

    public String getEntryId() {
        return entryId;
    }

    public String getListedName() {
        return listedName;
    }

    public String getMatchedName() {
        return matchedName;
    }

    /** PRIMARY, AKA, FKA, NKA or WEAK. */
    public String getMatchedQuality() {
        return matchedQuality;
    }

    public double getScore() {
        return score;
    }

    /** The score with two decimals, for messages. */
    public String getScoreText() {
        return String.format(java.util.Locale.ROOT, "%.2f", score);
    }

    public String getLevel() {
        return level;
    }

    public boolean isStrong() {
        return "STRONG".equals(level);
    }

    public boolean isPossible() {
        return "POSSIBLE".equals(level);
    }

    public String getEntryType() {
        return entryType;
    }

    public List<String> getPrograms() {
        return programs;
    }

    public String getProgramsText() {
        return String.join(", ", programs);
    }

    public List<String> getReasons() {
        return reasons;
    }

    public String getReasonsText() {
        return String.join("; ", reasons);
    }

    public boolean isCleared() {
        return cleared;
    }

    public String getClearanceId() {
        return clearanceId;
    }

    public String getClearedBy() {
        return clearedBy;
    }

    public String getClearedAt() {
        return clearedAt;
    }

    public String getClearanceReason() {
        return clearanceReason;
    }

    @Override
    public String toString() {
        return "ScreeningMatch[" + subject + " " + list + ":" + entryId + " " + level + " " + getScoreText()
                + (cleared ? " cleared" : "") + "]";
    }
}
