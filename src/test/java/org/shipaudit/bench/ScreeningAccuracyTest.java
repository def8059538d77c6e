package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.OfficialData;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.screening.ScreeningThresholds;

/**
 * {@code bench screening} on the three official lists (../shared/reference-data/sanctions; skipped without them), on a
 * smaller sample than the documented run (screening.md): this sample gives 98.50 % recall at 1.00 % false positives
 * at 0.80 with another first letter, the feminine and descent endings and "Das" as a surname (98.60 % / 1.30 %
 * before them; 97.54 % / 2.05 % before the Turkish, South Asian and Gulf forms, listed initials, commonness of a
 * missing middle name and no pair under 0.85 after the steep fall; 97.22 % / 2.65 % before the transliteration
 * fold), on negatives of six origins. The run is seeded, so the pins sit a few names inside those figures: a scorer
 * change that floods review or loses variants fails.
 */
@OfficialData
class ScreeningAccuracyTest {
    static final Path SANCTIONS = Paths.get("..", "shared", "reference-data", "sanctions");

    @TempDir
    Path dir;

    @Test
    void findsVariantsOfListedNamesAndRarelyFlagsOrdinaryOnes() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SANCTIONS),
                "the official sanctions lists are not at ../shared/reference-data/sanctions; see reference-data/SOURCES.md");
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            importer.importPaths(List.of(SANCTIONS));
        }
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            ScreeningBench.Result r = ScreeningBench.run(index, new PrintWriter(Writer.nullWriter()), 400, 2000, 16,
                    ScreeningThresholds.DEFAULTS);
            int at = ScreeningBench.Result.at(0.80);
            assertTrue(r.recall()[at] >= 0.983, "recall at 0.80: " + r.recall()[at]);
            assertTrue(r.falsePositiveRate()[at] <= 0.012, "false positives at 0.80: " + r.falsePositiveRate()[at]);
        }
    }
}
