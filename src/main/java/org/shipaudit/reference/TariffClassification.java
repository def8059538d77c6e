package org.shipaudit.reference;

import java.util.List;

/**
 * The classifier's answer: the likeliest headings (4 digits) and subheadings (6 digits), best first, each with a
 * confidence and the reasons it was chosen, the best full line of the schedule, and how the description was read.
 *
 * <p>{@code abstention} is null when the classifier answers, otherwise why it does not ("too vague": HMRC lists the
 * description as too vague to classify, or nothing in it names goods); the lists are then empty.
 * Confidences are shares of the evidence among the candidates returned (0 to 1, summing to at most 1).
 * {@code chapters} shares all the evidence found by chapter; {@code nounsKnown} is the share (0 to 1, by weight) of
 * the description's product nouns that tariff or curated text uses at all: below 1 the classifier answered without
 * knowing what some of the goods are called ("gaming mouse": the tariff says "input units"), and its answer rests on
 * the other words.
 */
public record TariffClassification(String schedule, Analysis analysis, String abstention, List<Candidate> headings,
                                   List<Candidate> subheadings, TariffLine line, List<Share> chapters,
                                   double nounsKnown) {

    public TariffClassification {
        chapters = chapters == null ? List.of() : List.copyOf(chapters);
    }

    /**
     * The classifier's evidence share for the chapter of {@code digits} (its first 2 digits): 0 when no line, term
     * or note of that chapter matched the description. See {@link Share}.
     */
    public double chapterShare(String digits) {
        if (digits == null || digits.length() < 2) {
            return 0;
        }
        String ch = digits.substring(0, 2);
        return chapters.stream().filter(c -> c.chapter().equals(ch)).mapToDouble(Share::share).findFirst().orElse(0);
    }

    /**
     * The classifier's evidence share for the HS section of {@code digits}' chapter (the sum of its chapters'
     * shares): how likely the description's goods belong there. 0 when nothing of that section matched.
     */
    public double sectionShare(String digits) {
        int section = HsSection.of(digits);
        return section == 0 ? 0 : chapters.stream().filter(c -> HsSection.of(c.chapter()) == section)
                .mapToDouble(Share::share).sum();
    }

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
     * A chapter (2 digits) and its share (0 to 1) of the evidence of every heading the search found, not only the
     * candidates returned; the shares sum to 1 over the chapters found. Each heading weighs its score squared, so
     * the share follows the best headings rather than the many weak ones a long title touches. A declared code whose
     * chapter has no share is one the description gave no evidence for.
     */
    public record Share(String chapter, double share) {
    }

    /**
     * How the description was read: the product nouns, materials and uses found, the words discounted (marketing,
     * sizes, colours), and the weighted search terms ("pendant^2.0").
     */
    public record Analysis(List<String> nouns, List<String> materials, List<String> uses, List<String> discounted,
                           List<String> terms) {
    }
}
