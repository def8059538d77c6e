package org.shipaudit.reference.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reduces a listed or screened name to {@link NormalizedName}: the same function runs at import and at query time, so
 * "Banco Nacional de Cuba, S.A.", "BANCO NACIONAL DE CUBA" and "Bânco Nacional de Cuba SA" meet on the same tokens.
 *
 * <p>Why each step: diacritics and Cyrillic letters are folded because lists and invoices write the same name with
 * and without them; dots are dropped before splitting so "S.A." is one token "sa" and not two letters; corporate
 * forms, honorifics and particles ("de", "al", "of") are dropped because they change between sources of the same
 * name and, being frequent, would otherwise make unrelated names look alike. A name that is nothing but such words
 * keeps them. Stateless and thread-safe.
 */
public final class NameNormalizer {
    /**
     * The version of what {@link #normalize} makes of a name. The index keeps listed names normalised at import, so a
     * list imported under another version meets queries on different tokens (a company form dropped now and kept
     * then scores lower): each list's edition records the version it was imported with, and a list imported under
     * another is reported at start and on /health until it is imported again. Raise it with any change to the output.
     * 2: the Turkish, South Asian, Gulf and Russian company forms, "Sheikh" kept as a surname (2026-12-03).
     * 3: "Das", "Do", "Du", "Da", "Di" ending a person's name written given names first kept as the surname
     * (2026-12-04).
     */
    public static final int VERSION = 3;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['`\u2019\u2018\u02bc\u00b4]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{Alnum}]+");

    /** Legal-form words of companies in the languages the lists use most (dots already removed). */
    static final Set<String> CORPORATE_FORMS = Set.of("llc", "llp", "lp", "ltd", "ltda", "limited", "inc",
            "incorporated", "corp", "corporation", "co", "company", "cia", "sa", "sas", "sarl", "sl", "srl", "spa",
            "sac", "saic", "sab", "ag", "gmbh", "kg", "kgaa", "ohg", "ug", "bv", "nv", "plc", "pte", "pty", "pvt",
            "ooo", "oao", "zao", "pao", "ojsc", "cjsc", "jsc", "tov", "fze", "fzco", "fzc", "fzllc", "bhd",
            "sdn", "cv", "rl", "compania", "compagnie", "companhia", "cie", "societe", "sociedad", "kompaniya", "asa", "ab", "oy", "oyj", "aps", "kft", "zrt", "doo", "jv", "mchj", "xk",
            // Turkish (A.S. or A.Ş. for anonim şirket, Ltd. Şti. for limited şirketi), South Asian (Private
            // Limited, (Pvt) Ltd), Gulf (W.L.L., Est.) and Russian (AO, PJSC) forms: consignee fields carry them as
            // often as LLC, and left in they are words the listed name lacks (or, where a listed name has one, a
            // match on the form alone).
            "as", "sti", "private", "wll", "est", "ao", "pjsc");
    /** Titles and forms of address that precede a person's name. */
    static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame",
            "sheikh", "shaikh", "shaykh", "sheik", "haji", "hajji", "hadji", "mullah", "maulana", "maulvi", "mawlawi",
            "qari", "imam", "ayatollah", "gen", "general", "col", "colonel", "maj", "major", "capt", "captain", "lt",
            "mme", "mlle", "herr", "frau", "sr", "sra", "srta", "don", "dona", "hajj");
    /**
     * Titles that are never a name of their own (religious and courtesy forms of address): dropped wherever they
     * stand in a person's name, because a consignee field turns "AHMED, Sheikh Abubakar" into "Ahmed Sheikh
     * Abubakar" and "Haji Mullah Sahib" into "Sahib Mullah Haji". Military ranks, "General", "Don" and "Sir" stay
     * leading-only: they are also surnames and company words.
     */
    static final Set<String> TITLES_ANYWHERE = Set.of("mr", "mrs", "ms", "dr", "prof", "sheikh", "shaikh", "shaykh",
            "sheik", "haji", "hajji", "hadji", "hajj", "mullah", "maulana", "maulvi", "mawlawi", "ayatollah");
    /**
     * Titles that are also common family names (Sheikh and Shaikh across Pakistan, India and Bangladesh): kept as the
     * surname when they end a name written given names first.
     */
    static final Set<String> FAMILY_NAME_TITLES = Set.of("sheikh", "shaikh", "sheik", "shaykh");
    /**
     * The corporate forms long enough that one typing slip cannot turn them into another word of a name:
     * "compani", "comapny", "limted", "corporatin" are still the legal form, not an extra word the listed name
     * lacks (every such word would otherwise cost the match its share of the letters).
     */
    private static final List<String> LONG_FORMS = CORPORATE_FORMS.stream().filter(f -> f.length() >= 6).sorted()
            .toList();
    /**
     * Particles that are also family names (Das across Bengal and Odisha, Do in Vietnam, Du in China, Da and Di in
     * Italy and China): kept as the surname when they end a person's name written given names first. Not "al",
     * "the", "le": a company name turned round ends with them ("Oxytech The").
     */
    static final Set<String> FAMILY_NAME_PARTICLES = Set.of("das", "da", "do", "du", "di");
    /** Articles, prepositions and name particles. */
    static final Set<String> PARTICLES = Set.of("de", "del", "della", "der", "den", "di", "da", "das", "do", "dos",
            "du", "la", "le", "les", "van", "von", "y", "e", "et", "und", "and", "ve", "of", "the", "al", "el", "bin", "ibn",
            "bint");

