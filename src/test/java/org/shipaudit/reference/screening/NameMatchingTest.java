package org.shipaudit.reference.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Normalisation and token scoring of names, without an index. */
class NameMatchingTest {

    static double score(String query, String listed, NameForm form) {
        NormalizedName q = NameNormalizer.normalize(query, NameForm.UNKNOWN);
        NormalizedName c = NameNormalizer.normalize(listed, form);
        return NameScorer.score(q, keys(q), c, keys(c)).value();
    }

    static List<Set<String>> keys(NormalizedName n) {
        List<Set<String>> out = new ArrayList<>();
        n.tokens().forEach(t -> out.add(PhoneticKeys.of(t)));
        return out;
    }

    @Test
    void foldsCaseDiacriticsPunctuationAndCorporateForms() {
        assertEquals("banco nacional cuba", NameNormalizer.normalize("Bânco Nacional de Cuba, S.A.", NameForm.ENTITY).text());
        assertEquals("example trading", NameNormalizer.normalize("EXAMPLE TRADING GmbH", NameForm.ENTITY).text());
        assertEquals("example trading", NameNormalizer.normalize("OOO \"Example Trading\"", NameForm.ENTITY).text());
        assertEquals("viktor but", NameNormalizer.normalize("Виктор Бут", NameForm.UNKNOWN).text());
    }

    @Test
    void turnsLastFirstRoundAndDropsHonorifics() {
        NormalizedName n = NameNormalizer.normalize("BOUT, Viktor Anatolijevitch", NameForm.INDIVIDUAL);
        assertEquals(List.of("viktor", "anatolijevitch", "bout"), n.tokens());
        assertEquals("101", n.coreMask());
        assertEquals("john smith", NameNormalizer.normalize("Dr. John Smith", NameForm.UNKNOWN).text());
        assertEquals("anglo caribbean", NameNormalizer.normalize("ANGLO-CARIBBEAN CO., LTD.", NameForm.UNKNOWN).text());
    }

    @Test
    void aMisspeltCorporateFormIsStillAForm() {
        assertEquals("sanate choube shomal", NameNormalizer.normalize("SANATE CHOUBE SHOMAL COMPAYN", NameForm.UNKNOWN).text());
        assertEquals("syriss group", NameNormalizer.normalize("Syriss Group Liimted", NameForm.UNKNOWN).text());
        assertEquals("arc resources", NameNormalizer.normalize("ARC Resources Croporation", NameForm.UNKNOWN).text());
        // Two slips, or a word of its own, are not a form.
        assertEquals("compass", NameNormalizer.normalize("Compass", NameForm.UNKNOWN).text());
        assertEquals("blue compass", NameNormalizer.normalize("Blue Compass Ltd", NameForm.UNKNOWN).text());
    }

    @Test
    void religiousTitlesAreDroppedWhereverTheyStand() {
        assertEquals("ahmed abubakar", NameNormalizer.normalize("Ahmed Sheikh Abubakar", NameForm.UNKNOWN).text());
        assertEquals("sahib", NameNormalizer.normalize("Sahib Mullah Haji", NameForm.UNKNOWN).text());
        // Ranks stay leading-only: "General" is also a company word.
        assertEquals("korea general", NameNormalizer.normalize("Korea General", NameForm.UNKNOWN).text());
    }

    @Test
    void aMissingMiddleNameStillMatchesStrongly() {
        assertTrue(score("Viktor Bout", "BOUT, Viktor Anatolijevitch", NameForm.INDIVIDUAL) >= 0.95);
    }

    @Test
    void aSurnameAloneIsNotAMatch() {
        assertTrue(score("Bout", "BOUT, Viktor Anatolijevitch", NameForm.INDIVIDUAL) < 0.8);
    }

