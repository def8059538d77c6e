package org.shipaudit.jobs;

import java.util.List;

/**
 * The charge lines of a job that the carrier taxonomy ({@code sheets/charge-codes.csv}) did not know: typed
 * OTHER_CHARGES for want of a line, so counted and listed (API.md round 2) for someone to add the wording.
 *
 * @param lines    how many charge lines had an unknown description
 * @param examples the most frequent unknown descriptions, most lines first (at most {@link #EXAMPLES})
 */
public record UnrecognisedCharges(long lines, List<Example> examples) {

    static final int EXAMPLES = 20;
    static final UnrecognisedCharges NONE = new UnrecognisedCharges(0, List.of());

    public UnrecognisedCharges {
        examples = List.copyOf(examples);
    }

    /** One unknown description of one carrier, with how many lines had it. */
    public record Example(String carrier, String description, long lines) {
    }

    /** An unknown description of one carrier, as counted per batch. */
    public record Key(String carrier, String description) {
    }
}
