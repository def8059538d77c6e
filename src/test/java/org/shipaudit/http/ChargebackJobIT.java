package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retailer chargebacks file uploaded as a job of kind {@code chargebacks}: audited by the retailer-chargebacks pack
 * on the day it was submitted, each chargeback judged for what can still be disputed and by when, the disputes CSV
 * one line per claim with its deadline, unreadable rows listed with row and column. Notification dates are written
 * relative to today, so the file means the same whenever the test runs.
 */
@ExtendWith(VertxExtension.class)
class ChargebackJobIT {

    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        client = TestServer.sharedClient(vertx);
    }

    static HttpResponse<Buffer> upload(String name, String content, String profile) {
        MultipartForm form = MultipartForm.create().binaryFileUpload("file", name, Buffer.buffer(content),
                "text/csv").attribute("kind", "chargebacks");
        if (profile != null) {
            form.attribute("profile", profile);
        }
        return client.post("/v1/jobs").sendMultipartForm(form).await();
    }

    static LocalDate daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days);
    }

    @Test
    void judgesEachChargebackOnTheDayItWasSubmittedAndListsTheClaimsWithTheirDeadline(@TempDir Path data) throws Exception {
        LocalDate open = daysAgo(10);
        LocalDate closed = daysAgo(45);
        LocalDate urgent = daysAgo(27);
        LocalDate repeated = daysAgo(5);
        String csv = "Retailer,Chargeback Code,PO Number,Amount,Currency,Notification Date,Dispute Attempts,Status,"
                + "Cost of Goods,Reference\n"
                + "AMAZON,PRC-SHORT,4500010001,150.00,USD," + open + ",0,Open,,CTN-0001\n"
                + "Amazon,ASN-ACCURACY,4500010002,310.00,," + closed + ",0,Open,,\n"
                + "AMAZON,PREP-LABEL,4500010003,80.00,USD," + urgent + ",1,Open,,\n"
                + "AMAZON,PRC-SHORT,4500010001,150.00,USD," + repeated + ",0,Open,,CTN-0001\n"
                + "WALMART,OTIF,WM-7731,45.00,USD," + daysAgo(8) + ",,,1000.00,\n"
                + "AMAZON,PRC-SHORT,4500010009,twelve,USD," + open + ",0,Open,,\n"
                + "AMAZON,PO-ON-TIME,4500010010,60.00,USD," + daysAgo(3) + ",2,Disputed,,\n";
        HttpResponse<Buffer> r = upload("amazon-week-46.csv", csv, null);
        assertEquals(202, r.statusCode(), r.bodyAsString());
        String id = r.bodyAsJsonObject().getString("id");
        assertEquals("chargebacks", r.bodyAsJsonObject().getString("kind"));

        JsonObject job = TestServer.awaitDone(client, id);
        assertEquals("DONE", job.getString("status"), job::encode);
        assertEquals(7, job.getLong("rowsDone"));
        JsonArray errors = job.getJsonArray("errors");
        assertEquals(1, errors.size(), errors::encode);
        assertEquals(7, errors.getJsonObject(0).getLong("row"));
        assertEquals("Amount", errors.getJsonObject(0).getString("column"));
        LocalDate today = Instant.parse(job.getString("createdAt")).atZone(ZoneOffset.UTC).toLocalDate();

        JsonArray findings = client.get("/v1/jobs/" + id + "/findings").send().await().bodyAsJsonObject()
                .getJsonArray("findings");
        Map<String, String> byRow = new TreeMap<>();
        for (Object o : findings) {
            JsonObject f = (JsonObject) o;
            assertEquals("CHARGEBACK", f.getString("category"), f::encode);
            assertEquals("retailer-chargebacks", f.getString("pack"), f::encode);
            JsonObject amount = f.getJsonObject("amount");
            byRow.merge(f.getString("subject"), f.getString("ruleId") + (amount == null ? "" : "=" + amount.getString("amount")),
                    (a, b) -> a + "," + b);
        }
        assertEquals(Map.of(
                "rows[2]", "RCB-001=150.00",           // notified 10 days ago: 20 days left
                "rows[3]", "RCB-002",                  // notified 45 days ago: window closed 15 days ago
                "rows[4]", "RCB-001=80.00,RCB-004",    // 3 days left: urgent
                "rows[5]", "RCB-006=150.00",           // row 2 again
                "rows[6]", "RCB-005=15.00,RCB-007",    // 45.00 is 4.5 % of 1,000.00; Walmart's window is not on file
                "rows[8]", "RCB-003"),                 // both Amazon disputes used
                byRow, findings::encode);
        assertEquals("395.00", job.getJsonObject("disputableAmount").getString("amount"));

        JsonObject first = finding(findings, "rows[2]", "RCB-001");
        assertTrue(first.getString("message").contains("4500010001"), first::encode);
        JsonObject evidence = first.getJsonObject("evidence");
        assertEquals("4500010001", evidence.getString("poNumber"));
        assertEquals("150.00", evidence.getString("billedAmount"));
        assertEquals("150.00", evidence.getString("disputableAmount"));
        assertEquals(open.plusDays(30).toString(), evidence.getString("claimDeadline"));
        JsonObject closedOne = finding(findings, "rows[3]", "RCB-002");
        assertNull(closedOne.getJsonObject("amount"), closedOne::encode);
        assertEquals("0.00", closedOne.getJsonObject("evidence").getString("disputableAmount"));
        assertEquals(closed.plusDays(31).toString(), closedOne.getJsonObject("evidence").getString("closedSince"));
        JsonObject soon = finding(findings, "rows[4]", "RCB-004");
        assertEquals("WARN", soon.getString("severity"));
        assertEquals(Long.toString(ChronoUnit.DAYS.between(today, urgent.plusDays(30))),
                soon.getJsonObject("evidence").getString("daysLeft"));

        // The disputes CSV: one line per claim, with the deadline (none known for Walmart).
        HttpResponse<Buffer> disputes = client.get("/v1/jobs/" + id + "/disputes").send().await();
        assertEquals(200, disputes.statusCode(), disputes.bodyAsString());
        List<String> lines = Arrays.asList(disputes.bodyAsString().strip().split("\r?\n"));
        assertEquals(5, lines.size(), disputes.bodyAsString());
        assertEquals("tracking_number,invoice_number,charge,billed_amount,expected_amount,disputable_amount,reason,"
                + "rule_id,claim_deadline,currency,retailer,po_number,reference", lines.get(0));
        // Sorted by claim deadline, soonest first; the claim with no known deadline last.
        List<String> dated = lines.subList(1, 4).stream().sorted(java.util.Comparator.comparing(
                l -> l.replaceAll(".*,RCB-00\\d,([0-9-]*),.*", "$1"))).toList();
        assertEquals(dated, lines.subList(1, 4), "sorted by deadline");
        assertTrue(dated.stream().anyMatch(l -> l.startsWith(",,PRC-SHORT,150.00,0.00,150.00,")
                && l.endsWith(",RCB-001," + open.plusDays(30) + ",USD,AMAZON,4500010001,CTN-0001")), dated::toString);
        assertTrue(dated.stream().anyMatch(l -> l.endsWith(",RCB-001," + urgent.plusDays(30)
                + ",USD,AMAZON,4500010003,")), dated::toString);
        assertTrue(dated.stream().anyMatch(l -> l.endsWith(",RCB-006," + repeated.plusDays(30)
                + ",USD,AMAZON,4500010001,CTN-0001")), dated::toString);
        assertTrue(lines.get(4).startsWith(",,OTIF,45.00,30.00,15.00,"), lines.get(4));
        assertTrue(lines.get(4).endsWith(",RCB-005,,USD,WALMART,WM-7731,"), lines.get(4));

        HttpResponse<Buffer> findingsCsv = client.get("/v1/jobs/" + id + "/findings?format=csv").send().await();
        assertEquals(findings.size() + 1, findingsCsv.bodyAsString().strip().split("\r?\n").length,
                findingsCsv.bodyAsString());

        // The annotated workbook: the original rows with their findings, and the claims.
        HttpResponse<Buffer> report = client.get("/v1/jobs/" + id + "/report").send().await();
        assertEquals(200, report.statusCode(), report.bodyAsString());
        Path xlsx = data.resolve("report-" + id + ".xlsx");
        Files.write(xlsx, report.body().getBytes());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
            String row5 = java.util.stream.StreamSupport.stream(wb.getSheetAt(0).getRow(4).spliterator(), false)
                    .map(Object::toString).collect(java.util.stream.Collectors.joining("|"));
            assertTrue(row5.contains("RCB-006") && row5.contains("4500010001"), row5);
            var claims = wb.getSheet("Disputes");
            assertEquals(4, claims.getLastRowNum(), "four claims under the header");
            assertEquals("Chargebacks", wb.getSheetName(0));
            var summary = wb.getSheet("Summary");
            String words = java.util.stream.StreamSupport.stream(summary.spliterator(), false)
                    .map(row -> row.getCell(0) == null ? "" : row.getCell(0).toString())
                    .collect(java.util.stream.Collectors.joining("|"));
            assertTrue(words.startsWith("Chargeback audit summary") && words.contains("Retailer")
                    && words.contains("WALMART") && words.contains("Notification week")
                    && !words.contains("(unknown)"), words);
            // Soonest deadline first: the urgent PREP-LABEL chargeback of PO 4500010003.
            assertEquals("4500010003", claims.getRow(1).getCell(10).getStringCellValue());
        }
    }

    /** The README's example file: what it finds depends on the day it is sent, its rows and their errors do not. */
    @Test
    void auditsTheExampleFileAsAJob() throws Exception {
        HttpResponse<Buffer> r = upload("chargebacks-amazon.csv",
                Files.readString(Path.of("src/site/examples/chargebacks-amazon.csv")), null);
        assertEquals(202, r.statusCode(), r.bodyAsString());
        JsonObject job = TestServer.awaitDone(client, r.bodyAsJsonObject().getString("id"));
        assertEquals("DONE", job.getString("status"), job::encode);
        assertEquals(8, job.getLong("rowsDone"));
        assertEquals(List.of(9L), job.getJsonArray("errors").stream().map(JsonObject.class::cast)
                .map(e -> e.getLong("row")).toList());
        JsonArray findings = client.get("/v1/jobs/" + job.getString("id") + "/findings").send().await()
                .bodyAsJsonObject().getJsonArray("findings");
        List<String> rows = findings.stream().map(JsonObject.class::cast).map(f -> f.getString("subject")).distinct()
                .sorted().toList();
        assertEquals(List.of("rows[2]", "rows[3]", "rows[4]", "rows[5]", "rows[6]", "rows[8]"), rows,
                "every chargeback but the reversed one (row 7) and the unreadable one (row 9) is judged");
    }

    @Test
    void refusesAFileWithoutTheRequiredColumnsNamingThem() {
        HttpResponse<Buffer> r = upload("cb.csv", "retailer,chargeback_code,amount,currency\nAMAZON,X,1.00,USD\n", null);
        assertEquals(422, r.statusCode(), r.bodyAsString());
        String detail = r.bodyAsJsonObject().getString("detail");
        assertTrue(detail.contains("po_number") && detail.contains("notification_date"), detail);
    }

    @Test
    void refusesAnInvoiceProfileForAChargebacksFile() {
        HttpResponse<Buffer> r = upload("cb.csv", "retailer,chargeback_code,po_number,amount,notification_date\n"
                + "AMAZON,X,P,1.00,2026-11-02\n", "ups-billing");
        assertEquals(400, r.statusCode(), r.bodyAsString());
    }

    private static JsonObject finding(JsonArray findings, String subject, String rule) {
        return findings.stream().map(JsonObject.class::cast)
                .filter(f -> f.getString("subject").equals(subject) && f.getString("ruleId").equals(rule))
                .findFirst().orElseThrow(() -> new AssertionError(rule + " on " + subject + " in " + findings.encode()));
    }
}
