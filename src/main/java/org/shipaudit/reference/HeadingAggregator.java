package org.shipaudit.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers search hits into scores per heading (4 digits) and subheading (6 digits).
 *
 * <p>A heading is as likely as its best evidence, plus a decreasing share of its further evidence (the second hit
 * counts {@value #DECAY} of its score, the third {@value #DECAY} squared, ...): several lines of one heading that
 * match make it likelier than one lucky line, without a long heading winning by its size alone. Chapter 98 and 99
 * (special provisions and temporary duties: never what goods are) give no evidence; a residual "Other" line, which
 * matches only through its parents' words, counts {@value #OTHER_FACTOR} of its score. A curated term counts for
 * the codes it points to, weighed by where it comes from.
 */
final class HeadingAggregator {
    static final double DECAY = 0.5;
    static final double OTHER_FACTOR = 0.6;
    private static final int MAX_EVIDENCE = 5;
    /** A promoted code's score over its family's best: ahead of it, not far ahead of the rest. */
    private static final double PROMOTED = 1.05;

    /**
     * What a piece of evidence says, in words (its label) and as the text whose words it matched. Built only for
     * the answers that give reasons: a query gathers ~120 hits and returns reasons for a few.
     */
    interface Evidence {
        String label();

        String text();
    }

    /** Evidence whose words are already known. */
    record Said(String label, String text) implements Evidence {
    }

    /** One piece of evidence for a code: a tariff line, or a curated term pointing at codes. */
    record Hit(String digits, double score, Evidence evidence, boolean term) {
        String label() {
            return evidence.label();
        }

        String text() {
            return evidence.text();
        }
    }

    /** A heading or subheading with its score and the evidence behind it, best first. */
    record Scored(String code, double score, List<Hit> evidence) {
    }

    private final Map<String, List<Hit>> headings = new HashMap<>();
    private final Map<String, List<Hit>> subheadings = new HashMap<>();

    /** True for codes that are never the answer on their own: chapters 98 and 99. */
    static boolean specialProvision(String digits) {
        return digits.startsWith("98") || digits.startsWith("99");
    }

    /**
     * Adds a tariff line's hit. {@code residual} marks a line whose own text is only "Other".
     */
    void line(String digits, double score, String label, String text, boolean residual) {
        line(digits, score, new Said(label, text), residual);
    }

    /** As {@link #line(String, double, String, String, boolean)} with evidence worded when asked. */
    void line(String digits, double score, Evidence evidence, boolean residual) {
        if (digits.length() < 4 || specialProvision(digits)) {
            return;
        }
        add(new Hit(digits, residual ? score * OTHER_FACTOR : score, evidence, false));
    }

    /** Adds a curated term's hit for each code it names (4 to 10 digits), already weighed by its origin. */
    void term(List<String> codes, double score, String label, String text) {
        term(codes, score, new Said(label, text));
    }

    /** As {@link #term(List, double, String, String)} with evidence worded when asked. */
    void term(List<String> codes, double score, Evidence evidence) {
        for (String c : codes) {
            if (c.length() >= 4 && !specialProvision(c)) {
                // A term naming several codes is less sure of each.
                add(new Hit(c, score / Math.sqrt(codes.size()), evidence, true));
            }
        }
    }

    private void add(Hit h) {
        headings.computeIfAbsent(h.digits().substring(0, 4), k -> new ArrayList<>()).add(h);
        if (h.digits().length() >= 6) {
            subheadings.computeIfAbsent(h.digits().substring(0, 6), k -> new ArrayList<>()).add(h);
        }
    }

    List<Scored> headings() {
        return rank(headings);
    }

    List<Scored> subheadings() {
        return rank(subheadings);
    }

    /**
     * Puts {@code code} first among the codes of a family (the codes {@code family} accepts) when a rule outside the
     * text search decides between them: it takes a little more than the family's best score, with {@code why} as
     * its first evidence; the others of the family keep their scores and follow it. Unchanged when no code of the
     * family was found.
     */
    static List<Scored> promote(List<Scored> ranked, java.util.function.Predicate<String> family, String code,
                                String why) {
        double best = ranked.stream().filter(s -> family.test(s.code())).mapToDouble(Scored::score).max().orElse(-1);
        if (best < 0) {
            return ranked;
        }
        Hit reason = new Hit(code, 0, new Said(why, ""), true);
        List<Scored> out = new ArrayList<>(ranked.size() + 1);
        boolean found = false;
        for (Scored s : ranked) {
            if (s.code().equals(code)) {
                List<Hit> evidence = new ArrayList<>(s.evidence());
                evidence.add(0, reason);
                out.add(new Scored(code, Math.max(s.score(), best * PROMOTED), List.copyOf(evidence)));
                found = true;
            } else {
                out.add(s);
            }
        }
        if (!found) {
            out.add(new Scored(code, best * PROMOTED, List.of(reason)));
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::code));
        return out;
    }

    private static List<Scored> rank(Map<String, List<Hit>> byCode) {
        List<Scored> out = new ArrayList<>(byCode.size());
        for (Map.Entry<String, List<Hit>> e : byCode.entrySet()) {
            List<Hit> hits = new ArrayList<>(e.getValue());
            hits.sort(Comparator.comparingDouble(Hit::score).reversed());
            double score = 0;
            double factor = 1;
            for (int i = 0; i < Math.min(MAX_EVIDENCE, hits.size()); i++) {
                score += factor * hits.get(i).score();
                factor *= DECAY;
            }
            out.add(new Scored(e.getKey(), score, List.copyOf(hits.subList(0, Math.min(3, hits.size())))));
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::code));
        return out;
    }
}
