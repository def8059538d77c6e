package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.cli.ServiceAssembly;
import org.shipaudit.config.ConfigKey;

/**
 * Malformed HTTP/1.1 framing and stalled clients, over raw sockets: each is answered with problem+json or a closed
 * connection, never a 200 nor a bare text body; stalled connections are closed by the configured timeouts.
 */
class HttpFramingIT {

    @TempDir
    static Path data;
    static ServiceAssembly service;

    static final String SHIPMENT = """
            {"id": "SHP-F", "shipDate": "2026-11-20", "carrier": "UPS", "service": "GROUND",
             "shipFrom": {"street1": "100 Main St", "city": "Columbus", "state": "OH", "postalCode": "43215", "country": "US"},
             "shipTo": {"street1": "1 Main St", "city": "Columbus", "state": "OH", "postalCode": "43215", "country": "US"},
             "packages": [{"id": "P1", "weight": {"value": 2, "unit": "LB"}}]}""";

    @BeforeAll
    static void start() throws Exception {
        service = TestServer.start(TestServer.config(data, Path.of("rules"), Map.of(
                ConfigKey.HTTP_HEADER_TIMEOUT, "2", ConfigKey.HTTP_BODY_TIMEOUT, "2", ConfigKey.HTTP_IDLE_TIMEOUT, "4")));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** What the server wrote before closing or staying silent for {@code waitMs}. */
    static String exchange(String request, int waitMs) throws IOException {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1), waitMs);
    }

    static String exchange(byte[] request, int waitMs) throws IOException {
        try (Socket s = new Socket("127.0.0.1", service.port())) {
            s.setSoTimeout(waitMs);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // the server kept the connection open: what it wrote so far is the answer
            } catch (IOException e) {
                // reset by the server after its answer
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static String post(String headers, String body) {
        return "POST /v1/audits/shipments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + headers
                + "\r\n" + body;
    }

    /** Refused as problem+json with one of {@code statuses}, or the connection closed without an answer. */
    static void assertRefused(String what, String response, int... statuses) {
        assertFalse(response.startsWith("HTTP/1.1 200"), what + " answered 200:\n" + response);
        if (response.isEmpty()) {
            return;
        }
        boolean status = false;
        for (int s : statuses) {
            // a request line too long to parse gets the answer in HTTP/1.0, since its version was never read
            status |= response.matches("(?s)HTTP/1\\.[01] " + s + " .*");
        }
        assertTrue(status, what + " answered\n" + response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), what + " answered\n" + response);
        assertTrue(response.contains("\"status\":"), what + " answered\n" + response);
    }

    @Test
    void answersAWellFramedChunkedAuditWith200() throws IOException {
        String body = Integer.toHexString(SHIPMENT.length()) + "\r\n" + SHIPMENT + "\r\n0\r\n\r\n";
        String r = exchange(post("Transfer-Encoding: chunked\r\nConnection: close\r\n", body), 5000);
        assertTrue(r.startsWith("HTTP/1.1 200"), r);
    }

    @Test
    void refusesAChunkSizeThatIsNotHex() throws IOException {
        String r = exchange(post("Transfer-Encoding: chunked\r\n", "zz\r\n" + SHIPMENT + "\r\n0\r\n\r\n"), 3000);
        assertRefused("chunk size zz", r, 400);
    }

    @Test
    void refusesAnOverflowingChunkSize() throws IOException {
        String r = exchange(post("Transfer-Encoding: chunked\r\n", "7fffffffffffffff\r\n" + SHIPMENT + "\r\n0\r\n\r\n"), 3000);
        assertRefused("chunk size 7fffffffffffffff", r, 400, 413);
    }

    @Test
    void refusesTwoConflictingContentLengths() throws IOException {
        String r = exchange(post("Content-Length: " + SHIPMENT.length() + "\r\nContent-Length: 5\r\n", SHIPMENT), 3000);
        assertRefused("two Content-Length", r, 400);
    }

    @Test
    void refusesTwoEqualContentLengths() throws IOException {
        String r = exchange(post("Content-Length: " + SHIPMENT.length() + "\r\nContent-Length: " + SHIPMENT.length()
                + "\r\n", SHIPMENT), 3000);
        assertRefused("two equal Content-Length", r, 400);
    }

    @Test
    void refusesATransferCodingOtherThanChunked() throws IOException {
        String r = exchange(post("Transfer-Encoding: gzip\r\nContent-Length: " + SHIPMENT.length() + "\r\n", SHIPMENT), 3000);
        assertRefused("Transfer-Encoding: gzip", r, 400, 501);
        r = exchange(post("Transfer-Encoding: gzip\r\n", SHIPMENT), 3000);
        assertRefused("Transfer-Encoding: gzip alone", r, 400, 501);
    }

    @Test
    void refusesANulInAHeader() throws IOException {
        String r = exchange(post("X-Trace: a\0b\r\nContent-Length: " + SHIPMENT.length() + "\r\n", SHIPMENT), 3000);
        assertRefused("NUL in a header", r, 400);
    }

    @Test
    void refusesAnOverlongUrlWith414() throws IOException {
        String r = exchange("GET /v1/rule-packs?x=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 3000);
        assertRefused("9 KB URL", r, 414);
    }

    @Test
    void refusesOversizedHeadersWith431() throws IOException {
        String r = exchange("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 3000);
        assertRefused("20 KB header", r, 431);
    }

    @Test
    void closesAConnectionWhoseBodyStalls() throws IOException {
        long start = System.nanoTime();
        String r = exchange(post("Content-Length: 1152\r\n", SHIPMENT.substring(0, 32)), 8000);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 7000, "the stalled body was held for " + ms + " ms");
        assertRefused("stalled body", r, 408);
        String metrics = exchange("GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 3000);
        assertTrue(metrics.contains("shipaudit_http_aborted_total{reason=\"body-timeout\"}"), metrics);
    }

    @Test
    void closesAConnectionWhoseHeadersStall() throws IOException {
        long start = System.nanoTime();
        String r = exchange("POST /v1/audits/shipments HTTP/1.1\r\nHost: localhost\r\n", 8000);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 7000, "the stalled headers were held for " + ms + " ms");
        assertRefused("stalled headers", r, 408);
    }
}