    @Test
    void typosTransliterationsAndWordOrderStillMatch() {
        assertTrue(score("Islamic Revolutionary Gaurd Corps", "ISLAMIC REVOLUTIONARY GUARD CORPS", NameForm.ENTITY) > 0.95);
        assertTrue(score("Muhammad Qasim", "MOHAMMED KASIM", NameForm.INDIVIDUAL) >= 0.89);
        assertTrue(score("Cuba Nacional Banco", "BANCO NACIONAL DE CUBA", NameForm.ENTITY) > 0.99);
        assertTrue(score("Abdulrahman Example", "ABDUL RAHMAN EXAMPLE", NameForm.INDIVIDUAL) > 0.9);
    }

    @Test
    void differentNamesScoreLow() {
        assertTrue(score("Emily Johnson", "BOUT, Viktor", NameForm.INDIVIDUAL) < 0.3);
        assertTrue(score("Acme Logistics", "BANCO NACIONAL DE CUBA", NameForm.ENTITY) < 0.3);
    }

    static double score(String query, String listed, NameForm form, NameScorer.Rarity rarity) {
        NormalizedName q = NameNormalizer.normalize(query, NameForm.UNKNOWN);
        NormalizedName c = NameNormalizer.normalize(listed, form);
        return NameScorer.score(q, keys(q), c, keys(c), null, rarity).value();
    }

    @Test
    void aDifferentSurnameOfTheSameShapeIsNotATypo() {
        // Jaro-Winkler puts "andersson"/"andoson" (three slips) near "adnoson"/"andoson" (one): the slips tell them apart.
        assertTrue(score("David Andersson", "DAVID, Andoson", NameForm.INDIVIDUAL) < 0.9);
        assertTrue(score("David Adnoson", "DAVID, Andoson", NameForm.INDIVIDUAL) >= 0.92);
    }

    @Test
    void shortWordsThatDifferByALetterAreOtherNames() {
        assertTrue(score("Wei Chan", "CHEN, Wei", NameForm.INDIVIDUAL) < 0.9);
        assertEquals(1.0, score("Wei Chen", "CHEN, Wei", NameForm.INDIVIDUAL), 1e-9);
    }

    @Test
    void aMatchOnTokensManyListedNamesShareCountsLess() {
        NameScorer.Rarity common = t -> t.equals("mohammad") || t.equals("ali") ? NameScorer.MIN_RARITY : 1;
        String listed = "MOHAMMAD ALI HOSSEINI";
        double alike = score("Mohammad Ali Karimi", listed, NameForm.INDIVIDUAL, NameScorer.Rarity.NONE);
        double weighted = score("Mohammad Ali Karimi", listed, NameForm.INDIVIDUAL, common);
        assertTrue(weighted < alike - 0.1, weighted + " vs " + alike);
        assertEquals(1.0, score("Mohammad Ali Hosseini", listed, NameForm.INDIVIDUAL, common), 1e-9);
    }

    @Test
    void romanisationsOfOneNameStillPair() {
        assertTrue(score("Yousef Example", "YUSUF EXAMPLE", NameForm.INDIVIDUAL) >= 0.9);
        assertTrue(score("Muammar Gaddafi", "QADHAFI, Muammar", NameForm.INDIVIDUAL) >= 0.9);
    }

    @Test
    void jaroWinklerGivesTheTextbookValues() {
        assertEquals(0.961, JaroWinkler.similarity("martha", "marhta"), 0.001);
        assertEquals(0.840, JaroWinkler.similarity("dwayne", "duane"), 0.001);
        assertEquals(0.0, JaroWinkler.similarity("abc", "xyz"));
    }

    @Test
    void countryNamesBecomeIsoCodes() {
        assertEquals("IR", CountryNames.code("Iran"));
        assertEquals("KP", CountryNames.code("Korea, North"));
        assertEquals("CD", CountryNames.code("Congo, Democratic Republic of the"));
        assertEquals("CH", CountryNames.code("Switzerland"));
        assertEquals("", CountryNames.code("Atlantis"));
    }
}
