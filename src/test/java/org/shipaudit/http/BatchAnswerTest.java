package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.findings.Verdict;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;

/** The batch answer put together from places serialised one by one is the very bytes the mapper writes for the whole. */
class BatchAnswerTest {

    record Whole(List<Object> results) {
    }

    @Test
    void theAssembledAnswerIsWhatTheMapperWritesForTheWhole() throws Exception {
        ObjectMapper json = Mappers.json();
        List<Object> places = List.of(
                new AuditResult("a-1", "S1", Verdict.WARN, List.of(), List.of(), Map.of("weights", "1", "hazmat", "4"),
                        Instant.parse("2026-12-02T10:00:00.123Z")),
                new AuditHandlers.ShipmentErrors(null, List.of(new Violation("shipments[1].packages", "is required"))),
                new AuditHandlers.ShipmentErrors("S\u00fc\"3", List.of()),
                Map.of("amount", new BigDecimal("12.50")));
        for (int n = 1; n <= places.size(); n++) {
            List<byte[]> pieces = new ArrayList<>();
            for (Object p : places.subList(0, n)) {
                pieces.add(json.writeValueAsBytes(p));
            }
            assertArrayEquals(json.writeValueAsBytes(new Whole(places.subList(0, n))),
                    AuditHandlers.BatchResults.answer(pieces).getBytes());
        }
    }
}
