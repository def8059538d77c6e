package org.shipaudit.http;

import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Optional;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.auth.Principal;
import org.shipaudit.auth.Role;

/** Checks {@code Authorization: Bearer <key>} and the route's role: 401 without a valid key, 403 without the role. */
final class Authenticator {

    static final String PRINCIPAL = "principal";

    private final boolean enabled;
    private final ApiKeys keys;

    Authenticator(boolean enabled, ApiKeys keys) {
        this.enabled = enabled;
        this.keys = keys;
    }

    /** Any valid key, whatever its roles (reading rule packs). */
    PlatformHandler requireAnyRole() {
        return check();
    }

    /** A valid key that has {@code role}. */
    PlatformHandler require(Role role) {
        return check(java.util.Objects.requireNonNull(role, "role; use requireAnyRole() for any valid key"));
    }

    /**
     * GET /v1/me: who the key belongs to and its roles, and whether authentication is on at all, so a client (the
     * console) shows only what the key may do and says when anyone may do anything.
     */
    void whoAmI(io.vertx.ext.web.RoutingContext ctx) {
        Principal who = ctx.get(PRINCIPAL);
        io.vertx.core.json.JsonObject out = new io.vertx.core.json.JsonObject()
                .put("name", who.name())
                .put("roles", new io.vertx.core.json.JsonArray(who.roles().stream().map(Role::wireName).sorted().toList()))
                .put("authEnabled", enabled);
        Responses.json(ctx, 200, out.toBuffer());
    }

    /** For a route any one of several roles may use. */
    PlatformHandler requireAny(Role first, Role... more) {
        Role[] anyOf = new Role[more.length + 1];
        anyOf[0] = first;
        System.arraycopy(more, 0, anyOf, 1, more.length);
        return check(anyOf);
    }

    /**
     * The check itself, a platform handler so it runs before the body is read: an unauthenticated upload is refused
     * unread. No roles given: any valid key.
     */
    private PlatformHandler check(Role... anyOf) {
        boolean anyRole = anyOf.length == 0;
        return ctx -> {
            if (!enabled) {
                ctx.put(PRINCIPAL, Principal.ANONYMOUS);
                ctx.next();
                return;
            }
            String header = ctx.request().getHeader("Authorization");
            Optional<Principal> who = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? keys.authenticate(header.substring(7).trim()) : Optional.empty();
            if (who.isEmpty()) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                Problems.send(ctx, Problem.of(401, "unauthorized", "Unauthorized",
                        header == null ? "an API key is required: Authorization: Bearer <key>" : "the API key is not valid"));
                return;
            }
            if (!anyRole && java.util.Arrays.stream(anyOf).noneMatch(who.get()::has)) {
                Problems.send(ctx, Problem.of(403, "forbidden", "Forbidden",
                        "key '" + who.get().name() + "' lacks the role " + java.util.Arrays.stream(anyOf)
                                .map(Role::wireName).collect(java.util.stream.Collectors.joining(" or "))));
                return;
            }
            ctx.put(PRINCIPAL, who.get());
            ctx.next();
        };
    }
}
