package org.shipaudit.reference;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.shipaudit.reference.screening.AliasQuality;
import org.shipaudit.reference.screening.EntryType;
import org.shipaudit.reference.screening.JaroWinkler;
import org.shipaudit.reference.screening.NameForm;
import org.shipaudit.reference.screening.NameNormalizer;
import org.shipaudit.reference.screening.NameScorer;
import org.shipaudit.reference.screening.NormalizedName;
import org.shipaudit.reference.screening.PhoneticKeys;
import org.shipaudit.reference.screening.SanctionsList;
import org.shipaudit.reference.screening.ScreeningHit;
import org.shipaudit.reference.screening.ScreeningQuery;

/**
 * Screens one name against the list entries in the index: Lucene retrieves the names sharing a token or a phonetic
 * key with the query (ranked by BM25, so rare tokens count most), then {@link NameScorer} scores each of the best
 * {@value #CANDIDATES}, entries keep their best-scoring name, and country and city corroborate or weaken the match.
 *
 * <p>Why retrieve then score: Jaro-Winkler over every listed name would cost tens of milliseconds; the postings of
 * a few terms cost microseconds, and a name that shares neither a token nor a sound with the query cannot score high.
 */
final class ScreeningSearch {
    /** Names scored per query: enough for common tokens ("mohammad") to still reach the right entry. */
    static final int CANDIDATES = 48;
    /** Added when the party's country is one of the entry's, or its city is in one of the entry's addresses. */
    static final double CORROBORATION = 0.03;
    /** Taken off when the entry names countries and the party's is none of them. */
    static final double CONTRADICTION = 0.02;
    /**
     * Taken off a match resting on a weak alias that neither the country nor the city corroborates: OFAC does not
     * expect screening on weak aliases (nicknames, noms de guerre, common acronyms) alone, but on a hit "arising
     * from other information" (OFAC FAQ 122, 124).
     */
    static final double WEAK_UNCORROBORATED = 0.08;
    /** Below this name score, place is no evidence either way. */
    private static final double NAME_FLOOR = 0.75;

    private ScreeningSearch() {
    }

    static List<ScreeningHit> search(IndexSearcher searcher, ScreeningQuery q) throws IOException {
        NormalizedName name = NameNormalizer.normalize(q.name(), NameForm.UNKNOWN);
        if (name.isEmpty() || q.limit() <= 0) {
            return List.of();
        }
        List<Set<String>> keys = new ArrayList<>(name.tokens().size());
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        Set<String> added = new LinkedHashSet<>();
        for (String t : name.tokens()) {
            Set<String> k = PhoneticKeys.of(t);
            keys.add(k);
            if (added.add("t:" + t)) {
                terms.add(new TermQuery(new Term(ScreeningDocs.TOKENS, t)), BooleanClause.Occur.SHOULD);
            }
            for (String a : ScreeningDocs.affixes(t)) {
                if (added.add("a:" + a)) {
                    terms.add(new BoostQuery(new TermQuery(new Term(ScreeningDocs.AFFIXES, a)), 0.25f),
                            BooleanClause.Occur.SHOULD);
                }
            }
            for (String key : k) {
                if (added.add("p:" + key)) {
                    terms.add(new BoostQuery(new TermQuery(new Term(ScreeningDocs.PHONETIC, key)), 0.5f),
                            BooleanClause.Occur.SHOULD);
                }
            }
        }
        BooleanQuery.Builder types = new BooleanQuery.Builder();
        for (EntryType t : q.types()) {
            types.add(new TermQuery(new Term(ScreeningDocs.TYPE, t.label())), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery query = new BooleanQuery.Builder()
                .add(terms.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SCREENING)), BooleanClause.Occur.FILTER)
                .add(types.build(), BooleanClause.Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, CANDIDATES);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String country = q.country() == null ? "" : q.country().strip().toUpperCase(java.util.Locale.ROOT);
        String city = q.city() == null ? "" : NameNormalizer.normalize(q.city(), NameForm.ENTITY).text();
        // Score every candidate on its small scoring value; keep each entry's best name.
        Map<String, Candidate> best = new HashMap<>();
        Map<String, double[]> memo = new HashMap<>();
        TokenRarity rarity = TokenRarity.of(searcher.getIndexReader());
        double floor = Math.min(q.minScore(), NAME_FLOOR) - CORROBORATION;
        for (ScoreDoc sd : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            BinaryDocValues dv = leaf.reader().getBinaryDocValues(ScreeningDocs.SCORING);
            int doc = sd.doc - leaf.docBase;
            if (dv == null || !dv.advanceExact(doc)) {
                continue;
            }
            BytesRef b = dv.binaryValue();
            String[] f = new String(b.bytes, b.offset, b.length, StandardCharsets.UTF_8)
                    .split(String.valueOf(ScreeningDocs.SEP), -1);
            if (!inForce(f[5], f[6], q.day())) {
                continue;
            }
            NormalizedName listed = NormalizedName.of(f[0], f[1]);
            NameScorer.Score s = NameScorer.score(name, keys, listed, listedKeys(f[2], listed.tokens().size()), memo,
                    rarity);
            if (s.value() < floor) {
                continue;
            }
            String entry = f[3] + ":" + f[4];
            Candidate previous = best.get(entry);
            if (previous == null || s.value() > previous.score.value()) {
                best.put(entry, new Candidate(leaf, doc, s));
            }
        }
        List<ScreeningHit> hits = new ArrayList<>(best.size());
        for (Candidate c : best.values()) {
            if (c.score.value() + 2 * CORROBORATION < q.minScore()) {
                continue; // no corroboration could lift it to the minimum: skip decoding its payload
            }
            hits.add(hit(Payload.read(c.leaf.reader(), c.doc), c.score, name, country, city));
        }
        return hits.stream().filter(h -> h.score() >= q.minScore())
                .sorted(Comparator.comparingDouble(ScreeningHit::score).reversed()
                        .thenComparing(h -> h.list().name()).thenComparing(ScreeningHit::entryId))
                .limit(q.limit()).toList();
    }

