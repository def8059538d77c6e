package org.shipaudit.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.shipaudit.csv.CsvReader;

/**
 * Imports the curated classification sources the tariff classifier reads: HMRC's search terms with their codes,
 * HMRC's guidance messages naming headings, the UK search's synonym lines, HMRC's too-vague descriptions, and the
 * exclusions of the HTSUS chapter notes.
 *
 * <p>Terms, guidance and note exclusions become {@link Fields#KIND_TERM} documents searched alongside the tariff
 * lines (an alias is a description that points at codes); synonyms and vague descriptions are small and are read
 * into memory by {@link ClassificationTerms}. Each file is one source, replaced as a whole like every other source.
 * Evaluation files (labelled product descriptions) are never imported: they are not of these formats.
 */
final class ClassificationTermsImporter {
    static final String ORIGIN = "origin";
    static final String TERM = "term";
    static final String CODES = "codes";
    static final String NOTE = "note";
    static final String LINE = "line";
    /** 1 when HMRC's guidance says in words that the term is too generic, 0 for its list of vague descriptions. */
    static final String GENERIC = "generic";

    /** Where a term document comes from; the classifier weighs each differently. */
    enum Origin { REFERENCE, GUIDANCE, SYNONYM, NOTE }

    private static final Pattern GUIDANCE_CODE = Pattern.compile(
            "\\b(?:sub)?headings? (\\d{4}(?:\\d{2})?)\\b|\\bcommodity (?:code )?(\\d{10})\\b|\\b(\\d{4}) (?:or|and) (\\d{4})\\b");
    private static final Pattern YAML_ENTRY = Pattern.compile("^  ([^\\s#][^:]*):\\s+([\"'])(.*)\\2\\s*$");
    private static final Pattern CHAPTER = Pattern.compile("^## CHAPTER (\\d{1,2})\\s*$");
    private static final Pattern NOTE_START = Pattern.compile("^(\\d+)\\. (.*)$");
    private static final Pattern CLAUSE = Pattern.compile("^\\s*\\(([a-z]{1,4})\\) (.*)$");
    private static final Pattern NOTE_HEADING = Pattern.compile("\\(((?:sub)?headings?|chapters?) ([^)]*)\\)");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\b(\\d{4})(?:\\.\\d{2})?\\b");

    private ClassificationTermsImporter() {
    }

    static String source(ReferenceFormat format) {
        return switch (format) {
            case UK_SEARCH_REFERENCES -> "terms:uk-search-references";
            case UK_INTERCEPT_MESSAGES -> "terms:uk-guidance";
            case UK_SEARCH_SYNONYMS -> "terms:uk-synonyms";
            case UK_VAGUE_TERMS -> "terms:uk-vague";
            case HTSUS_CHAPTER_NOTES -> "terms:htsus-notes";
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    /** {@code {"abs pumps": "8412210000", ...}}: each term finds its code. */
    static ImportSummary references(ImportRun run, Path file, String edition) throws IOException {
        return asSource(run, ReferenceFormat.UK_SEARCH_REFERENCES, edition, source -> {
            try (BufferedReader r = new BufferedReader(ReferenceFiles.reader(file));
                 JsonParser p = new JsonFactory().createParser(r)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new MalformedReferenceFileException(run.file, 1, "expected one JSON object of term -> code");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String term = p.currentName();
                    p.nextToken();
                    String code = p.getValueAsString("").replaceAll("\\D", "");
                    run.read++;
                    if (code.length() < 4 || term.isBlank()) {
                        run.skip("term without a code of 4 to 10 digits");
                        continue;
                    }
                    run.add(term(source, Origin.REFERENCE, term, List.of(code), null));
                }
            }
        });
    }

    /**
     * The intercept messages YAML ({@code default:} then {@code   term: "message"}): a message naming headings or
     * commodity codes becomes a hint for them; a message saying the term is too generic makes the term vague.
     */
    static ImportSummary guidance(ImportRun run, Path file, String edition) throws IOException {
        return asSource(run, ReferenceFormat.UK_INTERCEPT_MESSAGES, edition, source -> {
            try (BufferedReader r = new BufferedReader(ReferenceFiles.reader(file))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = YAML_ENTRY.matcher(line);
                    if (!m.matches()) {
                        continue;
                    }
                    run.read++;
                    String term = m.group(1).trim();
                    String message = m.group(3);
                    String lower = message.toLowerCase(Locale.ROOT);
                    if (lower.contains("too generic") || lower.contains("too vague")) {
                        run.add(vague(source, term, true));
                        continue;
                    }
                    Set<String> codes = new LinkedHashSet<>();
                    Matcher c = GUIDANCE_CODE.matcher(message);
                    while (c.find()) {
                        for (int g = 1; g <= 4; g++) {
                            if (c.group(g) != null) {
                                codes.add(c.group(g));
                            }
                        }
                    }
                    if (codes.isEmpty()) {
                        run.skip("guidance naming no heading or commodity code (chapters only)");
                        continue;
                    }
                    run.add(term(source, Origin.GUIDANCE, term, List.copyOf(codes), message));
                }
            }
        });
    }

