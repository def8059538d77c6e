package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EuCnImporterTest {
    @TempDir
    Path dir;

    @Test
    void joinsTheParentsTextIntoThePathOfLeafOnlyNames() throws IOException {
        Path cn = dir.resolve("cn");
        Fixtures.write(cn, "chapters.json", "[{\"code\":\"85\",\"rawCode\":\"85\",\"name\":\"ELECTRICAL MACHINERY\","
                + "\"version\":2026,\"section\":\"XVI\"}]");
        Fixtures.write(cn, "headings.json", "[{\"code\":\"8507\",\"rawCode\":\"8507\",\"name\":\"Electric accumulators\","
                + "\"version\":2026,\"chapter\":\"85\",\"section\":\"XVI\"}]");
        Fixtures.write(cn, "subheadings.json", "[{\"code\":\"850790\",\"rawCode\":\"8507 90\",\"name\":\"Parts\","
                + "\"version\":2026,\"heading\":\"8507\",\"chapter\":\"85\",\"section\":\"XVI\"}]");
        Fixtures.write(cn, "codes.json", """
                [
                  {"code": "85076000", "rawCode": "8507 60 00", "name": "Lithium-ion", "version": 2026,
                   "subheading": null, "heading": "8507", "chapter": "85", "section": "XVI", "supplementaryUnit": "PST"},
                  {"code": "85079080", "rawCode": "8507 90 80", "name": "Other", "version": 2026,
                   "subheading": "850790", "heading": "8507", "chapter": "85", "section": "XVI", "supplementaryUnit": null}
                ]
                """);
        List<ImportSummary> summaries = Fixtures.importFiles(dir.resolve("idx"), cn);
        ImportSummary codes = summaries.stream().filter(s -> "tariff:EU_CN".equals(s.source())).findFirst().orElseThrow();
        assertEquals(2, codes.rowsRead());
        assertEquals(5, codes.rowsIndexed(), "chapter, heading, subheading and two codes");
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            TariffLine other = index.tariff("EU_CN", "8507.90.80").orElseThrow();
            assertEquals("8507 90 80", other.code());
            assertEquals(List.of("85 ELECTRICAL MACHINERY", "8507 Electric accumulators", "8507 90 Parts"), other.path());
            assertEquals("8507 90", other.parentCode());
            assertEquals(List.of("PST"), index.tariff("EU_CN", "85076000").orElseThrow().units());
            List<TariffLine> hits = index.searchTariff("lithium ion accumulator", "EU_CN", 3);
            assertEquals("8507 60 00", hits.get(0).code());
            assertTrue(index.searchTariff("accumulator parts", "eu_cn", 3).stream()
                    .anyMatch(t -> t.code().equals("8507 90 80")), "an 'Other' line is found through its parents' text");
            assertEquals("CN 2026 (codes)", index.coverage().source("tariff:EU_CN").orElseThrow().edition());
        }
    }
}
