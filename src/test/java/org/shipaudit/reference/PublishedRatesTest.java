package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.RateCheck;

/**
 * Published rate tables (UPS Daily Rates, FedEx Ground/Home Delivery list rates, in the layouts the carriers' files
 * are flattened to) and contract discounts: recognised by content, effective-dated from their edition, idempotent,
 * bad rows named. The tables are fixtures written here, with figures shaped like the carriers' (not their data).
 */
class PublishedRatesTest {

    static final String UPS = "service,weight_lbs,zone,rate_usd\n"
            + "UPS® Ground,1,2,10.00\nUPS® Ground,5,8,21.50\nUPS® Ground,5,5,15.00\n"
            + "UPS Next Day Air®,letter,102,40.00\nUPS Next Day Air®,2,102,50.00\nUPS Next Day Air® Early,2,102,80.00\n"
            + "UPS® Ground,five,5,15.00\nUPS® Ground,6,5,abc\n";
    static final String FEDEX = "Weight_lbs,Zone2,Zone3,Zone8\n1,11.32,11.65,14.17\n20,20.00,22.00,40.79\n";

    @TempDir
    Path dir;

    private List<ImportSummary> load(Path index, Path... files) throws IOException {
        try (ReferenceImporter importer = ReferenceImporter.open(index)) {
            return importer.importPaths(List.of(files));
        }
    }

