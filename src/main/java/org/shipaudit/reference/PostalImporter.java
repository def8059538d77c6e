package org.shipaudit.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.shipaudit.csv.CsvReader;

/**
 * Imports GeoNames postal codes (one country's CSV or the gzipped all-countries file; same columns).
 *
 * <p>Each country is its own source ("postal:DE"), replaced when the country first appears in the file, so a
 * per-country file and the all-countries file can be imported in any order and the last one wins per country.
 * Streams row by row: 1.2 million rows never sit in memory.
 */
final class PostalImporter {
    private PostalImporter() {
    }

    static ImportSummary run(ImportRun run, Path file, String edition) throws IOException {
        Map<String, Long> perCountry = new LinkedHashMap<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(file))) {
            List<String> header = csv.next();
            if (header == null || header.size() < 11) {
                throw new MalformedReferenceFileException(run.file, 1, "expected the GeoNames header "
                        + "country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude");
            }
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.isEmpty()) {
                    continue;
                }
                run.read++;
                if (row.size() != 11) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected 11 columns (country_code,zipcode,...,latitude,longitude), found " + row.size());
                }
                String country = Normalize.country(row.get(0));
                String code = row.get(1).trim();
                if (country.length() != 2) {
                    throw new MalformedReferenceFileException(run.file, csv.record(),
                            "expected a 2-letter country code, found '" + row.get(0) + "'");
                }
                if (code.isEmpty()) {
                    run.skip("no postal code");
                    continue;
                }
                if (!perCountry.containsKey(country)) {
                    run.replace("postal:" + country);
                    perCountry.put(country, 0L);
                }
                perCountry.merge(country, 1L, Long::sum);
                Document d = Fields.base(Fields.KIND_POSTAL, "postal:" + country);
                Fields.key(d, Fields.postalKey(country, Normalize.postalCode(country, code)));
                String place = row.get(2).trim();
                String cityKey = Normalize.name(place);
                if (!cityKey.isEmpty()) {
                    Fields.key(d, Fields.postalCityKey(country, cityKey));
                }
                d.add(new StoredField("country", country));
                d.add(new StoredField("code", code));
                Fields.store(d, "place", place);
                Fields.store(d, "state", row.get(3).trim());
                Fields.store(d, "stateCode", row.get(4).trim());
                Fields.store(d, "province", row.get(5).trim());
                Fields.store(d, "lat", row.get(9).trim());
                Fields.store(d, "lon", row.get(10).trim());
                run.add(d);
            }
        }
        for (Map.Entry<String, Long> e : perCountry.entrySet()) {
            run.edition("postal:" + e.getKey(), "postal", edition, e.getValue());
        }
        String source = perCountry.size() == 1 ? "postal:" + perCountry.keySet().iterator().next()
                : "postal (" + perCountry.size() + " countries)";
        return run.summary(ReferenceFormat.GEONAMES_POSTAL, source, edition);
    }
}
