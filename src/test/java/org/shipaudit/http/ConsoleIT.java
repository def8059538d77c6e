package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.cli.ServiceAssembly;

/**
 * The console over plain HTTP (no browser needed): the page and its assets with their content types, cache headers,
 * CSP and no cookie; GET /v1/me; the paged, filtered and sorted findings of a job; and GET /v1/analytics/findings,
 * whose groups must add up to exactly the findings the job and the pre-ship audit answered.
 */
@ExtendWith(VertxExtension.class)
class ConsoleIT {

    @TempDir
    static Path data;
    static ServiceAssembly service;
    static WebClient client;
    static String job;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        service = TestServer.start(data);
        client = TestServer.client(vertx, service);
        MultipartForm form = MultipartForm.create().binaryFileUpload("file", "week-46.csv",
                Buffer.buffer(Files.readAllBytes(Path.of("src/site/examples/invoice-generic.csv"))), "text/csv")
                .attribute("kind", "invoices").attribute("profile", "generic");
        job = client.post("/v1/jobs").sendMultipartForm(form).await().bodyAsJsonObject().getString("id");
        assertEquals("DONE", TestServer.awaitDone(client, job).getString("status"));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static HttpResponse<Buffer> get(String uri) {
        return client.get(uri).send().await();
    }

    @Test
    void servesThePageAndItsAssetsWithAStrictPolicyAndNoCookie() {
        HttpResponse<Buffer> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.getHeader("Content-Type"));
        assertEquals("no-cache", page.getHeader("Cache-Control"));
        assertEquals(ConsoleHandlers.CSP, page.getHeader("Content-Security-Policy"));
        assertTrue(page.getHeader("Content-Security-Policy").contains("script-src 'self'"));
        assertFalse(page.getHeader("Content-Security-Policy").contains("unsafe-inline"));
        assertEquals("nosniff", page.getHeader("X-Content-Type-Options"));
        assertNull(page.getHeader("Set-Cookie"));
        String html = page.bodyAsString();
        assertTrue(html.contains("<script type=\"module\" src=\"/console/app.js\"></script>"), html);
        assertFalse(html.contains("style="), "no inline style");
        assertFalse(html.matches("(?s).*<script>.*"), "no inline script");

