package org.shipaudit.auth;

import java.util.Set;

/** Who is calling: the key's name (recorded as the author of changes) and its roles. */
public record Principal(String name, Set<Role> roles) {

    /** The caller when authentication is disabled (quick start): may do everything, recorded as "anonymous". */
    public static final Principal ANONYMOUS = new Principal("anonymous", Set.of(Role.ADMIN));

    public boolean has(Role role) {
        return roles.contains(Role.ADMIN) || roles.contains(role);
    }
}
