package org.shipaudit.reference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Classifies a product description in a tariff schedule: analyses it ({@link ProductQuery}), searches the
 * schedule's lines, the HS lines (the international wording, often plainer) and the curated terms in one weighted
 * query with no word required, and gathers the hits per heading and subheading ({@link HeadingAggregator}).
 *
 * <p>Thread-safe and stateless; the searcher is the caller's. Costs one Lucene query over the top {@value #HITS}
 * documents plus a few exact look-ups for the answers' descriptions.
 */
final class TariffClassifier {
    static final int HITS = 120;
    static final int CANDIDATES = 10;
    /** Answers that say why in words; the rest carry only their score. */
    static final int REASONED = 3;
    /** HS lines count a little less than the schedule's own: they stand in for it. */
    static final double HS_FACTOR = 0.8;
    /**
     * A heading's weight in the chapter shares is its score to this power: the many weak headings a long title
     * touches (one word each) otherwise hold most of the evidence. Chosen on the odd fold of the HSCodeComp dev half
     * (HSC-006's false alarms and detection; rules/README.md).
     */
    static final double SHARPEN = 2;

    private final TariffSearch search;

    TariffClassifier(TariffSearch search) {
        this.search = search;
    }

    /**
     * @param lookup the line for (schedule, code), for the answers' descriptions and the full line when no hit of
     *               the schedule falls in the best subheading
     */
    TariffClassification classify(IndexSearcher searcher, ClassifyRequest request, String schedule,
                                  ClassificationTerms curated, BiFunction<String, String, Optional<TariffLine>> lookup)
            throws IOException {
        ProductQuery pq = ProductQuery.of(request, search::terms, curated::synonyms, curated.vocabulary()::repair);
        if (request.category().isEmpty() && request.attributes().isEmpty() && curated.isVague(request.text())) {
            return abstain(schedule, pq, "too vague to classify: HMRC lists '" + request.text().trim()
                    + "' as a description that needs the kind of goods, their material and use");
        }
        if (pq.isEmpty()) {
            return abstain(schedule, pq, "too vague to classify: no word of the description names goods");
        }
        TopDocs top = searcher.search(query(pq, schedule), HITS);
        if (top.scoreDocs.length == 0) {
            return abstain(schedule, pq, "no tariff text matches the description's words");
        }
        ScoreDoc[] hits = top.scoreDocs;
        Payload[] payloads = payloads(searcher, hits);
        HeadingAggregator agg = new HeadingAggregator();
        // Each subheading's best line of the schedule (hits come best first), made a TariffLine only for the answer.
        Map<String, Integer> bestLine = new HashMap<>();
        for (int i = 0; i < hits.length; i++) {
            Payload p = payloads[i];
            float score = hits[i].score;
            String origin = p.get(ClassificationTermsImporter.ORIGIN);
            if (origin != null) {
                term(agg, p, origin, score);
                continue;
            }
            String lineSchedule = p.get(Fields.SCHEDULE);
            String code = p.get(TariffDocs.CODE);
            String description = p.get(TariffDocs.DESCRIPTION);
            String digits = digits(code);
            boolean own = schedule.equals(lineSchedule);
            agg.line(digits, own ? score : score * HS_FACTOR,
                    new LineEvidence(lineSchedule, code, description, p.get(TariffDocs.PATH)), isOther(description));
            if (own && digits.length() >= 6 && !HeadingAggregator.specialProvision(digits)) {
                bestLine.putIfAbsent(digits.substring(0, 6), i);
            }
        }
        List<HeadingAggregator.Scored> headings = agg.headings();
        List<HeadingAggregator.Scored> subheadings = agg.subheadings();
        // Once a split has decided on the goods named, one that needs the search's ranking does not undo it: a
        // brooch "for backpack" in a jewellery category stays a brooch.
        boolean settled = false;
        for (MaterialSplit split : MaterialSplit.ALL) {
            boolean alone = split.decidesWhenNamed(request);
            if (settled && !alone || !applies(split, request, headings)) {
                continue;
            }
            // The text search found the family; which of its headings depends on the material (the chapter notes).
            Optional<MaterialSplit.Choice> choice = split.choose(request,
                    headings.stream().map(HeadingAggregator.Scored::code).toList());
            if (choice.isPresent()) {
                MaterialSplit.Choice c = choice.get();
                // A split that decides on the goods named goes ahead of every heading, not only of its family's.
                settled |= alone;
                headings = HeadingAggregator.promote(headings, code -> alone || split.headings().contains(code),
                        c.heading(), c.reason());
                String sub = c.subheading() != null ? c.subheading() : subheadings.stream().map(HeadingAggregator.Scored::code)
                        .filter(code -> code.startsWith(c.heading())).findFirst().orElse(null);
                if (sub != null) {
                    subheadings = HeadingAggregator.promote(subheadings,
                            code -> alone || split.headings().contains(code.substring(0, 4)), sub, c.reason());
                }
            }
        }
        Set<String> queryTerms = new LinkedHashSet<>();
        pq.terms().forEach(t -> queryTerms.add(t.term()));
        List<TariffClassification.Candidate> h = candidates(headings, 4, schedule, queryTerms, lookup);
        List<TariffClassification.Candidate> s = candidates(subheadings, 6, schedule, queryTerms, lookup);
        TariffLine line = null;
        if (!subheadings.isEmpty()) {
            String sub = subheadings.get(0).code();
            Integer best = bestLine.get(sub);
            line = best == null ? null : TariffSearch.line(payloads[best], hits[best].score);
            if (line == null) {
                line = lookup.apply(schedule, sub).orElse(null);
            }
        }
        return new TariffClassification(schedule, pq.analysis(), null, h, s, line, chapterShares(headings),
                nounsKnown(searcher, pq));
    }

