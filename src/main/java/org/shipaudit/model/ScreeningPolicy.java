package org.shipaudit.model;

import org.shipaudit.findings.Severity;

/**
 * A row of the screening pack's {@code screening-levels} table: for one restricted-party list, the score from which a
 * match is strong and the score from which it is possible, the severity each gets, whether a match resting on a weak
 * alias may be strong, and the legal authority the list rests on (cited in the findings).
 *
 * <p>Why per list: the lists differ in what a hit means (an SDN's property is blocked outright, a BIS denial order
 * bars taking part in the export, a UN listing binds through national law) and in how much identifying detail they
 * give, so a compliance officer may want to review one list's near matches sooner than another's.
 */
public final class ScreeningPolicy extends TableRow {

    private final String list;
    private double strong = 1;
    private double possible = 1;
    private Severity strongSeverity = Severity.BLOCK;
    private Severity possibleSeverity = Severity.WARN;
    private boolean weakAliasAtMostPossible = true;
    private String authority = "";

    public ScreeningPolicy(String rowName, String list) {
        super(rowName);
        this.list = list.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** OFAC_SDN, UN_SC or BIS_DPL. */
    public String getList() {
        return list;
    }

    public double getStrong() {
        return strong;
    }

    public void setStrong(double strong) {
        this.strong = strong;
    }

    public double getPossible() {
        return possible;
    }

    public void setPossible(double possible) {
        this.possible = possible;
    }

    public Severity getStrongSeverity() {
        return strongSeverity;
    }

    public void setStrongSeverity(Severity strongSeverity) {
        this.strongSeverity = strongSeverity;
    }

    public Severity getPossibleSeverity() {
        return possibleSeverity;
    }

    public void setPossibleSeverity(Severity possibleSeverity) {
        this.possibleSeverity = possibleSeverity;
    }

    public boolean isWeakAliasAtMostPossible() {
        return weakAliasAtMostPossible;
    }

    public void setWeakAliasAtMostPossible(boolean weakAliasAtMostPossible) {
        this.weakAliasAtMostPossible = weakAliasAtMostPossible;
    }

    public String getAuthority() {
        return authority;
    }

    public void setAuthority(String authority) {
        this.authority = authority == null ? "" : authority.trim();
    }

    /** The match is of this row's list and scores as a strong match (not resting on a weak alias, when so set). */
    public boolean strong(ScreeningMatch m) {
        return list.equals(m.getList()) && m.getScore() >= strong
                && !(weakAliasAtMostPossible && "WEAK".equals(m.getMatchedQuality()));
    }

    /** The match is of this row's list and reaches the possible score but is not strong. */
    public boolean possible(ScreeningMatch m) {
        return list.equals(m.getList()) && m.getScore() >= possible && !strong(m);
    }

    /** The match is of this row's list and reaches at least the possible score. */
    public boolean reached(ScreeningMatch m) {
        return list.equals(m.getList()) && m.getScore() >= possible;
    }

    /** The score the match reached, for evidence: "strong from 0.90". */
    public String thresholdText(ScreeningMatch m) {
        return String.format(java.util.Locale.ROOT, strong(m) ? "strong from %.2f" : "possible from %.2f",
                strong(m) ? strong : possible);
    }
}
