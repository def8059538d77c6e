package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curated classification sources are recognised by content, imported, and steer the classifier: small
 * hand-written files in the real layouts, over the bundled HS sample.
 */
class ClassificationTermsImporterTest {

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }

    @Test
    void recognisesImportsAndUsesEachCuratedSource(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        write(in.resolve("refs.json"), "{\n  \"tee\": \"6109100010\",\n  \"abs pumps\": \"8412210000\"\n}\n");
        write(in.resolve("guidance.yml"), "default: &default\n" + IntStream.range(0, 25)
                .mapToObj(i -> "  term" + i + ": \"Based on your search term, we believe you are looking for heading 6109.\"\n")
                .collect(Collectors.joining())
                + "  accessories: \"The search term entered is too generic. Please enter the specific type of goods.\"\n"
                + "\ndevelopment:\n  <<: *default\n");
        write(in.resolve("synonyms.txt"), IntStream.range(0, 60).mapToObj(i -> i % 6 == 0 ? "zz" + i + " => shirt"
                : "word" + i + ",other" + i).collect(Collectors.joining("\n")) + "\nsinglet, vest\n");
        write(in.resolve("vague.csv"), IntStream.range(0, 60).mapToObj(i -> "\"thing " + i + "\"")
                .collect(Collectors.joining("\n")) + "\ngifts\nparts\n");
        write(in.resolve("notes.md"), "# SECTION XI\n\n## CHAPTER 1\n\n### Note\n\n1. This chapter does not cover:\n"
                + "   (a) Fish (heading 0301);\n\n## CHAPTER 61\n\n### Notes\n\n1. This chapter does not cover:\n"
                + "   (a) Wadding (heading 3005);\n   (b) Worn clothing of heading 6309; or\n");
        List<ImportSummary> summaries;
        Path idx = dir.resolve("idx");
        ReferenceImporter.importBundledIfEmpty(idx, Path.of("reference-data"));
        try (ReferenceImporter importer = ReferenceImporter.open(idx)) {
            summaries = importer.importPaths(List.of(in));
        }
        Map<String, String> formats = summaries.stream().collect(Collectors.toMap(ImportSummary::file,
                ImportSummary::format));
        assertEquals(ReferenceFormat.UK_SEARCH_REFERENCES.label(), formats.get("refs.json"));
        assertEquals(ReferenceFormat.UK_INTERCEPT_MESSAGES.label(), formats.get("guidance.yml"));
        assertEquals(ReferenceFormat.UK_SEARCH_SYNONYMS.label(), formats.get("synonyms.txt"));
        assertEquals(ReferenceFormat.UK_VAGUE_TERMS.label(), formats.get("vague.csv"));
        assertEquals(ReferenceFormat.HTSUS_CHAPTER_NOTES.label(), formats.get("notes.md"));
        assertTrue(summaries.stream().allMatch(ImportSummary::ok), summaries.toString());
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            TariffClassification tee = index.classifyTariff(ClassifyRequest.of("tee", "HS"));
            assertEquals("6109", tee.headings().get(0).code(), tee.toString());
            assertTrue(tee.headings().get(0).reasons().stream().anyMatch(r -> r.contains("HMRC search term 'tee'")),
                    tee.headings().get(0).reasons().toString());
            TariffClassification vague = index.classifyTariff(ClassifyRequest.of("Accessories", "HS"));
            assertTrue(vague.abstention() != null && vague.abstention().startsWith("too vague"), vague.toString());
            TariffClassification wadding = index.classifyTariff(ClassifyRequest.of("wadding", "HS"));
            assertTrue(wadding.headings().stream().anyMatch(h -> h.code().equals("3005")
                    && h.reasons().stream().anyMatch(r -> r.contains("chapter 61 note 1(a) excludes Wadding"))),
                    wadding.toString());
        }
    }
}
