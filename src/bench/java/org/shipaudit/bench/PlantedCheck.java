package org.shipaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.shipaudit.json.Mappers;

/**
 * Before a run is timed, sends every distinct generated shipment once (over the route the run drives) and checks that
 * each planted mistake came back reported by its rule on {@code packages[0]}: a bench whose audits stopped finding
 * anything would otherwise look fast. Sequential and untimed; the JDK client, since the load generator's transport
 * counts statuses only.
 */
public final class PlantedCheck {

    /**
     * @param planted shipments sent with a planted mistake
     * @param found   of those, how many came back with the mistake's rule on packages[0]
     * @param missed  up to five that did not, as "shipment id: mistake"
     * @param failed  requests that did not answer 200 (or a batch place that held errors instead of a result)
     */
    public record Result(int shipments, int planted, int found, List<String> missed, int failed) {
        public boolean ok() {
            return found == planted && failed == 0;
        }

        String describe() {
            return String.format("%d of %d planted mistakes reported by their rule, %d request(s) failed (%d shipments)",
                    found, planted, failed, shipments) + (missed.isEmpty() ? "" : "; missed " + missed);
        }
    }

    private PlantedCheck() {
    }

    /** Sends {@code audit}'s bodies once each to {@code baseUrl}; {@code shipments} are what they carry, in order. */
    public static Result run(String baseUrl, String apiKey, Target audit, List<GeneratedShipment> shipments)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<JsonNode> results = new ArrayList<>(shipments.size());
        int failed = 0;
        for (byte[] body : audit.bodies()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + audit.path()))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                failed++;
                continue;
            }
            JsonNode json = Mappers.json().readTree(response.body());
            if (json.has("results")) {
                json.get("results").forEach(results::add);
            } else {
                results.add(json);
            }
        }
        int planted = 0;
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < shipments.size(); i++) {
            GeneratedShipment g = shipments.get(i);
            JsonNode r = i < results.size() && results.get(i).path("shipmentId").asText().equals(g.shipment().id())
                    ? results.get(i) : null;
            if (r != null && r.has("errors")) {
                failed++;
                continue;
            }
            if (g.mistake() == null) {
                continue;
            }
            planted++;
            boolean reported = false;
            if (r != null) {
                for (JsonNode f : r.path("findings")) {
                    reported |= g.mistake().ruleIds().contains(f.path("ruleId").asText())
                            && f.path("subject").asText().startsWith("packages[0]");
                }
            }
            if (reported) {
                found++;
            } else if (missed.size() < 5) {
                missed.add(g.shipment().id() + ": " + g.mistake());
            }
        }
        return new Result(shipments.size(), planted, found, List.copyOf(missed), failed);
    }
}
