package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import java.util.TreeMap;
import org.shipaudit.cli.ServiceAssembly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A carrier invoice uploaded as a job: stored before 202, audited by the invoice packs, findings with the right
 * amounts on the planted errors and none on clean lines, unreadable rows listed with row and column.
 */
@ExtendWith(VertxExtension.class)
class InvoiceJobIT {

    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        client = TestServer.sharedClient(vertx);
    }

    static HttpResponse<Buffer> upload(String name, Buffer content, String profile) {
        MultipartForm form = MultipartForm.create().binaryFileUpload("file", name, content, "application/octet-stream")
                .attribute("kind", "invoices");
        if (profile != null) {
            form.attribute("profile", profile);
        }
        return client.post("/v1/jobs").sendMultipartForm(form).await();
    }

    static JsonObject awaitDone(String id) throws InterruptedException {
        return TestServer.awaitDone(client, id);
    }

    @Test
    void findsEveryPlantedErrorWithItsAmountAndFlagsNoCleanLine(@TempDir Path data) throws Exception {
        HttpResponse<Buffer> r = upload("ups-week-46.csv", Buffer.buffer(Files.readAllBytes(Path.of("src/site/examples/invoice-generic.csv"))), null);
        assertEquals(202, r.statusCode(), r.bodyAsString());
        String id = r.bodyAsJsonObject().getString("id");
        assertEquals("/v1/jobs/" + id, r.getHeader("Location"));

        JsonObject job = awaitDone(id);
        assertEquals("DONE", job.getString("status"), job::encode);
        assertEquals(13, job.getLong("rowsDone"));
        assertEquals(13, job.getLong("rowsTotal"));
        JsonArray errors = job.getJsonArray("errors");
        assertEquals(1, errors.size(), errors::encode);
        assertEquals(12, errors.getJsonObject(0).getLong("row"));
        assertTrue(errors.getJsonObject(0).getString("column").toLowerCase().contains("charge"), errors::encode);

        JsonArray findings = client.get("/v1/jobs/" + id + "/findings").send().await().bodyAsJsonObject()
                .getJsonArray("findings");
        Map<String, String> byRow = new TreeMap<>();
        for (Object o : findings) {
            JsonObject f = (JsonObject) o;
            byRow.merge(f.getString("subject"), f.getString("ruleId") + "=" + f.getJsonObject("amount").getString("amount"),
                    (a, b) -> a + "," + b);
        }
        assertEquals(Map.of(
                "rows[11]", "DUP-001=11.85",     // the freight of ...0001 billed again
                "rows[6]", "ACC-001=5.85",       // residential surcharge, carrier says commercial
                "rows[7]", "SVC-001=41.10",      // Next Day Air due 11-11 10:30, delivered 11-13
                "rows[8]", "ACC-003=16.00",      // Saturday delivery on a Friday
                "rows[13]", "WBL-001=5.00",      // billed 9 lb, billable 6 lb: 15.00 prorated
                "rows[14]", "ACC-004=28.50"),    // additional handling on a 4.2 lb 12x10x6 box
                byRow, findings::encode);
        assertEquals("108.30", job.getJsonObject("disputableAmount").getString("amount"));

        // The disputes CSV: one line per disputable charge, with its claim deadline.
        HttpResponse<Buffer> disputes = client.get("/v1/jobs/" + id + "/disputes").send().await();
        assertEquals(200, disputes.statusCode(), disputes.bodyAsString());
        String[] lines = disputes.bodyAsString().strip().split("\r?\n");
        assertEquals(7, lines.length, disputes.bodyAsString());
        assertTrue(lines[0].startsWith("tracking_number,invoice_number,charge,billed_amount"), lines[0]);
        assertTrue(disputes.bodyAsString().contains("1Z999AA10000000001,INV-2026-46"), disputes.bodyAsString());
        assertTrue(disputes.bodyAsString().contains("2027-05-15"), "claim deadline 180 days after the invoice date");
        assertTrue(disputes.bodyAsString().contains(",FREIGHT,41.10,0.00,41.10,"), disputes.bodyAsString());

        // Findings as CSV.
        HttpResponse<Buffer> csv = client.get("/v1/jobs/" + id + "/findings?format=csv").send().await();
        assertEquals(7, csv.bodyAsString().strip().split("\r?\n").length, csv.bodyAsString());

        // The annotated workbook: three sheets, findings beside their rows.
        HttpResponse<Buffer> report = client.get("/v1/jobs/" + id + "/report").send().await();
        assertEquals(200, report.statusCode(), report.bodyAsString());
        Path xlsx = data.resolve("report-" + id + ".xlsx");
        Files.write(xlsx, report.body().getBytes());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
            assertEquals("Invoice", wb.getSheetName(0));
            assertEquals("Summary", wb.getSheetName(1));
            assertEquals("Disputes", wb.getSheetName(2));
            var invoice = wb.getSheetAt(0);
            String row11 = java.util.stream.StreamSupport.stream(invoice.getRow(10).spliterator(), false)
                    .map(Object::toString).collect(java.util.stream.Collectors.joining("|"));
            assertTrue(row11.contains("DUP-001"), row11);
        }
    }

    @Test
    void findsTransportationBilledAgainOnALaterInvoiceButNotAReupload() throws Exception {
        String header = Files.readAllLines(Path.of("src/site/examples/invoice-generic.csv")).get(0);
        String week1 = header + "\nINV-W1,2026-11-09,FEDEX,9,7700000000001,2026-11-02,,GROUND,2,,1 A St,Austin,TX,73301,US,Y,"
                + "3,3,LB,10,8,6,FREIGHT,Ground,9.10,USD\n";
        String week2 = header + "\nINV-W2,2026-11-16,FEDEX,9,7700000000001,2026-11-02,,GROUND,2,,1 A St,Austin,TX,73301,US,Y,"
                + "3,3,LB,10,8,6,FREIGHT,Ground,9.10,USD\n";
        JsonObject first = awaitDone(upload("w1.csv", Buffer.buffer(week1), "generic").bodyAsJsonObject().getString("id"));
        assertEquals(0, first.getLong("findings"), first::encode);
        JsonObject again = awaitDone(upload("w1-again.csv", Buffer.buffer(week1), "generic").bodyAsJsonObject().getString("id"));
        assertEquals(0, again.getLong("findings"), "the same invoice uploaded twice is not a double bill");
        JsonObject second = awaitDone(upload("w2.csv", Buffer.buffer(week2), "generic").bodyAsJsonObject().getString("id"));
        JsonObject dup = client.get("/v1/jobs/" + second.getString("id") + "/findings").send().await().bodyAsJsonObject()
                .getJsonArray("findings").getJsonObject(0);
        assertEquals("DUP-002", dup.getString("ruleId"));
        assertEquals("INV-W1", dup.getJsonObject("evidence").getString("earlierInvoice"));
        assertEquals("9.10", dup.getJsonObject("amount").getString("amount"));
    }

    @Test
    void auditsACustomLayoutThroughASavedColumnMapping() throws Exception {
        String mapping = "{\"name\": \"acme-regional\", \"carrier\": \"ACME\", \"columns\": {\"Bill No\": \"invoice_number\","
                + " \"Bill Date\": \"invoice_date\", \"Waybill\": \"tracking_number\", \"Shipped\": \"ship_date\","
                + " \"Svc\": \"service\", \"Kg\": \"actual_weight\", \"Billed Kg\": \"billed_weight\","
                + " \"Unit\": \"weight_unit\", \"Fee\": \"charge_code\", \"Amount\": \"charge_amount\"}}";
        HttpResponse<Buffer> saved = client.put("/v1/mappings/acme-regional").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(mapping)).await();
        assertEquals(200, saved.statusCode(), saved.bodyAsString());
        HttpResponse<Buffer> bad = client.put("/v1/mappings/acme-bad").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(mapping.replace("acme-regional", "acme-bad").replace("\"charge_amount\"", "\"money\""))).await();
        assertEquals(400, bad.statusCode(), bad.bodyAsString());
        assertTrue(bad.bodyAsJsonObject().getString("detail").contains("money"), bad.bodyAsString());

        String csv = "Bill No,Bill Date,Waybill,Shipped,Svc,Kg,Billed Kg,Unit,Fee,Amount\n"
                + "B-1,2026-11-16,AC1,2026-11-10,GROUND,2,2,KG,FREIGHT,7.00\n"
                + "B-1,2026-11-16,AC1,2026-11-10,GROUND,2,2,KG,FREIGHT,7.00\n";
        HttpResponse<Buffer> r = upload("acme.csv", Buffer.buffer(csv), "mapping:acme-regional");
        assertEquals(202, r.statusCode(), r.bodyAsString());
        JsonObject job = awaitDone(r.bodyAsJsonObject().getString("id"));
        assertEquals("DONE", job.getString("status"), job::encode);
        assertEquals(1, job.getLong("findings"), job::encode);
        assertEquals(400, upload("acme.csv", Buffer.buffer(csv), "mapping:nobody").statusCode());
    }

    @Test
    void judgesCarrierCorrectionsAgainstThePackagesRecordedAtShipping() throws Exception {
        JsonObject small = ShipmentAuditIT.shipment("UPS", "GROUND", 5.6, 12, 10, 8).put("id", "S-REC-1");
        small.getJsonArray("packages").getJsonObject(0).put("trackingNumber", "1ZREC0000000001");
        JsonObject big = ShipmentAuditIT.shipment("UPS", "GROUND", 12, 16, 12, 12).put("id", "S-REC-2");
        big.getJsonArray("packages").getJsonObject(0).put("trackingNumber", "1ZREC0000000002");
        HttpResponse<Buffer> shipped = client.post("/v1/jobs").sendMultipartForm(MultipartForm.create()
                .binaryFileUpload("file", "labels.jsonl", Buffer.buffer(small.encode() + "\n" + big.encode() + "\n"),
                        "application/x-ndjson").attribute("kind", "shipments")).await();
        assertEquals(202, shipped.statusCode(), shipped.bodyAsString());
        assertEquals("DONE", awaitDone(shipped.bodyAsJsonObject().getString("id")).getString("status"));

        String head = "invoice_number,invoice_date,carrier,tracking_number,ship_date,service,recipient_address,"
                + "recipient_city,recipient_state,recipient_postal_code,recipient_country,actual_weight,billed_weight,"
                + "charge_code,charge_description,charge_amount\n";
        String to = ",1745 T Street Southeast,Washington,DC,20020,US,";
        String csv = head
                + "INV-48,2026-11-30,UPS,1ZREC0000000001,2026-11-20,GROUND" + to + "5.6,7,FREIGHT,Ground,9.10\n"
                + "INV-48,2026-11-30,UPS,1ZREC0000000001,2026-11-20,GROUND" + to + "5.6,12,SCC,Shipping Charge Correction,8.15\n"
                + "INV-48,2026-11-30,UPS,1ZREC0000000001,2026-11-20,GROUND" + to + "5.6,7,ADC,Address Correction,23.75\n"
                + "INV-48,2026-11-30,UPS,1ZREC0000000002,2026-11-20,GROUND" + to + "12,17,FREIGHT,Ground,14.00\n"
                + "INV-48,2026-11-30,UPS,1ZREC0000000002,2026-11-20,GROUND" + to + "12,15,SCC,Shipping Charge Correction,3.10\n"
                + "INV-48,2026-11-30,UPS,1ZNOTRECORDED01,2026-11-20,GROUND" + to + "3,3,ADC,Address Correction,23.75\n";
        HttpResponse<Buffer> r = upload("ups-corrections.csv", Buffer.buffer(csv), "generic");
        assertEquals(202, r.statusCode(), r.bodyAsString());
        JsonObject job = awaitDone(r.bodyAsJsonObject().getString("id"));
        assertEquals("DONE", job.getString("status"), job::encode);
        JsonArray findings = client.get("/v1/jobs/" + job.getString("id") + "/findings").send().await()
                .bodyAsJsonObject().getJsonArray("findings");
        java.util.Map<String, String> byRule = new java.util.TreeMap<>();
        findings.stream().map(JsonObject.class::cast).filter(f -> f.getString("ruleId").matches("CHB-020|ACC-008"))
                .forEach(f -> byRule.put(f.getString("ruleId") + "@" + f.getString("subject"),
                        f.getJsonObject("amount").getString("amount")));
        assertEquals(java.util.Map.of("CHB-020@rows[3]", "8.15", "ACC-008@rows[4]", "23.75"), byRule,
                "the 12 lb correction of a box recorded at 5.6 lb and 12 x 10 x 8 in (billable 7 lb), and the address "
                + "correction of a package recorded to a valid address; not the 15 lb correction of a box billable at "
                + "17 lb, nor the address correction of a package nobody recorded: " + findings.encode());
    }

    @Test
    void aPreShipAuditWithATrackingNumberIsRecordedForTheInvoiceAudit() throws Exception {
        JsonObject box = ShipmentAuditIT.shipment("UPS", "GROUND", 3.2, 10, 8, 4).put("id", "S-AUDITED");
        box.getJsonArray("packages").getJsonObject(0).put("trackingNumber", "1ZAUDITED000001");
        ServiceAssembly service = TestServer.shared();
        long before = service.recorder().recorded();
        HttpResponse<Buffer> audit = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .sendBuffer(box.toBuffer()).await();
        assertEquals(200, audit.statusCode(), audit.bodyAsString());
        for (int i = 0; i < 200 && service.recorder().recorded() == before; i++) {
            Thread.sleep(25);
        }
        assertEquals(before + 1, service.recorder().recorded(), "the audited package is recorded in the background");
        String metrics = client.get("/metrics").send().await().bodyAsString();
        assertTrue(metrics.matches("(?s).*\\nshipaudit_shipments_recorded_total [1-9].*")
                && metrics.contains("shipaudit_shipments_unrecorded_total 0.0"), metrics);
        String csv = "invoice_number,invoice_date,carrier,tracking_number,ship_date,service,actual_weight,billed_weight,"
                + "charge_code,charge_description,charge_amount\n"
                + "INV-49,2026-11-30,UPS,1ZAUDITED000001,2026-11-20,GROUND,3.2,4,FREIGHT,Ground,8.40\n"
                + "INV-49,2026-11-30,UPS,1ZAUDITED000001,2026-11-20,GROUND,3.2,9,SCC,Shipping Charge Correction,5.05\n";
        JsonObject job = awaitDone(upload("ups-w49.csv", Buffer.buffer(csv), "generic").bodyAsJsonObject().getString("id"));
        JsonArray findings = client.get("/v1/jobs/" + job.getString("id") + "/findings").send().await()
                .bodyAsJsonObject().getJsonArray("findings");
        JsonObject chb = findings.stream().map(JsonObject.class::cast).filter(f -> f.getString("ruleId").equals("CHB-020"))
                .findFirst().orElseThrow(() -> new AssertionError(findings.encode()));
        assertEquals("rows[3]", chb.getString("subject"));
        assertEquals("audit S-AUDITED", chb.getJsonObject("evidence").getString("recordedBy"));
        assertEquals("4", chb.getJsonObject("evidence").getString("recordedBillableWeightLb"),
                "3.2 lb, 10 x 8 x 4 in: billable 4 lb");
    }

    @Test
    void auditsAFileOfShipmentsAsAJob() throws Exception {
        String heavy = ShipmentAuditIT.shipment("UPS", "GROUND", 160, 30, 20, 20).put("id", "S-HEAVY").encode();
        String light = ShipmentAuditIT.shipment("UPS", "GROUND", 8, 12, 10, 6).put("id", "S-OK").encode();
        String jsonl = heavy + "\n{\"id\": 7}\n\n" + light + "\n";
        HttpResponse<Buffer> r = client.post("/v1/jobs").sendMultipartForm(MultipartForm.create()
                .binaryFileUpload("file", "labels.jsonl", Buffer.buffer(jsonl), "application/x-ndjson")
                .attribute("kind", "shipments")).await();
        assertEquals(202, r.statusCode(), r.bodyAsString());
        JsonObject job = awaitDone(r.bodyAsJsonObject().getString("id"));
        assertEquals("DONE", job.getString("status"), job::encode);
        assertEquals(3, job.getLong("rowsDone"), "three shipment lines (the blank one is not a row)");
        assertTrue(job.getJsonArray("errors").stream().map(JsonObject.class::cast)
                .anyMatch(e -> e.getLong("row") == 2 && "id".equals(e.getString("column"))), job::encode);
        JsonArray findings = client.get("/v1/jobs/" + job.getString("id") + "/findings").send().await()
                .bodyAsJsonObject().getJsonArray("findings");
        JsonObject block = findings.stream().map(JsonObject.class::cast)
                .filter(f -> f.getString("ruleId").equals("WGT-010")).findFirst().orElseThrow();
        assertEquals("rows[1].packages[0].weight", block.getString("subject"));
        assertEquals("S-HEAVY", block.getJsonObject("evidence").getString("shipmentId"));
        assertEquals("BLOCK", block.getJsonObject("evidence").getString("verdict"));
        assertTrue(findings.stream().map(JsonObject.class::cast).noneMatch(f -> f.getString("subject").startsWith("rows[4]")
                && !f.getString("severity").equals("INFO")), findings::encode);
        assertEquals(409, client.get("/v1/jobs/" + job.getString("id") + "/report").send().await().statusCode());
        HttpResponse<Buffer> noColumns = client.post("/v1/jobs").sendMultipartForm(MultipartForm.create()
                .binaryFileUpload("file", "labels.csv", Buffer.buffer("id,weight\nS1,5\n"), "text/csv")
                .attribute("kind", "shipments")).await();
        assertEquals(422, noColumns.statusCode(), "a CSV is read as a shipments sheet, which needs its columns: "
                + noColumns.bodyAsString());
        assertTrue(noColumns.bodyAsString().contains("shipment_id, ship_date, carrier"), noColumns.bodyAsString());
    }

    @Test
    void refusesAFileThatIsNotASpreadsheet() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        HttpResponse<Buffer> r = upload("invoice.csv", Buffer.buffer(png), null);
        assertEquals(415, r.statusCode(), r.bodyAsString());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        HttpResponse<Buffer> noHeader = upload("notes.csv", Buffer.buffer("hello,world\n1,2\n"), null);
        assertEquals(422, noHeader.statusCode(), noHeader.bodyAsString());
        int jobs = client.get("/v1/jobs").send().await().bodyAsJsonObject().getJsonArray("jobs").stream()
                .map(JsonObject.class::cast).filter(j -> j.getString("fileName").equals("notes.csv"))
                .toList().size();
        assertEquals(0, jobs, "a refused upload is not a job");
    }

    @Test
    void refusesAnUnknownProfileAndAMissingFile() {
        assertEquals(400, upload("a.csv", Buffer.buffer("x"), "dhl-magic").statusCode());
        HttpResponse<Buffer> none = client.post("/v1/jobs").sendMultipartForm(MultipartForm.create()
                .attribute("kind", "invoices")).await();
        assertEquals(400, none.statusCode(), none.bodyAsString());
        assertEquals(404, client.get("/v1/jobs/j-nope").send().await().statusCode());
    }

    @Test
    void retriesOnlyAFailedJob() throws Exception {
        HttpResponse<Buffer> up = upload("retry.csv", Buffer.buffer(java.nio.file.Files.readString(
                Path.of("src/site/examples", "invoice-generic.csv"))), null);
        assertEquals(202, up.statusCode(), up.bodyAsString());
        String id = up.bodyAsJsonObject().getString("id");
        JsonObject finished = awaitDone(id);
        assertEquals(finished.getLong("rowsDone"), finished.getLong("rowsTotal"), finished.encode());
        assertEquals(100.0, finished.getDouble("percentDone"), finished.encode());
        assertEquals(0L, finished.getLong("secondsLeft"), finished.encode());
        String metrics = client.get("/metrics").send().await().bodyAsString();
        assertTrue(metrics.contains("\nshipaudit_jobs_running ") && metrics.contains("\nshipaudit_jobs_progress_ratio ")
                && metrics.contains("\nshipaudit_jobs_rows_expected "), metrics);
        HttpResponse<Buffer> done = client.post("/v1/jobs/" + id + "/retry").send().await();
        assertEquals(409, done.statusCode(), done.bodyAsString());
        assertEquals("application/problem+json", done.getHeader("Content-Type"));
        assertTrue(done.bodyAsJsonObject().getString("detail").contains("only a FAILED job"), done.bodyAsString());
        assertEquals(404, client.post("/v1/jobs/j-nope/retry").send().await().statusCode());
    }
}
