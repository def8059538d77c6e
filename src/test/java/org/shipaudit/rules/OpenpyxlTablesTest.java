package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decision tables saved by openpyxl (issue 19), which drops blank cells, those of merged regions too: the weights pack's
 * tables re-saved without an edit compile and pass their scenarios, and a wrong date typed through openpyxl is
 * reported at its own sheet, row and column. Before, the re-saved pack failed to validate with "pattern type
 * 'onOrAfter' is not allow-listed" on every row of two tables. The fixtures are made by
 * {@code src/test/resources/openpyxl/make.py}.
 */
class OpenpyxlTablesTest {

    static final Path FIXTURES = Path.of("src/test/resources/openpyxl");

    @Test
    void tablesResavedByOpenpyxlValidateAsTheOriginalsDo() throws IOException {
        Map<String, byte[]> files = new TreeMap<>(PackFiles.read(Path.of("rules/weights")).files());
        int replaced = 0;
        try (Stream<Path> resaved = Files.list(FIXTURES.resolve("resaved"))) {
            for (Path p : (Iterable<Path>) resaved::iterator) {
                assertTrue(files.containsKey("tables/" + p.getFileName()), p.toString());
                files.put("tables/" + p.getFileName(), Files.readAllBytes(p));
                replaced++;
            }
        }
        assertEquals(4, replaced, "every table of the weights pack, re-saved");
        PackValidator.Outcome outcome = PackValidator.validate(new PackFiles("weights", files));
        // The fixtures are copies of today's tables: a change to a weights table needs them made again.
        assertTrue(outcome.report().valid(), () -> outcome.report() + " (if rules/weights/tables changed, run"
                + " python3 src/test/resources/openpyxl/make.py with openpyxl 3.1.5 to re-save the fixtures)");
    }

    @Test
    void aWrongDateTypedThroughOpenpyxlIsReportedAtItsSheetRowAndColumn() throws IOException {
        Map<String, byte[]> files = new TreeMap<>(PackFiles.read(Path.of("rules/weights")).files());
        String table = "tables/carrier-limits.xlsx";
        files.put(table, Files.readAllBytes(FIXTURES.resolve("bad-date/carrier-limits.xlsx")));
        PackValidator.Outcome outcome = PackValidator.validate(new PackFiles("weights", files));
        assertFalse(outcome.report().valid());
        assertEquals(1, outcome.report().errors().size(), outcome.report().errors()::toString);
        CompileError err = outcome.report().errors().get(0);
        assertEquals(new CompileError(table, 13, err.message(), "Carrier limits", 13, "E"), err);
        assertTrue(err.message().startsWith("sheet 'Carrier limits' row 13 column E: '2026-13-45' is not an ISO date"),
                err::message);
    }
}
