package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyBenchTest {

    @Test
    void readsHsCodeCompLinesWithTheirCategoryAttributesAndTheLeadingZeroOfTheCode(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.jsonl");
        Files.writeString(f, "{\"product_name\":\"Beef jerky\",\"product_attributes\":\"{\\\"Material\\\":\\\"beef\\\"}\","
                + "\"cate_lv1_desc\":\"Food\",\"cate_lv2_desc\":\"Snacks\",\"cate_lv3_desc\":\"Snacks\",\"hs_code\":160250}\n");
        List<ClassifyCase> cases = ClassifyCase.read(f);
        assertEquals(List.of(new ClassifyCase("Beef jerky", List.of("Food", "Snacks"), Map.of("Material", "beef"),
                "160250")), cases);
        Path csv = dir.resolve("y.csv");
        Files.writeString(csv, "Goods Description,Commodity Code\n100ml bottle,39233010\n£5,\n");
        assertEquals(List.of(new ClassifyCase("100ml bottle", List.of(), Map.of(), "39233010")), ClassifyCase.read(csv));
    }

    @Test
    void countsTopOneTopFiveAndAbstentionsAsMisses() {
        List<ClassifyCase> cases = List.of(
                new ClassifyCase("a", List.of(), Map.of(), "6109100012"),
                new ClassifyCase("b", List.of(), Map.of(), "4202210000"),
                new ClassifyCase("c", List.of(), Map.of(), "8471300100"),
                new ClassifyCase("d", List.of(), Map.of(), "9503000073"));
        ClassifyEngine engine = c -> switch (c.text()) {
            case "a" -> new ClassifyEngine.Answer(List.of("6109", "6110"), List.of("610910"), "6109100012", false);
            case "b" -> new ClassifyEngine.Answer(List.of("3926", "4202"), List.of("392690", "420292"), null, false);
            case "c" -> new ClassifyEngine.Answer(List.of("1", "2", "3", "4", "5", "8471"), List.of(), null, false);
            default -> new ClassifyEngine.Answer(List.of(), List.of(), null, true);
        };
        ClassifyReport r = ClassifyBench.run(engine, "fake", cases, Path.of("x"), ClassifyCase.Layout.HSCODECOMP_JSONL,
                "HTSUS", true);
        assertEquals(0.25, r.headingTop1());
        assertEquals(0.5, r.headingTop5(), "6th place is not top-5");
        assertEquals(0.25, r.subheadingTop1());
        assertEquals(0.25, r.subheadingTop5());
        assertEquals(0.25, r.lineTop1());
        assertEquals(1, r.abstained());
        assertEquals(4, r.goals().size());
        assertNull(ClassifyBench.run(engine, "fake", cases, Path.of("x"), ClassifyCase.Layout.HMRC_PARCEL_CSV, "EU_CN",
                false).lineTop1());
    }
}
