package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product catalog uploaded as a job of kind {@code catalog} (the README's Shopify example): each row judged by the
 * catalog, hs-codes and hazmat packs, findings naming row and column, unreadable rows listed, the annotated workbook
 * with the rows, their findings and the row errors.
 */
@ExtendWith(VertxExtension.class)
class CatalogJobIT {

    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        client = TestServer.sharedClient(vertx);
    }

    static HttpResponse<Buffer> upload(String name, byte[] content, String profile) {
        MultipartForm form = MultipartForm.create().binaryFileUpload("file", name, Buffer.buffer(content),
                "text/csv").attribute("kind", "catalog");
        if (profile != null) {
            form.attribute("profile", profile);
        }
        return client.post("/v1/jobs").sendMultipartForm(form).await();
    }

    @Test
    void auditsTheShopifyExampleRowByRowAndWritesTheAnnotatedWorkbook(@TempDir Path data) throws Exception {
        HttpResponse<Buffer> r = upload("catalog-shopify.csv", Files.readAllBytes(Path.of("src/site/examples/catalog-shopify.csv")),
                null);
        assertEquals(202, r.statusCode(), r.bodyAsString());
        assertEquals("catalog", r.bodyAsJsonObject().getString("kind"));
        String id = r.bodyAsJsonObject().getString("id");
        JsonObject job = TestServer.awaitDone(client, id);
        assertEquals("DONE", job.getString("status"), job::encode);
        assertEquals(13, job.getLong("rowsDone"));
        assertEquals("auto", job.getString("profile"));
        JsonArray errors = job.getJsonArray("errors");
        assertEquals(List.of("11 Title", "12 Variant Grams"), errors.stream().map(JsonObject.class::cast)
                .map(e -> e.getLong("row") + " " + e.getString("column")).toList(), errors::encode);

        JsonArray findings = client.get("/v1/jobs/" + id + "/findings").send().await().bodyAsJsonObject()
                .getJsonArray("findings");
        Map<String, String> bySubject = new TreeMap<>();
        for (Object o : findings) {
            JsonObject f = (JsonObject) o;
            bySubject.merge(f.getString("subject"), f.getString("ruleId"), (a, b) -> a + "," + b);
        }
        // The catalog pack's own findings, and the hs-codes and hazmat rules on the same rows. (HSC-006 on the gift
        // set depends on the tariff loaded, so it is not pinned here.)
        Map<String, String> expected = Map.ofEntries(
                Map.entry("rows[6].dangerousGoods", "HAZ-030"),   // eau de parfum named in Body (HTML)
                Map.entry("rows[7].weight", "CAT-011"),           // 0 grams
                Map.entry("rows[7].countryOfOrigin", "CAT-030"),
                Map.entry("rows[8].hsCode", "CAT-001"),           // earbuds without a code
                Map.entry("rows[9].hsCode", "CAT-021"),           // the tote reuses TEE-ORG-M of row 3
                Map.entry("rows[9].weight", "CAT-022"),
                Map.entry("rows[9].title", "CAT-023"),
                Map.entry("rows[10].countryOfOrigin", "CAT-031"), // "Europe"
                Map.entry("rows[13].hsCode", "HSC-002"),          // 4202.3
                Map.entry("rows[14].weight", "CAT-012"));         // 85 kg bench
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertTrue(bySubject.getOrDefault(e.getKey(), "").contains(e.getValue()),
                    e + " in " + bySubject);
        }
        assertTrue(bySubject.keySet().stream().noneMatch(s -> s.startsWith("rows[2].") || s.startsWith("rows[3].")
                || s.startsWith("rows[4].") || s.startsWith("rows[5].")), "the t-shirt variants are clean: " + bySubject);

        JsonObject conflict = finding(findings, "rows[9].hsCode", "CAT-021");
        assertEquals("catalog", conflict.getString("pack"));
        assertEquals("BLOCK", conflict.getString("severity"));
        JsonObject evidence = conflict.getJsonObject("evidence");
        assertEquals("3", evidence.getString("firstRow"), "points at the row it conflicts with");
        assertEquals("6109.10.0012", evidence.getString("firstHsCode"));
        assertEquals("Variant HS Code", evidence.getString("column"), "names the column as the file writes it");
        assertEquals("Title, Body (HTML)",
                finding(findings, "rows[6].dangerousGoods", "HAZ-030").getJsonObject("evidence").getString("column"));

        HttpResponse<Buffer> csv = client.get("/v1/jobs/" + id + "/findings?format=csv").send().await();
        assertEquals(200, csv.statusCode());
        assertEquals(findings.size() + 1, csv.bodyAsString().strip().split("\r?\n").length, csv.bodyAsString());

        HttpResponse<Buffer> report = client.get("/v1/jobs/" + id + "/report").send().await();
        assertEquals(200, report.statusCode(), report.bodyAsString());
        Path xlsx = data.resolve("report-" + id + ".xlsx");
        Files.write(xlsx, report.body().getBytes());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
            assertEquals("Catalog", wb.getSheetName(0));
            String row9 = StreamSupport.stream(wb.getSheetAt(0).getRow(8).spliterator(), false)
                    .map(Object::toString).collect(Collectors.joining("|"));
            assertTrue(row9.contains("canvas-tote") && row9.contains("CAT-021"), row9);
            var mugCode = wb.getSheetAt(0).getRow(6).getCell(19);
            assertEquals("6912.00", mugCode.getStringCellValue(), "an HS code stays text, trailing zeros kept");
            var rowErrors = wb.getSheet("Row errors");
            assertNotNull(rowErrors, "unreadable rows listed");
            assertEquals("Variant Grams", rowErrors.getRow(2).getCell(1).getStringCellValue());
            String summary = StreamSupport.stream(wb.getSheet("Summary").spliterator(), false)
                    .map(row -> row.getCell(0) == null ? "" : row.getCell(0).toString())
                    .collect(Collectors.joining("|"));
            assertTrue(summary.startsWith("Catalog audit summary") && summary.contains("Variant HS Code")
                    && !summary.contains("Invoiced"), summary);
        }
    }

    @Test
    void refusesAnInvoiceProfileForACatalog() {
        HttpResponse<Buffer> r = upload("catalog.csv", "sku,title\nA,B\n".getBytes(), "ups-billing");
        assertEquals(400, r.statusCode(), r.bodyAsString());
        assertTrue(r.bodyAsString().contains("auto, shopify or generic"), r.bodyAsString());
    }

    @Test
    void refusesAFileWithoutACatalogHeaderAtOnce() {
        HttpResponse<Buffer> r = upload("notes.csv", "Our products\nsee the other file\n".getBytes(), null);
        assertEquals(422, r.statusCode(), r.bodyAsString());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        assertTrue(r.bodyAsString().contains("No catalog header"), r.bodyAsString());
    }

    static JsonObject finding(JsonArray findings, String subject, String rule) {
        return findings.stream().map(JsonObject.class::cast)
                .filter(f -> subject.equals(f.getString("subject")) && rule.equals(f.getString("ruleId")))
                .findFirst().orElseThrow(() -> new AssertionError(rule + " on " + subject + " in " + findings.encode()));
    }
}
