package org.shipaudit.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.shipaudit.json.Mappers;
import org.shipaudit.rules.RulePackRegistry;

/** GET /health and GET /openapi.yaml: cheap answers straight from the event loop (nothing here blocks). */
final class OpsHandlers {

    private final RulePackRegistry packs;
    private final Buffer openApi;

    OpsHandlers(RulePackRegistry packs) {
        this.packs = packs;
        try (InputStream in = OpsHandlers.class.getResourceAsStream("/http/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the jar");
            }
            this.openApi = Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void health(RoutingContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("rulePacks", packs.versions());
        body.put("reference", Map.of("status", "NOT_LOADED"));
        try {
            Responses.json(ctx, 200, Buffer.buffer(Mappers.json().writeValueAsBytes(body)));
        } catch (IOException e) {
            Problems.fail(ctx, e);
        }
    }

    void openApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/yaml").end(openApi);
    }
}
