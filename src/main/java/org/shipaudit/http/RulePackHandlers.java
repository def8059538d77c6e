package org.shipaudit.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.shipaudit.auth.Principal;
import org.shipaudit.json.Mappers;
import org.shipaudit.rules.PackUpload;
import org.shipaudit.rules.RuleInfo;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackService;
import org.shipaudit.store.PackVersion;

/**
 * The rule-pack routes of API.md: list, details, history, stored versions, validate, deploy, roll back, reload.
 * Everything that compiles or touches disk runs on the rules worker; the compiles themselves then wait for the rules
 * package's single low-priority build thread, so reads of packs are never queued behind a deploy.
 */
final class RulePackHandlers {

    private final RulePackService service;
    private final Worker worker;
    private final ObjectMapper json = Mappers.json();

    /** How long a deploy or rollback answer waits for the other nodes to run the new version (API: within 2 s). */
    static final java.time.Duration ROLLOUT_WAIT = java.time.Duration.ofSeconds(2);

    private final org.shipaudit.cluster.ClusterStatus cluster;

    RulePackHandlers(RulePackService service, Worker worker, org.shipaudit.cluster.ClusterStatus cluster) {
        this.service = service;
        this.worker = worker;
        this.cluster = cluster;
    }

    /**
     * The activation as answered, plus {@code nodes} on a shared database: which live nodes run the new version, which
     * have not yet, and which could not compile it (they keep the old one).
     */
    private Object withRollout(PackVersion record) {
        org.shipaudit.cluster.ClusterStatus.Rollout rollout = cluster.rollout(record.pack(), record.version(),
                ROLLOUT_WAIT);
        if (rollout == null) {
            return record;
        }
        Map<String, Object> answer = json.convertValue(record, new com.fasterxml.jackson.core.type.TypeReference<
                java.util.LinkedHashMap<String, Object>>() { });
        answer.put("nodes", rollout);
        return answer;
    }

    void list(RoutingContext ctx) {
        respond(ctx, 200, () -> {
            List<Map<String, Object>> packs = new ArrayList<>();
            for (RulePack p : service.registry().snapshot().values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                m.put("version", p.version());
                m.put("rules", p.findingRules().size());
                PackVersion a = service.activation(p.name()).orElse(null);
                m.put("activatedAt", a == null ? null : a.at());
                m.put("activatedBy", a == null ? null : a.author());
                packs.add(m);
            }
            return packs;
        });
    }

    void details(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        respond(ctx, 200, () -> {
            RulePack p = service.active(name);
            PackVersion a = service.activation(name).orElse(null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("version", p.version());
            m.put("contentHash", p.contentHash());
            m.put("owner", p.manifest().owner());
            m.put("summary", p.manifest().summary());
            m.put("activatedAt", a == null ? null : a.at());
            m.put("activatedBy", a == null ? null : a.author());
            m.put("message", a == null ? null : a.message());
            m.put("files", fileList(p.files().files()));
            List<Map<String, Object>> rules = new ArrayList<>();
            for (RuleInfo r : p.rules()) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("id", r.id());
                rm.put("name", r.name());
                rm.put("description", r.description());
                rm.put("source", r.source());
                rm.put("file", r.file());
                rules.add(rm);
            }
            m.put("rules", rules);
            m.put("tables", p.generatedDrl());
            return m;
        });
    }

    void history(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        respond(ctx, 200, () -> {
            List<PackVersion> h = new ArrayList<>(service.history(name));
            java.util.Collections.reverse(h);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pack", name);
            m.put("active", service.registry().snapshot().containsKey(name) ? service.active(name).version() : null);
            m.put("versions", h);
            return m;
        });
    }

    void version(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String version = ctx.pathParam("version");
        respond(ctx, 200, () -> Map.of("pack", name, "version", version,
                "files", fileList(service.versionFiles(name, version))));
    }