    /** A split decides when the best heading is of its family, or the goods are named and one is near the top. */
    private static boolean applies(MaterialSplit split, ClassifyRequest request,
                                   List<HeadingAggregator.Scored> headings) {
        if (headings.isEmpty()) {
            return false;
        }
        if (split.decidesWhenNamed(request)) {
            return split.namesGoods(request);
        }
        if (split.headings().contains(headings.get(0).code())) {
            return true;
        }
        return headings.stream().limit(3).anyMatch(h -> split.headings().contains(h.code()))
                && split.namesGoods(request);
    }

    private static void term(HeadingAggregator agg, Payload p, String origin, float score) {
        ClassificationTermsImporter.Origin o = ClassificationTermsImporter.Origin.valueOf(origin);
        double factor = switch (o) {
            case REFERENCE -> 0.9;
            case GUIDANCE -> 0.7;
            case SYNONYM -> 0.6;
            case NOTE -> 0.5;
        };
        agg.term(ReferenceIndex.list(p.get(ClassificationTermsImporter.CODES)), score * factor, new TermEvidence(o, p));
    }

    /** A tariff line as evidence: "EU_CN 3923 30 Carboys, bottles..." matched on its own and its parents' text. */
    private record LineEvidence(String schedule, String code, String description, String path)
            implements HeadingAggregator.Evidence {
        @Override
        public String label() {
            return schedule + " " + code + " " + description;
        }

        @Override
        public String text() {
            return description + " ; " + String.join(" ; ", ReferenceIndex.list(path));
        }
    }

    /** A curated term as evidence, labelled by where it comes from. */
    private record TermEvidence(ClassificationTermsImporter.Origin origin, Payload p)
            implements HeadingAggregator.Evidence {
        @Override
        public String label() {
            String term = p.get(ClassificationTermsImporter.TERM);
            return switch (origin) {
                case REFERENCE -> "HMRC search term '" + term + "'";
                case GUIDANCE -> "HMRC guidance for '" + term + "'";
                case SYNONYM -> "UK search synonym '" + term + "'";
                case NOTE -> p.get(ClassificationTermsImporter.NOTE);
            };
        }

        @Override
        public String text() {
            return p.get(ClassificationTermsImporter.TERM);
        }
    }