    private record Candidate(LeafReaderContext leaf, int doc, NameScorer.Score score) {
    }

    private static ScreeningHit hit(Payload p, NameScorer.Score s, NormalizedName query, String country, String city) {
        double score = s.value();
        List<String> reasons = new ArrayList<>();
        AliasQuality quality = AliasQuality.valueOf(p.get("quality"));
        reasons.add("name: '" + query.text() + "' ~ " + (quality == AliasQuality.PRIMARY ? "listed name" : quality.name()
                .toLowerCase(java.util.Locale.ROOT) + " alias") + " '" + p.get("ntext") + "' ("
                + String.join(", ", s.pairs()) + ")");
        List<String> countries = words(p.get("countries"));
        if (score >= NAME_FLOOR && !country.isEmpty() && !countries.isEmpty()) {
            if (countries.contains(country)) {
                score += CORROBORATION;
                reasons.add("country: " + country + " is one of the entry's (" + String.join(", ", countries) + ")");
            } else {
                score -= CONTRADICTION;
                reasons.add("country: " + country + " is not one of the entry's (" + String.join(", ", countries) + ")");
            }
        }
        if (score >= NAME_FLOOR && !city.isEmpty()) {
            for (String c : ReferenceIndex.list(p.get("cities"))) {
                if (containsCity(c, city)) {
                    score += CORROBORATION;
                    reasons.add("address: city '" + city + "' is in the entry's address '" + c + "'");
                    break;
                }
            }
        }
        if (quality.weak()) {
            boolean corroborated = score > s.value();
            if (!corroborated) {
                score -= WEAK_UNCORROBORATED;
            }
            reasons.add("weak alias: OFAC and the UN rate this alias low quality; at most a possible match"
                    + (corroborated ? "" : ", and counted down by " + WEAK_UNCORROBORATED + " as nothing else corroborates it"));
        }
        score = Math.max(0, Math.min(1, score));
        return new ScreeningHit(SanctionsList.valueOf(p.get("list")), p.get("entryId"), p.get("name"), p.get("matched"),
                quality, Math.round(score * 1000) / 1000.0, EntryType.parse(p.get("type")),
                ReferenceIndex.list(p.get("programs")), ReferenceIndex.list(p.get("addresses")), countries,
                ReferenceIndex.list(p.get("ids")), p.get("remarks") == null ? "" : p.get("remarks"), reasons,
                date(p.get("listedOn")), date(p.get("expires")));
    }

    /** The city's tokens appear, in order, in the listed address's city field ("zurich ch 8022" holds "zurich"). */
    private static boolean containsCity(String listed, String city) {
        if ((" " + listed + " ").contains(" " + city + " ")) {
            return true;
        }
        return JaroWinkler.similarity(listed, city) >= 0.95;
    }

    private static boolean inForce(String effective, String expires, LocalDate day) {
        if (day == null) {
            return true;
        }
        LocalDate from = date(effective);
        LocalDate to = date(expires);
        return (from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day));
    }

    private static List<Set<String>> listedKeys(String joined, int tokens) {
        List<Set<String>> out = new ArrayList<>(tokens);
        String[] parts = joined == null ? new String[0] : joined.split(" ", -1);
        for (int i = 0; i < tokens; i++) {
            String part = i < parts.length ? parts[i] : "";
            out.add(part.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(part.split("\\|"))));
        }
        return out;
    }

    private static List<String> words(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(" "));
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }
}