    /**
     * Solr synonym lines: {@code a, b, c} (equivalents), {@code x => y} (x means y), {@code 0106190000,hedgehog,...}
     * (words for a commodity code, which become terms of that code). Equivalence lines are kept for expansion.
     */
    static ImportSummary synonyms(ImportRun run, Path file, String edition) throws IOException {
        return asSource(run, ReferenceFormat.UK_SEARCH_SYNONYMS, edition, source -> {
            try (BufferedReader r = new BufferedReader(ReferenceFiles.reader(file))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String s = line.trim();
                    if (s.isEmpty() || s.startsWith("#")) {
                        continue;
                    }
                    run.read++;
                    String[] parts = s.split(",");
                    if (parts[0].trim().matches("\\d{10}") && parts.length > 1) {
                        String code = parts[0].trim();
                        for (int i = 1; i < parts.length; i++) {
                            if (!parts[i].isBlank()) {
                                run.add(term(source, Origin.SYNONYM, parts[i].trim(), List.of(code), null));
                            }
                        }
                        continue;
                    }
                    if (parts[0].trim().matches("\\d+")) {
                        run.skip("number words (not goods)");
                        continue;
                    }
                    Document d = Fields.base(Fields.KIND_SYNONYM, source);
                    d.add(new StoredField(LINE, s));
                    run.add(d);
                }
            }
        });
    }

    /** One description per row, no header: what HMRC will not classify without more detail. */
    static ImportSummary vagueTerms(ImportRun run, Path file, String edition) throws IOException {
        return asSource(run, ReferenceFormat.UK_VAGUE_TERMS, edition, source -> {
            try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
                List<String> row;
                while ((row = csv.next()) != null) {
                    if (row.isEmpty()) {
                        continue;
                    }
                    run.read++;
                    String text = String.join(",", row).trim();
                    if (ClassificationTerms.normalize(text).isEmpty()) {
                        run.skip("no words");
                        continue;
                    }
                    run.add(vague(source, text, false));
                }
            }
        });
    }

    /**
     * The HTSUS notes as markdown ({@code ## CHAPTER 42}, numbered notes, lettered clauses): each clause of a "does
     * not cover" note that names the heading or chapter the goods belong to becomes a term of that heading, with
     * the note cited ("Chapter 42 note 1(b)").
     */
    static ImportSummary chapterNotes(ImportRun run, Path file, String edition) throws IOException {
        return asSource(run, ReferenceFormat.HTSUS_CHAPTER_NOTES, edition, source -> {
            String chapter = null;
            String note = null;
            boolean excluding = false;
            try (BufferedReader r = new BufferedReader(ReferenceFiles.reader(file))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher ch = CHAPTER.matcher(line.trim());
                    if (ch.matches()) {
                        chapter = String.format("%02d", Integer.parseInt(ch.group(1)));
                        note = null;
                        excluding = false;
                        continue;
                    }
                    if (line.startsWith("#")) {
                        // "### Additional U.S. Notes" and the like: their clauses are definitions, not exclusions.
                        excluding = false;
                        continue;
                    }
                    Matcher n = NOTE_START.matcher(line.trim());
                    if (n.matches() && !line.startsWith(" ")) {
                        note = n.group(1);
                        excluding = n.group(2).toLowerCase(Locale.ROOT).contains("does not cover");
                        continue;
                    }
                    Matcher c = CLAUSE.matcher(line);
                    if (chapter == null || !excluding || !c.matches()) {
                        continue;
                    }
                    run.read++;
                    String text = c.group(2);
                    List<String> codes = new ArrayList<>();
                    Matcher h = NOTE_HEADING.matcher(text);
                    int firstRef = -1;
                    while (h.find()) {
                        firstRef = firstRef < 0 ? h.start() : firstRef;
                        if (h.group(1).startsWith("chapter")) {
                            continue; // a whole chapter is too broad to point at
                        }
                        Matcher d = FOUR_DIGITS.matcher(h.group(2));
                        while (d.find()) {
                            codes.add(d.group(1));
                        }
                    }
                    if (codes.isEmpty()) {
                        run.skip("exclusion naming no heading");
                        continue;
                    }
                    String goods = text.substring(0, firstRef).replaceAll("[;,.\\s]+$", "").trim();
                    String cite = "HTSUS chapter " + Integer.parseInt(chapter) + " note " + note + "(" + c.group(1)
                            + ") excludes " + goods + " (to " + String.join(", ", codes) + ")";
                    run.add(term(source, Origin.NOTE, goods, codes, cite));
                }
            }
        });
    }

    /** Reads a file's documents of one source into the run; {@code source} is the source's name. */
    @FunctionalInterface
    private interface SourceReader {
        void read(String source) throws IOException;
    }

    /**
     * Imports one file as the whole of its classification source: the source's earlier documents are replaced, and
     * its edition is recorded with the count indexed.
     */
    private static ImportSummary asSource(ImportRun run, ReferenceFormat format, String edition, SourceReader reader)
            throws IOException {
        String source = source(format);
        run.replace(source);
        reader.read(source);
        run.edition(source, "classification", edition, run.indexed);
        return run.summary(format, source, edition);
    }

    private static Document term(String source, Origin origin, String term, List<String> codes, String note) {
        Document d = Fields.base(Fields.KIND_TERM, source);
        d.add(new StoredField(ORIGIN, origin.name()));
        d.add(new StoredField(TERM, term));
        d.add(new StoredField(CODES, String.join(Fields.SEP, codes)));
        Fields.store(d, NOTE, note);
        Fields.text(d, Fields.TEXT, term);
        return d;
    }

    private static Document vague(String source, String text, boolean saidTooGeneric) {
        Document d = Fields.base(Fields.KIND_VAGUE, source);
        d.add(new StoredField(TERM, text));
        d.add(new StoredField(GENERIC, saidTooGeneric ? 1 : 0));
        return d;
    }
}
