package org.shipaudit.reference;

import java.util.List;

/**
 * The classifier's answer: the likeliest headings (4 digits) and subheadings (6 digits), best first, each with a
 * confidence and the reasons it was chosen, the best full line of the schedule, and how the description was read.
 *
 * <p>{@code abstention} is null when the classifier answers, otherwise why it does not ("too vague": HMRC lists the
 * description as too vague to classify, or nothing in it names goods); the lists are then empty.
 * Confidences are shares of the evidence among the candidates returned (0 to 1, summing to at most 1).
 */
public record TariffClassification(String schedule, Analysis analysis, String abstention, List<Candidate> headings,
                                   List<Candidate> subheadings, TariffLine line) {

    /** True when the classifier answered. */
    public boolean answered() {
        return abstention == null && !headings.isEmpty();
    }

    /** The heading codes, best first. */
    public List<String> headingCodes() {
        return headings.stream().map(Candidate::code).toList();
    }

    /** The subheading codes (6 digits, no dots), best first. */
    public List<String> subheadingCodes() {
        return subheadings.stream().map(c -> c.code().replace(".", "")).toList();
    }

    /**
     * One heading or subheading. {@code code} is {@code 7116} or {@code 7116.10}; {@code reasons} say which words of
     * the description matched which text, which curated search term or note pointed here.
     */
    public record Candidate(String code, String description, double score, double confidence, List<String> reasons) {
    }

    /**
     * How the description was read: the product nouns, materials and uses found, the words discounted (marketing,
     * sizes, colours), and the weighted search terms ("pendant^2.0").
     */
    public record Analysis(List<String> nouns, List<String> materials, List<String> uses, List<String> discounted,
                           List<String> terms) {
    }
}
