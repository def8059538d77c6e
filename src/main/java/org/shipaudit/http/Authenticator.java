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
        return check(null);
    }

    /** A valid key that has {@code role}. */
    PlatformHandler require(Role role) {
        return check(java.util.Objects.requireNonNull(role, "role; use requireAnyRole() for any valid key"));
    }

    /**
     * A platform handler, so it runs before the body is read: an unauthenticated upload is refused unread.
     *
     * @param role the role the route needs, or null for any valid key
     */
    private PlatformHandler check(Role role) {
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
            if (role != null && !who.get().has(role)) {
                Problems.send(ctx, Problem.of(403, "forbidden", "Forbidden",
                        "key '" + who.get().name() + "' lacks the role " + role.wireName()));
                return;
            }
            ctx.put(PRINCIPAL, who.get());
            ctx.next();
        };
    }
}
