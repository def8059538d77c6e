package org.shipaudit.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.shipaudit.csv.CsvReader;

/**
 * Imports the 49 CFR 172.101 Hazardous Materials Table, as JSON Lines or as the flattened CSV (lists joined by
 * ";"). Both give the same documents; one UN number may have several entries (one per packing group or name).
 *
 * <p>"Forbidden" entries without an ID number are kept and keyed by their name ({@link ReferenceIndex#forbiddenHazmat}).
 * Values are kept as the table writes them ("None" labels, "Forbidden" quantity limits).
 */
final class HazmatImporter {
    static final String SOURCE = "hazmat";
    private static final Pattern ID = Pattern.compile("(UN|NA|ID)\\d{4}");

    private HazmatImporter() {
    }

    static ImportSummary runJsonl(ImportRun run, Path file, String edition) throws IOException {
        run.replace(SOURCE);
        String name = file.getFileName().toString();
        JsonRecords.forEach(file, name, (o, index) -> {
            run.read++;
            JsonNode q = o.path("quantityLimitations");
            add(run, name, index, JsonRecords.text(o, "idNumber"), JsonRecords.text(o, "properShippingName"),
                    JsonRecords.text(o, "hazardClass"), o.path("forbidden").asBoolean(false),
                    JsonRecords.text(o, "packingGroup"), JsonRecords.list(o, "subsidiaryRisks"),
                    JsonRecords.list(o, "labels"), JsonRecords.list(o, "specialProvisions"),
                    JsonRecords.text(q, "passengerAircraftRail"), JsonRecords.text(q, "cargoAircraftOnly"));
        });
        run.edition(SOURCE, "hazmat", edition, run.indexed);
        return run.summary(ReferenceFormat.HAZMAT_JSONL, SOURCE, edition);
    }

    static ImportSummary runCsv(ImportRun run, Path file, String edition) throws IOException {
        run.replace(SOURCE);
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> header = csv.next();
            String[] names = {"id_number", "proper_shipping_name", "hazard_class", "forbidden", "packing_group",
                    "subsidiary_risks", "labels", "special_provisions", "qty_passenger_aircraft_rail",
                    "qty_cargo_aircraft_only"};
            int[] c = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                c[i] = header == null ? -1 : header.indexOf(names[i]);
                if (c[i] < 0) {
                    throw new MalformedReferenceFileException(run.file, 1, "expected a header column '" + names[i] + "'");
                }
            }
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.isEmpty()) {
                    continue;
                }
                run.read++;
                if (row.size() != header.size()) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected " + header.size() + " columns as in the header, found " + row.size());
                }
                add(run, run.file, csv.record(), row.get(c[0]).trim(), row.get(c[1]).trim(), row.get(c[2]).trim(),
                        Boolean.parseBoolean(row.get(c[3]).trim()), row.get(c[4]).trim(), split(row.get(c[5])),
                        split(row.get(c[6])), split(row.get(c[7])), row.get(c[8]).trim(), row.get(c[9]).trim());
            }
        }
        run.edition(SOURCE, "hazmat", edition, run.indexed);
        return run.summary(ReferenceFormat.HAZMAT_CSV, SOURCE, edition);
    }

    private static void add(ImportRun run, String file, long row, String id, String name, String hazardClass,
                            boolean forbidden, String packingGroup, List<String> subsidiary, List<String> labels,
                            List<String> provisions, String passenger, String cargo) throws IOException {
        if (name.isEmpty()) {
            throw new MalformedReferenceFileException(file, row, "expected a proper shipping name");
        }
        String un = id.toUpperCase(Locale.ROOT).replace(" ", "");
        if (!un.isEmpty() && !ID.matcher(un).matches()) {
            throw new MalformedReferenceFileException(file, row,
                    "expected an ID number like UN3480, NA1993 or ID8000, found '" + id + "'");
        }
        if (un.isEmpty() && !forbidden) {
            run.skip("entry without ID number that is not Forbidden");
            return;
        }
        Document d = Fields.base(Fields.KIND_HAZMAT, SOURCE);
        if (!un.isEmpty()) {
            Fields.key(d, Fields.hazmatKey(un));
        }
        if (forbidden) {
            Fields.key(d, Fields.hazmatNameKey(org.shipaudit.model.lookup.HazmatNames.core(name)));
        }
        Fields.store(d, "un", un);
        d.add(new StoredField("name", name));
        Fields.store(d, "class", hazardClass);
        Fields.store(d, "pg", packingGroup);
        Fields.store(d, "subsidiary", String.join(Fields.SEP, subsidiary));
        Fields.store(d, "labels", String.join(Fields.SEP, labels));
        Fields.store(d, "provisions", String.join(Fields.SEP, provisions));
        Fields.store(d, "passenger", passenger);
        Fields.store(d, "cargo", cargo);
        d.add(new StoredField("forbidden", forbidden ? 1 : 0));
        Fields.text(d, Fields.TEXT, name);
        run.add(d);
    }

    private static List<String> split(String joined) {
        List<String> out = new ArrayList<>();
        for (String s : joined.split(";")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
