package org.shipaudit.reference.screening;

/**
 * How the list marks a name: the listed name, a.k.a. (also known as), f.k.a. (formerly), n.k.a. (now known as), or a
 * weak alias (OFAC's "weak a.k.a." written in the remarks; the UN's QUALITY "Low"). OFAC says a weak alias alone is
 * less likely to identify the party, so a match on one is at most a possible match.
 */
public enum AliasQuality {
    PRIMARY, AKA, FKA, NKA, WEAK;

    public boolean weak() {
        return this == WEAK;
    }
}
