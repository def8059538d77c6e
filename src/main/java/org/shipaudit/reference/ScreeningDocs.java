package org.shipaudit.reference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.shipaudit.reference.screening.ListedAddress;
import org.shipaudit.reference.screening.ListedEntry;
import org.shipaudit.reference.screening.ListedName;
import org.shipaudit.reference.screening.NameNormalizer;
import org.shipaudit.reference.screening.NormalizedName;
import org.shipaudit.reference.screening.PhoneticKeys;

/**
 * The index documents of restricted-party list entries: one document per name (the listed name and each alias), so a
 * match on an alias is found and reported as that alias. Each carries the entry's whole payload (programs, addresses,
 * dates), so a hit needs no second read. Retrieval fields hold the normalised tokens and their phonetic keys.
 */
final class ScreeningDocs {
    static final String TOKENS = "sn_tok";
    static final String PHONETIC = "sn_ph";
    static final String TYPE = "sn_type";
    /** The first and last three letters of each token: a typo inside a word keeps them, and finds the name. */
    static final String AFFIXES = "sn_affix";
    /**
     * What scoring needs, apart from the full payload: normalised tokens, core mask, phonetic keys, list, entry id,
     * dates, quality, separated by {@link #SEP}. Scoring 64 candidates reads this small value; only the hits that
     * are returned decode the full payload (remarks, addresses), which keeps a screening call well under a ms.
     */
    static final String SCORING = "sn_scoring";
    static final char SEP = '\u0001';
    /** Remarks are kept for people to read; past this length they are cut (OFAC remarks run to kilobytes). */
    private static final int REMARKS_MAX = 600;

    private ScreeningDocs() {
    }

    /** "^mus" and "med$" for "muhammed"; none for tokens under five letters (their tokens and sounds suffice). */
    static List<String> affixes(String token) {
        if (token.length() < 5) {
            return List.of();
        }
        return List.of("^" + token.substring(0, 3), token.substring(token.length() - 3) + "$");
    }

    static String entryKey(String list, String entryId) {
        return "screening:" + list + ":" + entryId;
    }

    /** Adds the entry's documents to the run; names that normalise to nothing are skipped and counted. */
    static void add(ImportRun run, ListedEntry e) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        List<String> addresses = new ArrayList<>();
        List<String> cities = new ArrayList<>();
        for (ListedAddress a : e.addresses()) {
            if (!a.isEmpty()) {
                addresses.add(a.oneLine());
            }
            String city = NameNormalizer.normalize(a.city(), org.shipaudit.reference.screening.NameForm.ENTITY).text();
            if (!city.isEmpty()) {
                cities.add(city);
            }
        }
        String remarks = e.remarks().length() > REMARKS_MAX ? e.remarks().substring(0, REMARKS_MAX) + "..." : e.remarks();
        for (ListedName n : e.names()) {
            NormalizedName norm = NameNormalizer.normalize(n.name(), e.type().form());
            if (norm.isEmpty()) {
                run.skip("name without letters or digits");
                continue;
            }
            if (!seen.add(norm.text() + "|" + n.quality().weak())) {
                continue; // the same name twice (an alias spelt as the listed name): one document is enough
            }
            Document d = Fields.base(Fields.KIND_SCREENING, e.list().source());
            Fields.key(d, entryKey(e.list().name(), e.entryId()));
            d.add(new StringField(TYPE, e.type().label(), Field.Store.NO));
            List<String> keys = new ArrayList<>(norm.tokens().size());
            for (String t : new LinkedHashSet<>(norm.tokens())) {
                d.add(new StringField(TOKENS, t, Field.Store.NO));
                for (String a : affixes(t)) {
                    d.add(new StringField(AFFIXES, a, Field.Store.NO));
                }
            }
            for (String t : norm.tokens()) {
                Set<String> k = PhoneticKeys.of(t);
                keys.add(String.join("|", k));
                for (String key : k) {
                    d.add(new StringField(PHONETIC, key, Field.Store.NO));
                }
            }
            String scoring = String.join(String.valueOf(SEP), norm.text(), norm.coreMask(), String.join(" ", keys),
                    e.list().name(), e.entryId(), e.effective() == null ? "" : e.effective().toString(),
                    e.expires() == null ? "" : e.expires().toString(), n.quality().name());
            d.add(new org.apache.lucene.document.BinaryDocValuesField(SCORING,
                    new org.apache.lucene.util.BytesRef(scoring)));
            d.add(new StoredField("list", e.list().name()));
            d.add(new StoredField("entryId", e.entryId()));
            d.add(new StoredField("type", e.type().label()));
            d.add(new StoredField("name", e.name()));
            d.add(new StoredField("matched", n.name()));
            d.add(new StoredField("quality", n.quality().name()));
            d.add(new StoredField("ntext", norm.text()));
            d.add(new StoredField("nmask", norm.coreMask()));
            d.add(new StoredField("nkeys", String.join(" ", keys)));
            Fields.store(d, "programs", String.join(Fields.SEP, e.programs()));
            Fields.store(d, "addresses", String.join(Fields.SEP, addresses));
            Fields.store(d, "cities", String.join(Fields.SEP, cities));
            Fields.store(d, "countries", String.join(" ", e.countries()));
            Fields.store(d, "ids", String.join(Fields.SEP, e.identifiers()));
            Fields.store(d, "remarks", remarks);
            Fields.store(d, "listedOn", e.listedOn() == null ? null : e.listedOn().toString());
            Fields.store(d, "effective", e.effective() == null ? null : e.effective().toString());
            Fields.store(d, "expires", e.expires() == null ? null : e.expires().toString());
            run.add(d);
        }
    }
}