    void versionFile(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String version = ctx.pathParam("version");
        String path = ctx.pathParam("*");
        worker.submit(() -> {
            byte[] bytes = service.versionFiles(name, version).get(path);
            if (bytes == null) {
                throw new org.shipaudit.rules.PackChangeRefused(org.shipaudit.rules.PackChangeRefused.Reason.NOT_FOUND,
                        "version " + version + " of pack '" + name + "' has no file " + path);
            }
            return Buffer.buffer(bytes);
        }).onSuccess(b -> ctx.response().putHeader("Content-Type", path.endsWith(".xlsx")
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/plain; charset=utf-8")
                .end(b)).onFailure(e -> Problems.fail(ctx, e));
    }

    void validate(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        PendingUpload upload = PendingUpload.of(ctx);
        respond(ctx, 200, () -> service.validate(name, upload.read()));
    }

    void deploy(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        PendingUpload upload = PendingUpload.of(ctx);
        Principal who = ctx.get(Authenticator.PRINCIPAL);
        String message = ctx.request().getFormAttribute("message");
        String base = ctx.request().getFormAttribute("baseVersion");
        respond(ctx, 200, () -> withRollout(service.deploy(name, upload.read(), who.name(),
                message == null || message.isBlank() ? "(no message)" : message, base)));
    }

    void rollback(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Principal who = ctx.get(Authenticator.PRINCIPAL);
        Buffer body = ctx.body().buffer();
        respond(ctx, 200, () -> {
            RollbackRequest req = RollbackRequest.parse(json, body == null ? null : body.getBytes());
            return withRollout(service.rollback(name, req.version(), who.name(), req.message()));
        });
    }

    void reload(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Principal who = ctx.get(Authenticator.PRINCIPAL);
        respond(ctx, 200, () -> service.reload(name, who.name()));
    }

    private void respond(RoutingContext ctx, int status, Callable<Object> work) {
        worker.submit(() -> Buffer.buffer(json.writeValueAsBytes(work.call())))
                .onSuccess(b -> Responses.json(ctx, status, b))
                .onFailure(e -> Problems.fail(ctx, e));
    }

    private static List<Map<String, Object>> fileList(Map<String, byte[]> files) throws Exception {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            list.add(Map.of("path", f.getKey(), "size", f.getValue().length, "sha256",
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.getValue()))));
        }
        return list;
    }

    /**
     * The uploaded candidate, captured on the event loop (names, temp paths, form fields) and read on the worker.
     * Each file part's name is its path inside the pack; a plain form field whose name is such a path counts too,
     * so {@code curl -F 'drl/x.drl=<x.drl'} works as well as {@code -F 'drl/x.drl=@x.drl'}.
     */
    record PendingUpload(Map<String, FileUpload> tempFiles, Map<String, String> textParts, boolean replace,
                         Set<String> deletes) {

        static PendingUpload of(RoutingContext ctx) {
            Map<String, FileUpload> temp = new TreeMap<>();
            for (FileUpload f : ctx.fileUploads()) {
                temp.put(f.name(), f);
            }
            MultiMap form = ctx.request().formAttributes();
            Map<String, String> text = new TreeMap<>();
            for (String field : form.names()) {
                if (field.contains("/") || field.equals("pack.yaml") || field.equals("CHANGELOG.md")) {
                    text.put(field, form.get(field));
                }
            }
            return new PendingUpload(temp, text, "true".equalsIgnoreCase(form.get("replace")),
                    new LinkedHashSet<>(form.getAll("delete")));
        }

        PackUpload read() throws java.io.IOException {
            Map<String, byte[]> files = new TreeMap<>();
            for (Map.Entry<String, FileUpload> e : tempFiles.entrySet()) {
                Path temp = Path.of(e.getValue().uploadedFileName());
                // A file cut short by a full disk would be deployed truncated: refused as 507 instead.
                Uploads.requireWhole(temp, e.getValue().size(), e.getKey());
                files.put(e.getKey(), Files.readAllBytes(temp));
            }
            textParts.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
            return new PackUpload(files, replace, deletes);
        }
    }
}