    /**
     * The hits' payloads, read in document order with one doc-values iterator per segment (a fresh iterator per
     * hit costs its set-up and a seek from the segment's start each time), returned in the hits' order.
     */
    private static Payload[] payloads(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        Integer[] byDoc = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDoc[i] = i;
        }
        java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Payload[] out = new Payload[hits.length];
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = leaf.reader().getBinaryDocValues(Payload.FIELD);
            }
            out[i] = Payload.lazily(values != null && values.advanceExact(doc - leaf.docBase)
                    ? values.binaryValue() : new BytesRef());
        }
        return out;
    }

    /** The digits of a code as printed ("3923.30.00" -> "39233000"). */
    static String digits(String code) {
        StringBuilder d = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            }
        }
        return d.toString();
    }

    /** True for a residual line whose own text is only "Other" (punctuation and case aside: "- - Other:"). */
    static boolean isOther(String description) {
        if (description == null) {
            return false;
        }
        int from = 0;
        int to = description.length();
        while (from < to && !Character.isLetterOrDigit(description.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(description.charAt(to - 1))) {
            to--;
        }
        return to - from == 5 && description.regionMatches(true, from, "other", 0, 5);
    }

    private List<TariffClassification.Candidate> candidates(List<HeadingAggregator.Scored> ranked, int digits,
                                                            String schedule, Set<String> queryTerms,
                                                            BiFunction<String, String, Optional<TariffLine>> lookup) {
        int n = Math.min(CANDIDATES, ranked.size());
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += ranked.get(i).score();
        }
        List<TariffClassification.Candidate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            HeadingAggregator.Scored c = ranked.get(i);
            String display = digits == 4 ? c.code() : c.code().substring(0, 4) + "." + c.code().substring(4);
            String description = lookup.apply(schedule, c.code()).or(() -> lookup.apply(HsImporter.SCHEDULE, c.code()))
                    .map(TariffLine::description).orElse(null);
            List<String> reasons = new ArrayList<>(c.evidence().size());
            // Only the first few answers say why in words: it costs an analysis of each piece of evidence.
            for (HeadingAggregator.Hit hit : i < REASONED ? c.evidence() : List.<HeadingAggregator.Hit>of()) {
                List<String> matched = new ArrayList<>();
                for (String t : search.terms(hit.text())) {
                    if (queryTerms.contains(t) && !matched.contains(t)) {
                        matched.add(t);
                    }
                }
                reasons.add(hit.label() + (matched.isEmpty() ? "" : " (matched: " + String.join(", ", matched) + ")"));
            }
            out.add(new TariffClassification.Candidate(display, description, round(c.score()),
                    round(total == 0 ? 0 : c.score() / total), List.copyOf(reasons)));
        }
        return List.copyOf(out);
    }

    /** The weight share of the query's product nouns that some indexed text uses (a term dictionary look-up each). */
    private static double nounsKnown(IndexSearcher searcher, ProductQuery pq) throws IOException {
        double all = 0;
        double known = 0;
        for (ProductQuery.Term t : pq.terms()) {
            if (t.role() == ProductQuery.Role.NOUN) {
                all += t.weight();
                known += searcher.getIndexReader().docFreq(new Term(Fields.TEXT, t.term())) > 0 ? t.weight() : 0;
            }
        }
        return all == 0 ? 1 : round(known / all);
    }

    /** Every chapter's share of the (sharpened) scores of all the headings found, best first. */
    static List<TariffClassification.Share> chapterShares(List<HeadingAggregator.Scored> headings) {
        Map<String, Double> byChapter = new HashMap<>();
        double total = 0;
        for (HeadingAggregator.Scored h : headings) {
            double w = Math.pow(h.score(), SHARPEN);
            byChapter.merge(h.code().substring(0, 2), w, Double::sum);
            total += w;
        }
        List<TariffClassification.Share> out = new ArrayList<>(byChapter.size());
        for (Map.Entry<String, Double> e : byChapter.entrySet()) {
            out.add(new TariffClassification.Share(e.getKey(), total == 0 ? 0 : Math.round(e.getValue() / total * 1e4) / 1e4));
        }
        out.sort(java.util.Comparator.comparingDouble(TariffClassification.Share::share).reversed()
                .thenComparing(TariffClassification.Share::chapter));
        return List.copyOf(out);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private Query query(ProductQuery pq, String schedule) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (ProductQuery.Term t : pq.terms()) {
            Query own = new TermQuery(new Term(Fields.TEXT, t.term()));
            Query path = new BoostQuery(new TermQuery(new Term(Fields.PATH_TEXT, t.term())), TariffSearch.PATH_WEIGHT);
            words.add(new BoostQuery(new DisjunctionMaxQuery(List.of(own, path), 0.1f), (float) t.weight()),
                    BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder scope = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.SCHEDULE, schedule)), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_TERM)), BooleanClause.Occur.SHOULD);
        if (!HsImporter.SCHEDULE.equals(schedule)) {
            scope.add(new TermQuery(new Term(Fields.SCHEDULE, HsImporter.SCHEDULE)), BooleanClause.Occur.SHOULD);
        }
        return new BooleanQuery.Builder()
                .add(words.build(), BooleanClause.Occur.MUST)
                .add(scope.build(), BooleanClause.Occur.FILTER)
                .build();
    }

    private static TariffClassification abstain(String schedule, ProductQuery pq, String why) {
        return new TariffClassification(schedule, pq.analysis(), why, List.of(), List.of(), null, List.of(), 0);
    }
}