        HttpResponse<Buffer> js = get("/console/app.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.getHeader("Content-Type").matches("(application|text)/javascript.*"), js.getHeader("Content-Type"));
        assertTrue(js.getHeader("Cache-Control").contains("max-age=300"), js.getHeader("Cache-Control"));
        assertEquals(ConsoleHandlers.CSP, js.getHeader("Content-Security-Policy"));
        assertTrue(get("/console/console.css").getHeader("Content-Type").startsWith("text/css"));
        assertNull(js.getHeader("Set-Cookie"));
        HttpResponse<Buffer> missing = get("/console/nothing-here.js");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.getHeader("Content-Type"));
        assertEquals(404, get("/console/../http/openapi.yaml").statusCode());
    }

    @Test
    void noConsoleScriptWritesHtmlFromData() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/console"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String js = Files.readString(f);
                for (String sink : new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("}) {
                    assertFalse(js.contains(sink), f + " uses " + sink);
                }
                assertFalse(js.contains("localStorage"), f + ": the key lives in sessionStorage only");
            }
        }
    }

    @Test
    void saysWhoIsCallingAndThatAuthIsOff() {
        JsonObject me = get("/v1/me").bodyAsJsonObject();
        assertEquals("anonymous", me.getString("name"));
        assertEquals(new JsonArray().add("admin"), me.getJsonArray("roles"));
        assertEquals(false, me.getBoolean("authEnabled"));
    }

    @Test
    void pagesFiltersAndSortsAJobsFindingsInTheDatabase() {
        JsonArray all = get("/v1/jobs/" + job + "/findings").bodyAsJsonObject().getJsonArray("findings");
        assertTrue(all.size() >= 3, all::encode);
        JsonObject first = get("/v1/jobs/" + job + "/findings?limit=2").bodyAsJsonObject();
        assertEquals(all.size(), first.getLong("total"));
        assertEquals(2, first.getJsonArray("findings").size());
        assertEquals("UPS", first.getJsonArray("findings").getJsonObject(0).getString("carrier"));
        JsonObject second = get("/v1/jobs/" + job + "/findings?limit=2&offset=2").bodyAsJsonObject();
        assertEquals(all.getJsonObject(2).getString("message"), second.getJsonArray("findings").getJsonObject(0).getString("message"));

        String rule = all.getJsonObject(0).getString("ruleId");
        long ofRule = all.stream().filter(o -> ((JsonObject) o).getString("ruleId").equals(rule)).count();
        JsonObject filtered = get("/v1/jobs/" + job + "/findings?rule=" + rule + "&limit=500").bodyAsJsonObject();
        assertEquals(ofRule, filtered.getLong("total"));
        filtered.getJsonArray("findings").forEach(o -> assertEquals(rule, ((JsonObject) o).getString("ruleId")));

        JsonArray byAmount = get("/v1/jobs/" + job + "/findings?sort=-amount&limit=500").bodyAsJsonObject().getJsonArray("findings");
        // Largest first, findings without an amount last (NULLS LAST).
        java.util.List<BigDecimal> amounts = byAmount.stream().map(o -> ((JsonObject) o).getJsonObject("amount"))
                .map(a -> a == null ? null : new BigDecimal(a.getString("amount"))).toList();
        int firstNull = amounts.indexOf(null);
        java.util.List<BigDecimal> known = firstNull < 0 ? amounts : amounts.subList(0, firstNull);
        assertTrue(known.stream().noneMatch(java.util.Objects::isNull) && (firstNull < 0
                || amounts.subList(firstNull, amounts.size()).stream().allMatch(java.util.Objects::isNull)), byAmount::encode);
        for (int i = 1; i < known.size(); i++) {
            assertTrue(known.get(i - 1).compareTo(known.get(i)) >= 0, byAmount::encode);
        }
        HttpResponse<Buffer> bad = get("/v1/jobs/" + job + "/findings?limit=0&sort=colour&severity=LOUD");
        assertEquals(400, bad.statusCode());
        JsonArray errors = bad.bodyAsJsonObject().getJsonArray("errors");
        assertEquals(3, errors.size(), errors::encode);
    }

    @Test
    void analyticsGroupsAddUpToTheJobsFindingsExactly() {
        JsonArray all = get("/v1/jobs/" + job + "/findings").bodyAsJsonObject().getJsonArray("findings");
        Map<String, Long> count = new TreeMap<>();
        Map<String, BigDecimal> money = new TreeMap<>();
        for (Object o : all) {
            JsonObject f = (JsonObject) o;
            count.merge(f.getString("ruleId"), 1L, Long::sum);
            JsonObject a = f.getJsonObject("amount");
            BigDecimal v = a == null ? BigDecimal.ZERO : new BigDecimal(a.getString("amount")).max(BigDecimal.ZERO);
            money.merge(f.getString("ruleId"), v.setScale(2), BigDecimal::add);
        }
        JsonObject answer = get("/v1/analytics/findings?groupBy=rule&source=invoices&job=" + job).bodyAsJsonObject();
        Map<String, Long> gotCount = new TreeMap<>();
        Map<String, BigDecimal> gotMoney = new TreeMap<>();
        for (Object o : answer.getJsonArray("groups")) {
            JsonObject g = (JsonObject) o;
            gotCount.put(g.getString("rule"), g.getLong("findings"));
            gotMoney.put(g.getString("rule"), new BigDecimal(g.getJsonObject("amount").getString("amount")));
        }
        assertEquals(count, gotCount);
        assertEquals(money, gotMoney);
        JsonObject total = get("/v1/jobs/" + job).bodyAsJsonObject().getJsonObject("disputableAmount");
        BigDecimal sum = gotMoney.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal(total.getString("amount")).compareTo(sum), "the groups add up to the job's disputable total");

        JsonObject weeks = get("/v1/analytics/findings?groupBy=carrier,week,lane&source=invoices&from=2026-11-01&to=2026-11-30")
                .bodyAsJsonObject();
        for (Object o : weeks.getJsonArray("groups")) {
            JsonObject g = (JsonObject) o;
            assertEquals("UPS", g.getString("carrier"));
            assertEquals(DayOfWeek.MONDAY, LocalDate.parse(g.getString("week")).getDayOfWeek(), g::encode);
            assertTrue(g.getString("lane").matches("\\?>\\d{3}"), g::encode);
        }
        assertEquals(0, get("/v1/analytics/findings?groupBy=rule&source=invoices&from=2020-01-01&to=2020-12-31")
                .bodyAsJsonObject().getJsonArray("groups").size());
        HttpResponse<Buffer> csv = get("/v1/analytics/findings?groupBy=rule&source=invoices&job=" + job + "&format=csv");
        assertTrue(csv.getHeader("Content-Type").startsWith("text/csv"));
        assertEquals("rule,findings,amount,currency", csv.bodyAsString().lines().findFirst().orElseThrow());
        assertEquals(count.size() + 1, csv.bodyAsString().lines().count());
    }

    @Test
    void analyticsCountThePreShipAudits() throws Exception {
        JsonObject result = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(Files.readAllBytes(Path.of("src/site/examples/shipment.json")))).await().bodyAsJsonObject();
        int findings = result.getJsonArray("findings").size();
        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        long counted = 0;
        for (int i = 0; i < 200 && counted < findings; i++) {
            JsonArray groups = get("/v1/analytics/findings?groupBy=carrier,lane&source=preship&from=" + today + "&to=" + today)
                    .bodyAsJsonObject().getJsonArray("groups");
            counted = groups.stream().map(o -> (JsonObject) o).filter(g -> "UPS".equals(g.getString("carrier")))
                    .mapToLong(g -> g.getLong("findings")).sum();
            if (counted < findings) {
                Thread.sleep(50); // the decision trail is written in batches, off the request
            }
        }
        assertEquals(findings, counted);
    }

    @Test
    void refusesAnAnalyticsQueryItCannotAnswerNamingEveryProblem() {
        HttpResponse<Buffer> r = get("/v1/analytics/findings?groupBy=carrier,colour&from=2026-13-01&source=mars&size=3");
        assertEquals(400, r.statusCode());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        JsonArray errors = r.bodyAsJsonObject().getJsonArray("errors");
        assertEquals(4, errors.size(), errors::encode);
    }
}
