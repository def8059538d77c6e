package org.shipaudit.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.shipaudit.csv.CsvReader;
import org.shipaudit.reference.zones.FedexZoneRangeFile;
import org.shipaudit.reference.zones.UpsZoneChartFile;

/**
 * Recognises a reference file by its first bytes: the CSV header, or the keys of the first JSON object.
 *
 * <p>File names are never trusted: the same data comes under many names, and a renamed file must still be
 * recognised (or refused) by what it holds.
 */
final class FormatDetector {
    private static final int PEEK = 16 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private FormatDetector() {
    }

    static ReferenceFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = ReferenceFiles.open(file)) {
            head = in.readNBytes(PEEK);
        }
        if (head.length > 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return detectWorkbook(file);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith(FedexSurchargeChanges.MAGIC)) {
            return FedexSurchargeChanges.recognises(file) ? ReferenceFormat.FEDEX_SURCHARGE_CHANGES_PDF
                    : ReferenceFormat.UNKNOWN;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return detectJson(trimmed);
        }
        if (trimmed.startsWith("<")) {
            if (trimmed.contains("gesmes:Envelope") && trimmed.contains("/eurofxref")) {
                return ReferenceFormat.ECB_XML;
            }
            return trimmed.contains("<CONSOLIDATED_LIST") ? ReferenceFormat.UN_SC_XML : ReferenceFormat.UNKNOWN;
        }
        if (trimmed.startsWith("\"Name\"\t\"Street_Address\"") || trimmed.startsWith("Name\tStreet_Address")) {
            return ReferenceFormat.BIS_DPL_TSV;
        }
        ReferenceFormat curated = detectCurated(trimmed);
        if (curated != null) {
            return curated;
        }
        List<String> header;
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            header = csv.next();
        }
        if (header == null || header.isEmpty()) {
            return ReferenceFormat.UNKNOWN;
        }
        String h = String.join(",", header).toLowerCase(Locale.ROOT);
        if (isEcbCsv(header)) {
            return ReferenceFormat.ECB_CSV;
        }
        if (h.startsWith("section,hscode,description,parent,level")) {
            return ReferenceFormat.HS_NOMENCLATURE;
        }
        if (h.equals("section,name")) {
            return ReferenceFormat.HS_SECTIONS;
        }
        if (h.startsWith("hts number,indent,description")) {
            return ReferenceFormat.HTSUS_CSV;
        }
        if (h.startsWith("id_number,proper_shipping_name,hazard_class")) {
            return ReferenceFormat.HAZMAT_CSV;
        }
        if (h.startsWith("country_code,zipcode,place,state,state_code")) {
            return ReferenceFormat.GEONAMES_POSTAL;
        }
        if (header.contains("ISO3166-1-Alpha-2") && header.contains("ISO3166-1-Alpha-3")) {
            return ReferenceFormat.COUNTRIES_CSV;
        }
        if (h.startsWith("entity,currency,alphabeticcode,numericcode,minorunit")) {
            return ReferenceFormat.CURRENCIES_CSV;
        }
        if (h.startsWith("carrier,year,postal_code")) {
            return ReferenceFormat.DELIVERY_AREA_CSV;
        }
        if (h.startsWith("carrier,service_group,effective_from,effective_to,percent")) {
            return ReferenceFormat.FUEL_CSV;
        }
        if (h.startsWith("carrier,service,zone,weight_lb,list_rate")) {
            return ReferenceFormat.RATE_SHEET_CSV;
        }
        if (h.startsWith("carrier,account,service,zones,weight_from_lb,weight_to_lb,discount_percent")) {
            return ReferenceFormat.CONTRACT_DISCOUNTS_CSV;
        }
        if (h.equals("service,weight_lbs,zone,rate_usd")) {
            return ReferenceFormat.UPS_DAILY_RATES_CSV;
        }
        if (h.matches("weight_lbs(,zone\\d+(_\\w+)?)+")) {
            return ReferenceFormat.FEDEX_LIST_RATES_CSV;
        }
        if (h.equals("zip,das_list")) {
            return ReferenceFormat.FEDEX_DAS_CSV;
        }
        if (h.equals("zip,ups_area_type")) {
            return ReferenceFormat.UPS_DAS_CSV;
        }
        if (h.startsWith("effectivedate,ground,express")) {
            return ReferenceFormat.FEDEX_FUEL_WEEKLY_CSV;
        }
        if (h.startsWith("effectivedate,domesticground,domesticair")) {
            return ReferenceFormat.UPS_FUEL_WEEKLY_CSV;
        }
        if (UpsZoneChartFile.recognises(header)) {
            return ReferenceFormat.UPS_ZONE_CHART_CSV;
        }
        if (FedexZoneRangeFile.recognises(header)) {
            return ReferenceFormat.FEDEX_ZONE_RANGES_CSV;
        }
        if (h.replace(" ", "").startsWith("state/province,destzip/postalcode,servicedays,zone")) {
            return ReferenceFormat.FEDEX_ZONE_LOCATOR_CSV;
        }
        if (h.matches("zip_prefix(,\\w+_zone)+")) {
            return ReferenceFormat.USPS_ZONES_CSV;
        }
        ReferenceFormat ofac = ofacLegacy(header);
        if (ofac != ReferenceFormat.UNKNOWN) {
            return ofac;
        }
        return looksLikeVagueTerms(text) ? ReferenceFormat.UK_VAGUE_TERMS : ReferenceFormat.UNKNOWN;
    }

    /**
     * The ECB's rate CSV: "Date" then currency codes (the history file ends its header with an empty column, the daily
     * file puts a space after each comma); USD is always among them.
     */
    private static boolean isEcbCsv(List<String> header) {
        if (header.size() < 2 || !header.get(0).trim().equals("Date")) {
            return false;
        }
        boolean usd = false;
        for (String c : header.subList(1, header.size())) {
            String code = c.trim();
            if (!code.isEmpty() && !code.matches("[A-Z]{3}")) {
                return false;
            }
            usd |= code.equals("USD");
        }
        return usd;
    }

    /**
     * OFAC's legacy SDN files have no header: they are told apart by their first row's shape (12 columns for
     * sdn.csv, 6 for add.csv, 5 for alt.csv with aka/fka/nka), the numeric entity number and the "-0-" empty mark.
     */
    private static ReferenceFormat ofacLegacy(List<String> row) {
        if (row.isEmpty() || !row.get(0).strip().matches("\\d+")) {
            return ReferenceFormat.UNKNOWN;
        }
        boolean ofacEmpty = row.stream().anyMatch(c -> c.strip().equals("-0-"));
        boolean secondNumeric = row.size() > 1 && row.get(1).strip().matches("\\d+");
        if (row.size() == 12 && ofacEmpty) {
            return ReferenceFormat.OFAC_SDN_CSV;
        }
        if (row.size() == 6 && secondNumeric) {
            return ReferenceFormat.OFAC_ADD_CSV;
        }
        if (row.size() == 5 && secondNumeric && row.get(2).strip().toLowerCase(Locale.ROOT).matches("aka|fka|nka")) {
            return ReferenceFormat.OFAC_ALT_CSV;
        }
        return ReferenceFormat.UNKNOWN;
    }

    private static final Pattern YAML_TERM = Pattern.compile("(?m)^  [^\\s#][^:\n]*:\\s+\"[^\n]*\"\\s*$");
    private static final Pattern SYNONYM_LINE = Pattern.compile("[^,=\"]+(,[^,=\"]*)*|[^=\"]+=>[^=\"]+");
    /** Words that HMRC's list of too-vague descriptions always holds and a product list never holds alone. */
    private static final Set<String> VAGUE_MARKERS = Set.of("gift", "gifts", "parts", "samples", "sample",
            "accessories", "accessory", "clothes", "clothing", "goods", "items", "personal effects", "spare parts",
            "documents", "general goods", "merchandise");

    /**
     * The curated classification sources: HMRC's guidance YAML, the UK search synonyms, the HTSUS notes markdown.
     * Null when the text is none of them.
     */
    private static ReferenceFormat detectCurated(String text) {
        if (text.startsWith("default:") && YAML_TERM.matcher(text).results().limit(20).count() >= 20) {
            return ReferenceFormat.UK_INTERCEPT_MESSAGES;
        }
        if (text.startsWith("# SECTION") || text.contains("\n## CHAPTER 1\n") && text.contains("does not cover")) {
            return ReferenceFormat.HTSUS_CHAPTER_NOTES;
        }
        String[] lines = text.split("\n");
        int arrows = 0;
        int checked = 0;
        // The peek may cut the last line: it is not judged.
        for (int i = 0; i < lines.length - 1; i++) {
            String l = lines[i].trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (!SYNONYM_LINE.matcher(l).matches()) {
                return null;
            }
            checked++;
            arrows += l.contains("=>") ? 1 : 0;
        }
        return checked >= 50 && arrows >= 5 ? ReferenceFormat.UK_SEARCH_SYNONYMS : null;
    }

    /**
     * HMRC's too-vague list: one description per line, no header, no codes, and some of the descriptions HMRC
     * always lists as too vague ("gifts", "parts").
     */
    private static boolean looksLikeVagueTerms(String text) throws IOException {
        int rows = 0;
        int single = 0;
        boolean marker = false;
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            List<String> row;
            while ((row = csv.next()) != null) {
                rows++;
                single += row.size() == 1 ? 1 : 0;
                if (row.size() > 6 || row.get(row.size() - 1).trim().matches("\\d{6,10}")) {
                    return false;
                }
                marker |= VAGUE_MARKERS.contains(ClassificationTerms.normalize(String.join(",", row)));
            }
        } catch (IOException | RuntimeException e) {
            return false; // a cut quoted record at the end of the peek, or not CSV at all
        }
        return marker && rows >= 50 && single >= rows * 0.9;
    }

    /** A zip: one of the carriers' delivery-area workbooks when its sheets are the tiers that carrier names them. */
    private static ReferenceFormat detectWorkbook(Path file) {
        List<String> sheets;
        try {
            sheets = org.shipaudit.sheets.WorkbookRows.sheetNames(file);
        } catch (IOException e) {
            return ReferenceFormat.UNKNOWN;
        }
        if (CarrierWorkbooks.FEDEX_TIERS.keySet().containsAll(sheets) && sheets.contains("DAS_ContUS")) {
            return ReferenceFormat.FEDEX_DAS_XLSX;
        }
        if (CarrierWorkbooks.UPS_TIERS.keySet().containsAll(sheets) && sheets.contains("US 48 Zip")) {
            return ReferenceFormat.UPS_DAS_XLSX;
        }
        return ReferenceFormat.UNKNOWN;
    }

    private static ReferenceFormat detectJson(String text) throws IOException {
        Set<String> keys = new HashSet<>();
        String firstTopKey = null;
        boolean array;
        try (JsonParser p = JSON.createParser(new StringReader(text))) {
            JsonToken t = p.nextToken();
            array = t == JsonToken.START_ARRAY;
            if (!array) {
                // Either JSON Lines (one object per line) or a wrapper object such as {"3166-1": [...]}.
                JsonToken k = p.nextToken();
                if (k == JsonToken.FIELD_NAME) {
                    firstTopKey = p.currentName();
                }
                if (p.nextToken() == JsonToken.START_ARRAY) {
                    return switch (firstTopKey) {
                        case "3166-1" -> ReferenceFormat.ISO_3166_1_JSON;
                        case "3166-2" -> ReferenceFormat.ISO_3166_2_JSON;
                        case "4217" -> ReferenceFormat.ISO_4217_JSON;
                        default -> ReferenceFormat.UNKNOWN;
                    };
                }
                if (firstTopKey != null) {
                    keys.add(firstTopKey);
                }
                if ("_meta".equals(firstTopKey) && p.currentToken() == JsonToken.START_OBJECT) {
                    // A carrier's accessorial table: {"_meta": {...}, "residentialSurcharge": ..., ...}.
                    p.skipChildren();
                    collectKeys(p, keys, 1);
                    return AccessorialTableImporter.recognises(keys) ? ReferenceFormat.CARRIER_ACCESSORIALS_JSON
                            : ReferenceFormat.UNKNOWN;
                }
                if (p.currentToken() == JsonToken.VALUE_STRING && p.getText().matches("\\d{10}")) {
                    // {"abs pumps": "8412210000", ...}: HMRC's search terms and their commodity codes.
                    return ReferenceFormat.UK_SEARCH_REFERENCES;
                }
                collectKeys(p, keys, 1);
                return keys.contains("idNumber") && keys.contains("properShippingName")
                        ? ReferenceFormat.HAZMAT_JSONL : ReferenceFormat.UNKNOWN;
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return ReferenceFormat.UNKNOWN;
            }
            collectKeys(p, keys, 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The peek may cut the first object; the keys seen so far still decide.
        }
        if (AccessorialTableImporter.recognises(keys)) {
            return ReferenceFormat.CARRIER_ACCESSORIALS_JSON;
        }
        if (!keys.containsAll(Set.of("code", "rawCode", "name"))) {
            return ReferenceFormat.UNKNOWN;
        }
        if (keys.contains("supplementaryUnit")) {
            return ReferenceFormat.EU_CN_CODES;
        }
        if (keys.contains("heading")) {
            return ReferenceFormat.EU_CN_SUBHEADINGS;
        }
        if (keys.contains("chapter")) {
            return ReferenceFormat.EU_CN_HEADINGS;
        }
        if (keys.contains("section")) {
            return ReferenceFormat.EU_CN_CHAPTERS;
        }
        return ReferenceFormat.EU_CN_SECTIONS;
    }

    /** Collects the field names of the current object (depth 1 is the object just opened). */
    private static void collectKeys(JsonParser p, Set<String> keys, int depth) throws IOException {
        JsonToken t;
        while (depth > 0 && (t = p.nextToken()) != null) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            } else if (t == JsonToken.FIELD_NAME && depth == 1) {
                keys.add(p.currentName());
            }
        }
    }
}