    @Test
    void importsUpsDailyRatesEffectiveFromTheDayUpsStatesForTheRateYear() throws IOException {
        Path file = Files.writeString(dir.resolve("ups_daily_rates_2026_domestic.csv"), UPS);
        assertEquals(ReferenceFormat.UPS_DAILY_RATES_CSV, FormatDetector.detect(file));
        Path idx = dir.resolve("idx");
        ImportSummary s = load(idx, file).get(0);
        assertTrue(s.ok(), s.toString());
        assertEquals(5, s.rowsIndexed(), s.toString());
        assertEquals(1L, s.skipped().get("letter (envelope) rates: billed as letters, not by weight"), s.toString());
        assertEquals(1L, s.skipped().get("row 8: weight_lbs: expected whole pounds from 1 to 2000 or 'letter', "
                + "found 'five'"), s.toString());
        assertEquals(1L, s.skipped().get("row 9: rate_usd: expected an amount such as 12.34, found 'abc'"),
                s.toString());
        // Importing the same file again replaces its cells: the same five, not ten.
        assertEquals(5, load(idx, file).get(0).rowsIndexed());
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            LocalDate day = LocalDate.of(2026, 1, 5);
            PublishedRateLookup ground = index.publishedRate("UPS", "Ground", "008", 5, day, null);
            assertEquals(RateCheck.WITHIN, ground.outcome());
            assertEquals(new BigDecimal("21.50"), ground.listRate());
            assertTrue(ground.edition().contains("2025-12-22 to open"), ground.edition());
            // Next Day Air and its Early variant read as one service: the higher rate bounds the check.
            assertEquals(new BigDecimal("80.00"), index.publishedRate("UPS", "NEXT_DAY_AIR", "102", 2, day, null)
                    .listRate());
            assertEquals(RateCheck.NO_RATE, index.publishedRate("UPS", "GROUND", "8", 151, day, null).outcome());
            assertEquals(RateCheck.NO_TABLE, index.publishedRate("DHL", "GROUND", "8", 5, day, null).outcome());
            // UPS's 2026 rates took effect 2025-12-22: an August 2025 shipment is not judged by them.
            assertEquals(RateCheck.NOT_IN_FORCE, index.publishedRate("UPS", "GROUND", "8", 5,
                    LocalDate.of(2025, 8, 20), null).outcome());
            // Without a ship date, an invoice dated before the table still settles it; a later one does not.
            assertEquals(RateCheck.NOT_IN_FORCE, index.publishedRate("UPS", "GROUND", "8", 5, null,
                    LocalDate.of(2025, 8, 23)).outcome());
            assertEquals(RateCheck.NO_SHIP_DATE, index.publishedRate("UPS", "GROUND", "8", 5, null,
                    LocalDate.of(2026, 2, 1)).outcome());
        }
    }

    @Test
    void aFedexListRateTableEndsWhereTheNextRateYearBeginsEvenWhenThatTableIsNotLoaded() throws IOException {
        Path file = Files.writeString(dir.resolve("fedex_ground_list_rates_2025.csv"), FEDEX);
        assertEquals(ReferenceFormat.FEDEX_LIST_RATES_CSV, FormatDetector.detect(file));
        Path idx = dir.resolve("idx");
        ImportSummary s = load(idx, file).get(0);
        assertTrue(s.ok(), s.toString());
        assertEquals(12, s.rowsIndexed(), "2 weights x 3 zones x Ground and Home Delivery: " + s);
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            PublishedRateLookup hd = index.publishedRate("FEDEX", "Home Delivery", "8", 20, LocalDate.of(2025, 7, 25),
                    null);
            assertEquals(new BigDecimal("40.79"), hd.listRate(), hd.toString());
            assertTrue(hd.edition().contains("2025-01-06 to 2026-01-04"), hd.edition());
            assertEquals(new BigDecimal("40.79"), index.publishedRate("FEDEX", "FEDEX_GROUND", "8", 20,
                    LocalDate.of(2025, 7, 25), null).listRate());
            assertEquals(RateCheck.NOT_IN_FORCE, index.publishedRate("FEDEX", "HOME_DELIVERY", "8", 20,
                    LocalDate.of(2026, 1, 5), null).outcome(), "FedEx's 2026 rates start 2026-01-05");
        }
    }

    @Test
    void aTableWhoseNameGivesNoEditionIsRefusedSayingHowToNameIt() throws IOException {
        ImportSummary s = load(dir.resolve("idx"), Files.writeString(dir.resolve("ups_rates.csv"), UPS)).get(0);
        assertFalse(s.ok(), s.toString());
        assertTrue(s.error().contains("name the file with its effective date or rate year"), s.error());
        ImportSummary unknownYear = load(dir.resolve("idx"), Files.writeString(dir.resolve("ups_rates_2031.csv"), UPS))
                .get(0);
        assertTrue(unknownYear.error().contains("the effective day of UPS's 2031 rates is not known"),
                unknownYear.error());
    }

    @Test
    void contractDiscountsApplyByAccountServiceZoneWeightAndDay() throws IOException {
        Path file = Files.writeString(dir.resolve("discounts-2025.csv"),
                "carrier,account,service,zones,weight_from_lb,weight_to_lb,discount_percent,effective_from,"
                + "effective_to,source\n"
                + "FEDEX,,FedEx Home Delivery,,1,20,36,2025-01-06,2025-12-31,PP tier 1\n"
                + "FEDEX,,HOME_DELIVERY,,21,,38%,2025-01-06,2025-12-31,PP tier 2\n"
                + "FEDEX,358924557,HOME_DELIVERY,2-4;8,1,20,40,2025-01-06,2025-12-31,account 358924557\n");
        assertEquals(ReferenceFormat.CONTRACT_DISCOUNTS_CSV, FormatDetector.detect(file));
        Path idx = dir.resolve("idx");
        ImportSummary s = load(idx, file).get(0);
        assertTrue(s.ok(), s.toString());
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            LocalDate day = LocalDate.of(2025, 7, 25);
            assertEquals(new BigDecimal("36"), index.contractDiscount("FEDEX", "111", "HOME_DELIVERY", "8", 20, day)
                    .orElseThrow().percent());
            assertEquals("account 358924557", index.contractDiscount("FEDEX", "358924557", "HOME_DELIVERY", "008", 20,
                    day).orElseThrow().source());
            assertEquals("PP tier 1", index.contractDiscount("FEDEX", "358924557", "HOME_DELIVERY", "5", 20, day)
                    .orElseThrow().source(), "zone 5 is not in the account's zones");
            assertEquals(new BigDecimal("38"), index.contractDiscount("FEDEX", "1", "HOME_DELIVERY", "5", 70, day)
                    .orElseThrow().percent());
            assertTrue(index.contractDiscount("FEDEX", "1", "HOME_DELIVERY", "5", 20, LocalDate.of(2026, 1, 5))
                    .isEmpty());
            assertTrue(index.contractDiscount("FEDEX", "1", "GROUND", "5", 20, day).isEmpty());
        }
    }

    @Test
    void overlappingOrUnreadableDiscountRowsRefuseTheFileNamingTheRows() throws IOException {
        String head = "carrier,account,service,zones,weight_from_lb,weight_to_lb,discount_percent,effective_from,"
                + "effective_to,source\n";
        ImportSummary overlap = load(dir.resolve("idx"), Files.writeString(dir.resolve("d1.csv"), head
                + "UPS,,GROUND,2-8,1,20,30,2026-01-01,,a\nUPS,,GROUND,5,10,30,32,2026-06-01,,b\n")).get(0);
        assertTrue(overlap.error().contains("row 3") && overlap.error().contains("overlaps row 2"), overlap.error());
        ImportSummary bad = load(dir.resolve("idx"), Files.writeString(dir.resolve("d2.csv"), head
                + "UPS,,GROUND,two,1,20,30,2026-01-01,,a\n")).get(0);
        assertTrue(bad.error().contains("row 2") && bad.error().contains("zones: expected zone numbers"),
                bad.error());
    }
}
