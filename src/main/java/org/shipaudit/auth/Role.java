package org.shipaudit.auth;

import java.util.Locale;

/** What a key may do (API.md): audits and look-ups, jobs, rule authoring; admin may do everything. */
public enum Role {
    AUDITOR, FINANCE, RULE_AUTHOR, ADMIN;

    /** The role as written in API.md and the keys file: {@code rule-author}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Role fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
