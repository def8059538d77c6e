package org.shipaudit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits for a service JVM started as a child process to answer {@code GET /health} with 200: {@code bench cluster}'s
 * nodes and the multi-node tests' (ClusterIT's NodeProcess) start and wait the same way.
 */
public final class NodeHealth {

    private NodeHealth() {
    }

    /**
     * Polls {@code health} every 250 ms until it answers 200.
     *
     * @return null once up; otherwise why not ("exited with 1", "not up within PT1M"), for the caller's message
     */
    public static String awaitUp(Process process, URI health, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "exited with " + process.exitValue();
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return null;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return "not up within " + timeout;
    }
}
