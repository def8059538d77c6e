package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shipaudit.csv.CsvReader;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Severity;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.ShipmentFacts;
import org.shipaudit.model.api.ShipmentItem;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.WeightUnit;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackFiles;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackCompiler;

/**
 * HAZ-030 (undeclared dangerous goods named in a description) measured the way a dangerous-goods officer would judge
 * it. Two sets: descriptions we wrote (the cases of issue 14), each pinned to its answer; and real titles, read from
 * {@code ../shared/reference-data/classification} (HSCodeComp marketplace titles and HMRC parcel descriptions) by the
 * labels in {@code src/test/resources/undeclared-dg/real-title-labels.csv} (file, line, title hash, DG or SAFE, the
 * split, the officer's reason; the titles themselves are not copied). The term table was grown on the "tune" split;
 * the "holdout" split was not looked at while tuning. Recall and false alarms of both splits are printed and pinned
 * with a small margin, so emptying or loosening the table fails. Each title is one domestic ground item without a
 * declaration, through the compiled hazmat pack.
 */
class UndeclaredGoodsTitlesTest {
    static final Path RESOURCES = Path.of("src", "test", "resources", "undeclared-dg");
    static final Path CLASSIFICATION = Path.of("..", "shared", "reference-data", "classification");

    /** Measured 2026-12-02 on the labels as committed (see src/site/markdown/hazmat.md); margins absorb no regression. */
    static final Map<String, double[]> MEASURED = Map.of(
            // split -> {recall, false-alarm rate}
            "tune", new double[] {0.279, 0.0},
            "holdout", new double[] {0.297, 0.0});
    static final double MARGIN = 0.02;

    static RulePack hazmat;

    @BeforeAll
    static void compileHazmat() throws IOException {
        hazmat = RulePackCompiler.compile(PackFiles.read(Path.of("rules", "hazmat")));
    }

    /** The worst HAZ-030 severity for an undeclared item with this description, or empty when silent. */
    static Optional<Severity> judge(String description) {
        Address from = new Address(null, null, "100 Main St", null, "Columbus", "OH", "43215", "US", false);
        Address to = new Address("Ann", null, "1745 T Street Southeast", null, "Washington", "DC", "20020", "US",
                true);
        ShipmentItem item = new ShipmentItem("S", description, null, "US", 1, new Money(new BigDecimal("20"), "USD"),
                new Weight(0.5, WeightUnit.KG), null, null);
        Shipment s = new Shipment("DG", LocalDate.of(2026, 11, 20), "UPS", "GROUND", from, to, List.of(),
                List.of(item), null, null);
        return PackEvaluator.evaluate(hazmat, ShipmentFacts.of(s, s.shipDate())).findings().stream()
                .filter(f -> f.ruleId().equals("HAZ-030")).map(Finding::severity).max(Enum::compareTo);
    }

    @Test
    void theIssuesWrittenExamplesGetTheOfficersAnswer() throws IOException {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (List<String> row : records(RESOURCES.resolve("written-examples.csv"))) {
            n++;
            String expected = row.get(1);
            String got = judge(row.get(0)).map(Enum::name).orElse("NONE");
            if (!got.equals(expected)) {
                wrong.add("\"" + row.get(0) + "\": expected " + expected + " (" + row.get(2) + "), got " + got);
            }
        }
        assertTrue(n >= 20, "the written examples file lost rows: " + n);
        assertEquals(List.of(), wrong, "HAZ-030 on the written examples");
    }

    @Test
    void realTitlesKeepTheirRecallAndFalseAlarms() throws IOException {
        Path jsonl = CLASSIFICATION.resolve("hscodecomp_dev_half.jsonl");
        Path csv = CLASSIFICATION.resolve("uk_hmrc_parcel_descriptions_dev_half.csv");
        Assumptions.assumeTrue(Files.isRegularFile(jsonl) && Files.isRegularFile(csv),
                "the shared classification files are not in " + CLASSIFICATION);
        Map<String, List<String>> titles = Map.of(jsonl.getFileName().toString(), hscodecompTitles(jsonl),
                csv.getFileName().toString(), hmrcTitles(csv));
        Map<String, int[]> tally = new TreeMap<>(); // split -> {DG, DG flagged, SAFE, SAFE flagged}
        List<String> tuneMisses = new ArrayList<>();
        List<String> tuneFalseAlarms = new ArrayList<>();
        for (List<String> label : records(RESOURCES.resolve("real-title-labels.csv"))) {
            String file = label.get(0);
            int line = Integer.parseInt(label.get(1));
            List<String> lines = titles.get(file);
            assertTrue(lines != null && line >= 1 && line <= lines.size(), "no line " + line + " in " + file);
            String title = lines.get(line - 1);
            assertEquals(label.get(2), hash(title), file + " line " + line + " is not the title the label was"
                    + " written for (the shared file changed): relabel it");
            boolean dg = label.get(3).equals("DG");
            String split = label.get(4);
            boolean flagged = judge(title).isPresent();
            int[] t = tally.computeIfAbsent(split, k -> new int[4]);
            t[dg ? 0 : 2]++;
            t[dg ? 1 : 3] += flagged ? 1 : 0;
            if (split.equals("tune") && dg != flagged) {
                (dg ? tuneMisses : tuneFalseAlarms).add(file + ":" + line + " " + title + "  [" + label.get(5) + "]");
            }
        }
        tuneMisses.forEach(m -> System.out.println("  tune miss: " + m));
        tuneFalseAlarms.forEach(m -> System.out.println("  tune false alarm: " + m));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, int[]> e : tally.entrySet()) {
            int[] t = e.getValue();
            double recall = (double) t[1] / t[0];
            double falseAlarms = (double) t[3] / t[2];
            String line = String.format("HAZ-030 on real titles, %s split: recall %d/%d (%.1f %%), false alarms %d/%d"
                    + " (%.1f %%)", e.getKey(), t[1], t[0], recall * 100, t[3], t[2], falseAlarms * 100);
            System.out.println(line);
            double[] pinned = MEASURED.get(e.getKey());
            if (recall < pinned[0] - MARGIN || falseAlarms > pinned[1] + MARGIN) {
                failures.add(line + String.format(" against the measured recall %.1f %% and false alarms %.1f %%",
                        pinned[0] * 100, pinned[1] * 100));
            }
        }
        assertEquals(2, tally.size(), "both splits are labelled");
        assertEquals(List.of(), failures);
    }

    /** The records of one of our CSV files after its header, without comment lines ({@code #}). */
    static List<List<String>> records(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            boolean header = true;
            List<String> row;
            while ((row = r.next()) != null) {
                if (row.isEmpty() || row.get(0).isBlank() || row.get(0).startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                out.add(row);
            }
        }
        return out;
    }

    /** Line n (1-based) of the JSON lines file is element n - 1: its product_name. */
    static List<String> hscodecompTitles(Path file) throws IOException {
        ObjectMapper json = Mappers.json();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(line.isBlank() ? "" : json.readTree(line).path("product_name").asText(""));
        }
        return out;
    }

    /** Record n (1-based, the header is record 1) is element n - 1: its Goods Description. */
    static List<String> hmrcTitles(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            List<String> row;
            while ((row = r.next()) != null) {
                out.add(row.isEmpty() ? "" : row.get(0));
            }
        }
        return out;
    }

    /** The first 12 hex digits of the SHA-256 of the trimmed title: the label's check that the line is the same. */
    static String hash(String title) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(title.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
