package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MaxRateSearchTest {

    /** A pretend server that holds p99 at 2 ms up to its capacity and falls over above it. */
    static RunResult pretend(double rate, double capacity) {
        boolean ok = rate <= capacity;
        return new RunResult("pretend", rate, 5, (long) rate * 5, (long) rate * 5, 0,
                ok ? rate : capacity, 1, 1.5, ok ? 2 : 400, ok ? 3 : 900, ok ? 4 : 1000, Map.of(), 0, null, null);
    }

    @Test
    void growsUntilAStepFailsThenBisects() throws InterruptedException {
        MaxRateSearch search = new MaxRateSearch(10, 1.5, 4, 1e6);
        MaxRateSearch.Outcome o = search.search(500, rate -> pretend(rate, 3000));
        assertTrue(o.maxSustainablePerSecond() <= 3000 && o.maxSustainablePerSecond() >= 2800,
                "found " + o.maxSustainablePerSecond());
        assertEquals(500, o.steps().get(0).targetPerSecond());
        assertEquals(750, o.steps().get(1).targetPerSecond());
        assertEquals(o.maxSustainablePerSecond(), o.best().targetPerSecond());
    }

    @Test
    void oneNoisyStepDoesNotEndTheSearch() throws InterruptedException {
        int[] calls = {0};
        MaxRateSearch.Outcome o = new MaxRateSearch(10, 2, 0, 1e6).search(1000, rate -> {
            calls[0]++;
            // The second step (2,000/s) is disturbed the first time it runs only.
            return pretend(rate, calls[0] == 2 ? 1500 : 5000);
        });
        assertEquals(4000, o.maxSustainablePerSecond());
    }

    @Test
    void goesDownByHalvesWhenTheFirstStepFails() throws InterruptedException {
        MaxRateSearch.Outcome o = new MaxRateSearch(10, 1.5, 3, 1e6).search(500, rate -> pretend(rate, 100));
        assertTrue(o.maxSustainablePerSecond() >= 63 && o.maxSustainablePerSecond() <= 100,
                "found " + o.maxSustainablePerSecond());
        assertEquals(500, o.steps().get(1).targetPerSecond(), "the failing step is tried twice");
    }

    @Test
    void reportsZeroWhenNothingHoldsDownToAnEighthOfTheStart() throws InterruptedException {
        MaxRateSearch.Outcome o = new MaxRateSearch(10, 1.5, 3, 1e6).search(500, rate -> pretend(rate, 10));
        assertEquals(0, o.maxSustainablePerSecond());
        assertEquals(8, o.steps().size(), "500, 250, 125 and 63, each twice");
    }

    @Test
    void aStepWithErrorsOrFallingBehindDoesNotHold() {
        MaxRateSearch search = new MaxRateSearch(10, 1.5, 3, 1e6);
        RunResult errors = new RunResult("x", 1000, 5, 5000, 5000, 0, 1000, 1, 1, 2, 3, 4, Map.of("503", 1L), 0,
                null, null);
        RunResult behind = new RunResult("x", 1000, 5, 5000, 5000, 0, 900, 1, 1, 2, 3, 4, Map.of(), 0, null, null);
        assertTrue(!search.holds(errors) && search.why(errors).contains("errors"));
        assertTrue(!search.holds(behind) && search.why(behind).contains("achieved"));
        assertTrue(search.holds(pretend(1000, 2000)));
    }
}
