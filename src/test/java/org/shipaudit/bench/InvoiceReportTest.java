package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** bench invoices judges issue 20's goals from its figures, and leaves unjudged what the run cannot show. */
class InvoiceReportTest {

    private static final long MB = 1L << 20;
    private static final InvoiceReport.Check ALL_FOUND = new InvoiceReport.Check(10, 10, 0, null, null);

    private static Map<String, BenchReport.Goal> goals(boolean xlsx, long rows, double rowsPerSecond, double wall,
                                                       double cpu, long peak, long limit, InvoiceReport.Check c) {
        InvoiceReport.Pass audit = new InvoiceReport.Pass("audit", rows / rowsPerSecond, 1, rowsPerSecond, peak);
        List<BenchReport.Goal> g = InvoiceReport.goals(xlsx, rows, audit, wall, cpu, limit, c);
        return g.stream().collect(Collectors.toMap(x -> x.goal().split(" ")[0] + (x.goal().contains("CPU") ? " cpu"
                : x.goal().contains("wall") ? " wall" : ""), Function.identity()));
    }

    @Test
    void judgesTheCsvRateAtAMillionLinesOnly() {
        assertEquals(true, goals(false, 1_000_000, 120_000, 2, 2, 200 * MB, 512 * MB, ALL_FOUND).get("CSV").met());
        assertEquals(false, goals(false, 1_000_000, 99_000, 2, 2, 200 * MB, 512 * MB, ALL_FOUND).get("CSV").met());
        BenchReport.Goal small = goals(false, 200_000, 120_000, 2, 2, 200 * MB, 512 * MB, ALL_FOUND).get("CSV");
        assertNull(small.met(), small.measured());
    }

    @Test
    void judgesXlsxAndBothRatios() {
        Map<String, BenchReport.Goal> g = goals(true, 50_000, 39_000, 2.9, 3.2, 200 * MB, 512 * MB, ALL_FOUND);
        assertEquals(false, g.get("XLSX").met());
        assertEquals(true, g.get("audit wall").met());
        assertEquals(false, g.get("audit cpu").met());
    }

    @Test
    void heapIsJudgedUnderTheCapOrWhenLessWasEverInUse() {
        assertEquals(true, goals(false, 10, 1, 1, 1, 700 * MB, 512 * MB, ALL_FOUND).get("heap").met(),
                "finished under -Xmx512m");
        assertEquals(true, goals(false, 10, 1, 1, 1, 300 * MB, 4096 * MB, ALL_FOUND).get("heap").met());
        assertNull(goals(false, 10, 1, 1, 1, 900 * MB, 4096 * MB, ALL_FOUND).get("heap").met(),
                "a large limit lets the heap grow: nothing is shown");
    }

    @Test
    void aMissedOrUnexpectedFindingFailsTheCheck() {
        assertEquals(false, goals(false, 10, 1, 1, 1, MB, 512 * MB, new InvoiceReport.Check(10, 9, 0, "r", null))
                .get("every").met());
        assertEquals(false, goals(false, 10, 1, 1, 1, MB, 512 * MB, new InvoiceReport.Check(10, 10, 1, null, "r"))
                .get("every").met());
        assertEquals(true, goals(false, 10, 1, 1, 1, MB, 512 * MB, ALL_FOUND).get("every").met());
    }
}