    private NameNormalizer() {
    }

    public static NormalizedName normalize(String name, NameForm form) {
        if (name == null || name.isBlank()) {
            return new NormalizedName(List.of(), List.of());
        }
        String s = fold(name);
        String given = null;
        String surname = s;
        int comma = s.indexOf(',');
        if (form != NameForm.ENTITY && comma > 0 && comma == s.lastIndexOf(',')) {
            String after = s.substring(comma + 1);
            List<String> afterTokens = split(after);
            boolean corporate = !afterTokens.isEmpty() && afterTokens.stream()
                    .allMatch(t -> CORPORATE_FORMS.contains(t) || PARTICLES.contains(t) || t.length() == 1);
            if (!afterTokens.isEmpty() && !corporate) {
                given = after;
                surname = s.substring(0, comma);
            }
        }
        List<String> tokens = new ArrayList<>();
        List<Boolean> core = new ArrayList<>();
        if (given != null) {
            List<String> g = clean(split(given), true, false);
            List<String> f = clean(split(surname), false, false);
            for (int i = 0; i < g.size(); i++) {
                tokens.add(g.get(i));
                core.add(i == 0);
            }
            for (String t : f) {
                tokens.add(t);
                core.add(true);
            }
        } else {
            List<String> all = clean(split(surname), form != NameForm.ENTITY, true);
            for (int i = 0; i < all.size(); i++) {
                tokens.add(all.get(i));
                // A person written first-to-last: the first and the last token carry the identity.
                core.add(form != NameForm.INDIVIDUAL || i == 0 || i == all.size() - 1);
            }
        }
        return new NormalizedName(tokens, core);
    }

    /** Lower case, Latin letters without marks, apostrophes and dots removed (the comma kept for name order). */
    static String fold(String name) {
        StringBuilder b = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            String t = Transliteration.latin(c);
            if (t != null) {
                b.append(t);
            } else {
                b.append(c);
            }
        }
        String n = Normalizer.normalize(b, Normalizer.Form.NFD);
        n = MARKS.matcher(n).replaceAll("");
        n = APOSTROPHES.matcher(n).replaceAll("");
        return n.replace(".", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> split(String s) {
        String t = NON_ALNUM.matcher(s).replaceAll(" ").trim();
        return t.isEmpty() ? List.of() : List.of(t.split(" "));
    }

    /** The name's words folded as {@link #normalize} folds them, before anything is dropped (for analysing matches). */
    public static List<String> foldedWords(String name) {
        return name == null ? List.of() : split(fold(name));
    }

    /** True for a title or form of address the normaliser drops from a person's name ("sheikh", "dr", "general"). */
    public static boolean isTitle(String foldedToken) {
        return HONORIFICS.contains(foldedToken) || TITLES_ANYWHERE.contains(foldedToken);
    }

    /** One typing slip away from a long corporate form ("compnay", "limitd"), and not a form itself. */
    static boolean misspeltForm(String t) {
        if (t.length() < 5 || t.length() > 13) {
            return false;
        }
        for (String f : LONG_FORMS) {
            if (Math.abs(f.length() - t.length()) <= 1 && f.charAt(0) == t.charAt(0) && EditDistance.osa(t, f, 1) <= 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops corporate forms, particles and (leading, for people) honorifics; keeps all if nothing would be left.
     * With {@code surnameLast} (a person written given names first) a title that is also a family name keeps its
     * place as the last word: "Sana Sheikh" is Ms Sheikh, not "Sana".
     */
    private static List<String> clean(List<String> tokens, boolean person, boolean surnameLast) {
        List<String> out = new ArrayList<>(tokens.size());
        boolean leading = true;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean last = surnameLast && !leading && i == tokens.size() - 1;
            boolean surname = last && FAMILY_NAME_TITLES.contains(t);
            if (person && !surname && (leading && HONORIFICS.contains(t) || TITLES_ANYWHERE.contains(t))) {
                continue;
            }
            leading = false;
            // "Das", "Do", "Du" ending a person's name are the family name ("Naveed Das", "Minh Do", "Wei Du"), not
            // the particle of "Maria das Dores".
            boolean particle = PARTICLES.contains(t) && !(person && last && FAMILY_NAME_PARTICLES.contains(t));
            if (CORPORATE_FORMS.contains(t) || particle || misspeltForm(t)) {
                continue;
            }
            if (!person && t.length() == 1) {
                continue; // the leftovers of "S. de R.L." and "S.p.A." in company names, not initials
            }
            out.add(t);
        }
        return out.isEmpty() ? tokens : out;
    }
}
