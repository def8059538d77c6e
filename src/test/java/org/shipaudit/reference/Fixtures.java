package org.shipaudit.reference;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small reference files written by the tests, and helpers to import them. */
final class Fixtures {
    static final String BOM = "\uFEFF";
    static final String HTSUS_HEADER = "HTS Number,Indent,Description,Unit of Quantity,General Rate of Duty,"
            + "Special Rate of Duty,Column 2 Rate of Duty,Quota Quantity,Additional Duties\n";
    static final String GEONAMES_HEADER = "country_code,zipcode,place,state,state_code,province,province_code,"
            + "community,community_code,latitude,longitude\n";

    private Fixtures() {
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    static Path gzip(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<ImportSummary> importFiles(Path indexDir, Path... files) throws IOException {
        try (ReferenceImporter importer = ReferenceImporter.open(indexDir)) {
            return importer.importPaths(List.of(files));
        }
    }

    /** The bundled sample folder of the project (tests run with the project directory as working directory). */
    static Path bundled() {
        return Paths.get("reference-data");
    }

    /** One HTSUS row in the export's all-quoted style. */
    static String hts(String code, int indent, String description, String units, String general) {
        return q(code) + "," + q(String.valueOf(indent)) + "," + q(description) + "," + q(units) + "," + q(general)
                + "," + q("") + "," + q("") + "," + q("") + "," + q("") + "\n";
    }

    static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
