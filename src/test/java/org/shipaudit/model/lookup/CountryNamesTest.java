package org.shipaudit.model.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.shipaudit.model.CatalogProduct;
import org.shipaudit.model.WeightUnit;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.api.Weight;

/** Countries of origin as catalogs write them, read to ISO 3166-1 alpha-2. */
class CountryNamesTest {

    @Test
    void readsCodesAlpha3CodesAndNamesInAnyCase() {
        assertEquals("CN", CountryNames.alpha2("CN"));
        assertEquals("CN", CountryNames.alpha2("chn"));
        assertEquals("CN", CountryNames.alpha2("China"));
        assertEquals("CN", CountryNames.alpha2("People's Republic of China"));
        assertEquals("VN", CountryNames.alpha2("Viet Nam"));
        assertEquals("VN", CountryNames.alpha2("Vietnam"));
        assertEquals("US", CountryNames.alpha2("U.S.A."));
        assertEquals("GB", CountryNames.alpha2("UK"));
        assertEquals("TR", CountryNames.alpha2("Türkiye"));
        assertEquals("CI", CountryNames.alpha2("Côte d’Ivoire".replace('’', '\'')));
        assertEquals("IN", CountryNames.alpha2(" india "));
    }

    @Test
    void readsNoCountryInRegionsPlaceholdersAndNonsense() {
        assertNull(CountryNames.alpha2("Europe"));
        assertNull(CountryNames.alpha2("N/A"), "not Namibia");
        assertNull(CountryNames.alpha2("Made in PRC!"));
        assertNull(CountryNames.alpha2("XX"));
        assertNull(CountryNames.alpha2(""));
        assertNull(CountryNames.alpha2(null));
    }

    @Test
    void measuresLengthPlusGirthInInchesWhateverTheUnit() {
        CatalogProduct rug = new CatalogProduct(9, "RUG-1", "Rolled rug", null, null, null, "5703.29", "IN",
                new Weight(9.0, WeightUnit.KG), new Dimensions(30.0, 120.0, 40.0, LengthUnit.CM), null, null, true);
        assertEquals(120 / 2.54, rug.getLongestInches(), 1e-9);
        assertEquals((120 + 2 * (30 + 40)) / 2.54, rug.getLengthPlusGirthInches(), 1e-9);
        assertEquals("30 x 120 x 40 CM", rug.getDimensionsText());
        assertEquals(9 / 0.45359237, rug.getPounds(), 1e-9);
    }
}
