package org.shipaudit.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shipaudit.json.Mappers;
import org.shipaudit.reference.Coverage;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.WriteHealth;

/**
 * GET /health and GET /openapi.yaml. Health is UP, or DEGRADED (still 200: the process is alive and answers audits)
 * with a list of problems while records are being lost.
 */
final class OpsHandlers {

    private final RulePackRegistry packs;
    private final ReferenceIndex reference;
    private final Worker referenceWorker;
    private final WriteHealth writes;
    private final Buffer openApi;

    private final org.shipaudit.cluster.ClusterStatus cluster;

    OpsHandlers(RulePackRegistry packs, ReferenceIndex reference, Worker referenceWorker, WriteHealth writes,
                org.shipaudit.cluster.ClusterStatus cluster) {
        this.cluster = cluster;
        this.packs = packs;
        this.writes = writes;
        this.reference = reference;
        this.referenceWorker = referenceWorker;
        try (InputStream in = OpsHandlers.class.getResourceAsStream("/http/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the jar");
            }
            this.openApi = Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the index's coverage on the bounded reference worker (it touches Lucene), then answers. */
    void health(RoutingContext ctx) {
        referenceWorker.submit(() -> {
            Coverage coverage = reference.coverage();
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("status", coverage.sources().isEmpty() ? "EMPTY" : "LOADED");
            ref.put("bundledOnly", coverage.bundledOnly());
            Map<String, Object> sources = new TreeMap<>();
            for (Coverage.Source s : coverage.sources()) {
                if (!s.id().startsWith("postal:")) {
                    sources.put(s.id(), Map.of("edition", s.edition() == null ? "" : s.edition(), "rows", s.rows(),
                            "bundled", s.bundled()));
                }
            }
            ref.put("sources", sources);
            ref.put("postalCountries", coverage.postalCountries().size());
            Map<String, Object> body = new LinkedHashMap<>();
            List<String> problems = new java.util.ArrayList<>(writes.problems());
            // A pack this node could not bring to the cluster's version, reference editions unlike other nodes'.
            problems.addAll(cluster.problems());
            // Restricted-party lists imported under another name normaliser: screening still runs, matching less well.
            problems.addAll(coverage.problems());
            body.put("status", problems.isEmpty() ? "UP" : "DEGRADED");
            if (!problems.isEmpty()) {
                body.put("problems", problems);
            }
            body.put("rulePacks", packs.versions());
            body.put("reference", ref);
            org.shipaudit.cluster.ClusterStatus.Health nodes = cluster.health();
            if (nodes != null) {
                body.put("cluster", nodes);
            }
            return Buffer.buffer(Mappers.json().writeValueAsBytes(body));
        }).onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    void openApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/yaml").end(openApi);
    }
}
