package org.shipaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.json.Mappers;
import org.shipaudit.csv.CsvReader;

/**
 * One labelled product description of a classification benchmark file: the text people wrote, the listing's
 * category path and attributes when the file has them, and the code an expert assigned (digits only).
 *
 * <p>Two layouts are read, recognised by content: HSCodeComp JSON lines ({@code product_name},
 * {@code product_attributes} as a JSON string, {@code cate_lv1_desc..cate_lv5_desc}, {@code hs_code}) and the HMRC
 * parcel-description CSV ({@code Goods Description,Commodity Code}).
 */
public record ClassifyCase(String text, List<String> category, Map<String, String> attributes, String expected) {

    /** The layout of a benchmark file. */
    public enum Layout { HSCODECOMP_JSONL, HMRC_PARCEL_CSV }

    /** Reads every case of the file; a line without text or without a code of at least 4 digits is skipped. */
    public static List<ClassifyCase> read(Path file) throws IOException {
        return switch (layout(file)) {
            case HSCODECOMP_JSONL -> jsonl(file);
            case HMRC_PARCEL_CSV -> csv(file);
        };
    }

    /** The file's layout, from its first line. */
    public static Layout layout(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first != null && first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            if (first != null && first.trim().startsWith("{") && first.contains("\"product_name\"")) {
                return Layout.HSCODECOMP_JSONL;
            }
            if (first != null && first.toLowerCase(java.util.Locale.ROOT).startsWith("goods description,commodity code")) {
                return Layout.HMRC_PARCEL_CSV;
            }
        }
        throw new IOException(file + " is neither HSCodeComp JSON lines (product_name, hs_code) nor an HMRC parcel"
                + " CSV (Goods Description,Commodity Code)");
    }

    private static List<ClassifyCase> jsonl(Path file) throws IOException {
        ObjectMapper json = Mappers.json();
        List<ClassifyCase> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            String title = n.path("product_name").asText("");
            String code = n.path("hs_code").asText("").replaceAll("\\D", "");
            if (title.isBlank() || code.length() < 4) {
                continue;
            }
            if (code.length() == 9) {
                code = "0" + code; // a JSON number loses the leading zero of chapters 01-09
            }
            List<String> category = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String c = n.path("cate_lv" + i + "_desc").asText("").trim();
                if (!c.isEmpty() && (category.isEmpty() || !category.get(category.size() - 1).equalsIgnoreCase(c))) {
                    category.add(c);
                }
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            String raw = n.path("product_attributes").asText("");
            if (raw.startsWith("{")) {
                json.readTree(raw).fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
            }
            // In the listing's order: the classifier reads the first of two attributes naming the same thing.
            out.add(new ClassifyCase(title, List.copyOf(category), Collections.unmodifiableMap(attributes), code));
        }
        return out;
    }

    private static List<ClassifyCase> csv(Path file) throws IOException {
        List<ClassifyCase> out = new ArrayList<>();
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            csv.next();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() < 2) {
                    continue;
                }
                String code = row.get(1).replaceAll("\\D", "");
                if (row.get(0).isBlank() || code.length() < 4) {
                    continue;
                }
                out.add(new ClassifyCase(row.get(0).trim(), List.of(), Map.of(), code));
            }
        }
        return out;
    }
}
