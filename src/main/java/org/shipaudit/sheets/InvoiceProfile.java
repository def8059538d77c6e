package org.shipaudit.sheets;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The column layouts an invoice sheet can be read with; {@link #AUTO} picks one from the header. */
public enum InvoiceProfile {
    AUTO("auto"),
    GENERIC("generic"),
    UPS_BILLING("ups-billing"),
    FEDEX_BILLING("fedex-billing");

    private final String id;

    InvoiceProfile(String id) {
        this.id = id;
    }

    /** The name used in the API's {@code profile} field. */
    public String id() {
        return id;
    }

    /** The profile named {@code id} (case-insensitive); a blank name is {@link #AUTO}. */
    public static InvoiceProfile fromId(String id) {
        if (id == null || id.isBlank()) {
            return AUTO;
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (InvoiceProfile p : values()) {
            if (p.id.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + id + "'; use one of "
                + Arrays.stream(values()).map(InvoiceProfile::id).collect(Collectors.joining(", ")));
    }
}
