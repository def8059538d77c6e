package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.ShipmentFacts;
import org.shipaudit.model.api.ShipmentItem;
import org.shipaudit.model.TariffSuggestion;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.WeightUnit;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackFiles;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackCompiler;

/**
 * Measures the HS plausibility rule (HSC-006) on a labelled list of e-commerce descriptions with their HS 2022
 * subheadings (src/test/resources/hs-plausibility.csv, written for this project): how often the correct heading is
 * among the description's top 1 and top 5 matches, how often a correct code is flagged (false flags), and how often a
 * code from another chapter is flagged (detection). Runs the real enrichment and the real pack.
 */
class HsPlausibilityTest {

    static final Path SHARED_HS = Paths.get("..", "shared", "reference-data", "tariff");

    record Labelled(String description, String hs6) {
    }

    record Figures(int items, int top1, int top5, int falseFlags, int wrongCodes, int detected) {
        String line(String data) {
            return String.format("HS plausibility on %s: %d items, top-1 heading %.0f%%, top-5 heading %.0f%%, "
                    + "false flags on correct codes %d (%.1f%%), codes from another chapter flagged %d of %d (%.0f%%)",
                    data, items, 100.0 * top1 / items, 100.0 * top5 / items, falseFlags, 100.0 * falseFlags / items,
                    detected, wrongCodes, 100.0 * detected / Math.max(1, wrongCodes));
        }
    }

    /** The list the search expansions and rule figures were tuned on. */
    static List<Labelled> labelled() throws IOException {
        return labelled("src/test/resources/hs-plausibility.csv");
    }

    /** Descriptions written after tuning, never used to tune: the honest figure. */
    static List<Labelled> holdout() throws IOException {
        return labelled("src/test/resources/hs-plausibility-holdout.csv");
    }

    static List<Labelled> labelled(String file) throws IOException {
        List<Labelled> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("description,")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            out.add(new Labelled(line.substring(0, comma), line.substring(comma + 1).trim()));
        }
        return out;
    }

    static Shipment shipment(String description, String hs6) {
        Address from = new Address(null, null, "100 Main St", null, "Columbus", "OH", "43215", "US", false);
        Address to = new Address("Max", null, "Invalidenstrasse 117", null, "Berlin", null, "10115", "DE", true);
        String code = hs6.substring(0, 4) + "." + hs6.substring(4);
        ShipmentItem item = new ShipmentItem("S", description, code, "CN", 1, new Money(new BigDecimal("20"), "USD"),
                new Weight(0.5, WeightUnit.KG), null, null);
        return new Shipment("HSP", LocalDate.of(2026, 11, 20), "UPS", "WORLDWIDE_SAVER", from, to, List.of(), List.of(item),
                null, null);
    }

    static boolean flagged(RulePack pack, ShipmentEnricher enricher, Shipment s, List<Object> sink) {
        List<Object> facts = new ArrayList<>(ShipmentFacts.of(s, s.shipDate()));
        facts.addAll(enricher.facts(s, facts));
        sink.addAll(facts);
        return PackEvaluator.evaluate(pack, facts).findings().stream().map(Finding::ruleId).anyMatch("HSC-006"::equals);
    }

    static Figures measure(ReferenceIndex index, List<Labelled> items) {
        RulePack pack = RulePackCompiler.compile(PackFiles.read(Path.of("rules/hs-codes")));
        ShipmentEnricher enricher = new ShipmentEnricher(index);
        int top1 = 0;
        int top5 = 0;
        int falseFlags = 0;
        int wrong = 0;
        int detected = 0;
        for (int i = 0; i < items.size(); i++) {
            Labelled l = items.get(i);
            List<Object> facts = new ArrayList<>();
            if (flagged(pack, enricher, shipment(l.description(), l.hs6()), facts)) {
                falseFlags++;
                System.out.println("  false flag: " + l.description() + " " + l.hs6() + " -> " + facts.stream()
                        .filter(f -> f instanceof TariffSuggestion).map(f -> ((TariffSuggestion) f).getCode()).toList());
            }
            String heading = l.hs6().substring(0, 4);
            List<TariffSuggestion> sug = facts.stream().filter(f -> f instanceof TariffSuggestion)
                    .map(f -> (TariffSuggestion) f).toList();
            top1 += !sug.isEmpty() && sug.get(0).getHeading().equals(heading) ? 1 : 0;
            top5 += sug.stream().limit(5).anyMatch(t -> t.getHeading().equals(heading)) ? 1 : 0;
            // A code from another chapter: the next item (cyclically) whose chapter differs.
            for (int k = 1; k < items.size(); k++) {
                Labelled other = items.get((i + k) % items.size());
                if (!other.hs6().substring(0, 2).equals(l.hs6().substring(0, 2))) {
                    wrong++;
                    detected += flagged(pack, enricher, shipment(l.description(), other.hs6()), new ArrayList<>()) ? 1 : 0;
                    break;
                }
            }
        }
        return new Figures(items.size(), top1, top5, falseFlags, wrong, detected);
    }

    @Test
    void rarelyFlagsCorrectCodesAgainstTheFullHs(@TempDir Path dir) throws IOException {
        Path hs = SHARED_HS.resolve("hs2022_harmonized-system.csv");
        Assumptions.assumeTrue(Files.isRegularFile(hs), "the full HS file is not at " + hs + "; see reference-data/SOURCES.md");
        try (ReferenceImporter importer = ReferenceImporter.open(dir)) {
            importer.importPaths(List.of(hs, SHARED_HS.resolve("hs2022_sections.csv")));
        }
        try (ReferenceIndex index = ReferenceIndex.open(dir)) {
            Figures tuned = measure(index, labelled());
            System.out.println(tuned.line("the full HS 2022, tuning list"));
            Figures held = measure(index, holdout());
            System.out.println(held.line("the full HS 2022, hold-out list"));
            // Floors from the measurement (rules/README.md): correct codes are rarely flagged; detection is modest
            // because the rule only judges when the tariff knows the description's nouns. On the classifier's
            // section share (2026-12-02: tuning list 0 false flags / 30 % caught, hold-out 3.8 % / 38 %; on its
            // chapter consensus before, 0 / 20 % and 1.9 % / 21 %; the keyword search before it flagged 5.7 % of
            // correct hold-out codes and caught 45 %), false alarms weigh more than detection.
            assertTrue(tuned.falseFlags() <= tuned.items() * 0.02, tuned.line("tuning list"));
            assertTrue(held.falseFlags() <= held.items() * 0.05, held.line("hold-out list"));
            assertTrue(tuned.detected() >= tuned.wrongCodes() * 0.26, tuned.line("tuning list"));
            assertTrue(held.detected() >= held.wrongCodes() * 0.33, held.line("hold-out list"));
        }
    }

    @Test
    void judgesOnlyHeadingsTheBundledSampleKnows(@TempDir Path dir) throws IOException {
        ReferenceImporter.importBundledIfEmpty(dir, Path.of("reference-data"));
        try (ReferenceIndex index = ReferenceIndex.open(dir)) {
            List<Labelled> known = new ArrayList<>();
            List<Labelled> all = new ArrayList<>(labelled());
            all.addAll(holdout());
            for (Labelled l : all) {
                if (index.tariff("HS", l.hs6().substring(0, 4)).isPresent()) {
                    known.add(l);
                }
            }
            Figures f = measure(index, known);
            System.out.println(f.line("the bundled sample (" + f.items() + " descriptions whose heading it holds)"));
            assertTrue(f.falseFlags() <= f.items() * 0.05, f.line("bundled sample"));
        }
    }
}
