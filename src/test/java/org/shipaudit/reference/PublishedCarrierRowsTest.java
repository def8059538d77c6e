package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows of carrier-published layouts that cannot be read: each reported with its row and reason (fixtures here). */
class PublishedCarrierRowsTest {

    @TempDir
    Path dir;

    private ImportSummary importOne(Path file) throws IOException {
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            List<ImportSummary> s = importer.importPaths(List.of(file));
            assertEquals(1, s.size());
            return s.get(0);
        }
    }

    @Test
    void reportsEachUnreadableZipRowAndKeepsTheRest() throws IOException {
        Path f = Files.writeString(dir.resolve("ups_das_zips_2025-06-01.csv"), "zip,ups_area_type\n"
                + "01002,US48_DAS\nABCDE,US48_DAS\n01005,NOWHERE\n01002,REMOTE_US48\n4401,US48_DAS_EXTENDED\n");
        ImportSummary s = importOne(f);
        assertTrue(s.ok(), s.toString());
        assertEquals(2, s.rowsIndexed());
        assertEquals(1, s.skipped().get("row 3: zip: expected a 5-digit ZIP code, found 'ABCDE'"), s.toString());
        assertEquals(1, s.skipped().get("row 4: tier: 'NOWHERE' is not a UPS delivery-area tier"), s.toString());
        assertEquals(1, s.skipped().get("row 5: zip 01002 is listed twice"), s.toString());
        try (ReferenceIndex idx = ReferenceIndex.open(dir.resolve("idx"))) {
            assertEquals("EXTENDED", idx.deliveryArea("UPS", LocalDate.of(2025, 6, 1), "04401").orElseThrow()
                    .areaType());
        }
    }

    @Test
    void refusesAListWhoseNameCarriesNoEffectiveDate() throws IOException {
        Path f = Files.writeString(dir.resolve("fedex_das_zips.csv"), "zip,das_list\n01002,CONTIGUOUS\n");
        ImportSummary s = importOne(f);
        assertFalse(s.ok());
        assertTrue(s.error().contains("does not carry its effective date"), s.error());
    }

    @Test
    void reportsAFuelWeekThatDoesNotStartOnAMondayOrIsNoFraction() throws IOException {
        Path f = Files.writeString(dir.resolve("fedex_fuel_2026.csv"), "effectiveDate,ground,express\n"
                + "2026-03-09,0.255,0.295\n2026-03-17,0.26,0.30\n2026-03-23,25.5,0.3\n2026-03-30,x,0.3\n");
        ImportSummary s = importOne(f);
        assertTrue(s.ok(), s.toString());
        assertEquals(4, s.rowsIndexed(), s.toString()); // 2 for the first week, express alone for the last two
        assertEquals(1, s.skipped().get("row 3: effectiveDate 2026-03-17 is a TUESDAY: weekly fuel percentages "
                + "take effect on Mondays"), s.toString());
        assertEquals(1, s.skipped().get("row 4: ground: expected a fraction from 0 to 1 (0.2650 is 26.50 %), "
                + "found 25.5"), s.toString());
        assertEquals(1, s.skipped().get("row 5: ground: expected a fraction such as 0.2650, found 'x'"),
                s.toString());
    }
}
