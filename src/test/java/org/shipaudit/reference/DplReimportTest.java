package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.OfficialData;
import org.shipaudit.reference.screening.SanctionsList;
import org.shipaudit.reference.screening.ScreeningHit;
import org.shipaudit.reference.screening.ScreeningQuery;

/**
 * The BIS Denied Persons List has no entry ids of its own (the importer derives them from name and effective date)
 * and BIS publishes it in no fixed row order: the official file and a shuffled copy of it (written here, seeded)
 * must import as the same entries, each with the same id and the same content, or a clearance recorded against
 * one edition's id would silently stop applying after a re-import. Skipped without ../shared/reference-data.
 */
@OfficialData
class DplReimportTest {
    static final Path DPL = Paths.get("..", "shared", "reference-data", "sanctions", "bis_dpl_2022-09-07.txt");
    /** The edition's date: every order of the file is in force on it, so every entry can be found. */
    static final LocalDate EDITION = LocalDate.of(2022, 9, 7);

    @TempDir
    Path dir;

    /** Entry id to what screening shows of it: names and aliases, type, addresses, countries, programs, dates. */
    static Map<String, String> entries(Path indexDir, Path file) throws IOException {
        try (ReferenceImporter importer = ReferenceImporter.open(indexDir)) {
            List<ImportSummary> s = importer.importPaths(List.of(file));
            assertTrue(s.stream().allMatch(ImportSummary::ok), s.toString());
        }
        Map<String, String> out = new TreeMap<>();
        try (ReferenceIndex index = ReferenceIndex.open(indexDir)) {
            Map<String, List<String>> names = new TreeMap<>();
            for (ReferenceIndex.ListedNameSample n : index.sampleListedNames(Integer.MAX_VALUE, 1)) {
                if (SanctionsList.BIS_DPL.name().equals(n.list())) {
                    names.computeIfAbsent(n.entryId(), k -> new ArrayList<>()).add(n.quality() + " " + n.name());
                }
            }
            for (Map.Entry<String, List<String>> e : names.entrySet()) {
                Collections.sort(e.getValue());
                String primary = e.getValue().stream().filter(n -> n.startsWith("PRIMARY ")).findFirst().orElseThrow()
                        .substring("PRIMARY ".length());
                ScreeningHit hit = index.screen(new ScreeningQuery(primary, null, null, null, ScreeningQuery.PARTIES,
                                EDITION, 0.5, 20)).stream().filter(h -> h.entryId().equals(e.getKey())).findFirst()
                        .orElseThrow(() -> new AssertionError("entry " + e.getKey() + " '" + primary + "' not found"));
                out.put(e.getKey(), e.getValue() + " | " + hit.name() + " | " + hit.type() + " | " + hit.programs()
                        + " | " + hit.addresses() + " | " + hit.countries() + " | " + hit.identifiers() + " | "
                        + hit.remarks() + " | " + hit.listedOn() + ".." + hit.expires());
            }
        }
        return out;
    }

    @Test
    void shuffledRowsReimportAsTheSameEntriesWithTheSameIdsAndContent() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DPL),
                "the official BIS DPL is not at " + DPL + "; see reference-data/SOURCES.md");
        List<String> lines = Files.readAllLines(DPL, StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(rows, new Random(16));
        assertNotEquals(lines.subList(1, lines.size()), rows, "the copy is in another order");
        List<String> shuffled = new ArrayList<>();
        shuffled.add(lines.get(0));
        shuffled.addAll(rows);
        Path copy = dir.resolve("copy").resolve(DPL.getFileName());
        Files.createDirectories(copy.getParent());
        Files.write(copy, shuffled, StandardCharsets.UTF_8);

        Map<String, String> official = entries(dir.resolve("official"), DPL);
        Map<String, String> reordered = entries(dir.resolve("shuffled"), copy);
        assertTrue(official.size() > 400, "DPL orders: " + official.size());
        assertEquals(official.keySet(), reordered.keySet(), "the same entry ids");
        for (String id : official.keySet()) {
            assertEquals(official.get(id), reordered.get(id), "entry " + id);
        }
    }
}
