package org.shipaudit.reference.screening;

/** The restricted-party lists ShipAudit imports, with the index source id and the authority each one rests on. */
public enum SanctionsList {
    OFAC_SDN("OFAC Specially Designated Nationals and Blocked Persons List",
            "31 CFR chapter V (31 CFR 501 reporting and blocking; OFAC SDN list)"),
    UN_SC("UN Security Council Consolidated List",
            "UN Security Council sanctions resolutions (Consolidated List); UN Charter art. 41"),
    BIS_DPL("BIS Denied Persons List", "15 CFR 764.3(a)(2) and 15 CFR 744 (EAR denial orders), BIS Denied Persons List");

    private final String title;
    private final String authority;

    SanctionsList(String title, String authority) {
        this.title = title;
        this.authority = authority;
    }

    public String title() {
        return title;
    }

    public String authority() {
        return authority;
    }

    /** The reference index source id: "sanctions:OFAC_SDN". */
    public String source() {
        return "sanctions:" + name();
    }

    public static SanctionsList parse(String s) {
        if (s == null) {
            return null;
        }
        for (SanctionsList l : values()) {
            if (l.name().equalsIgnoreCase(s.trim())) {
                return l;
            }
        }
        return null;
    }
}
