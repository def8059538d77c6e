package org.shipaudit.reference.screening;

/** What a name is known to be, which decides how "LAST, First" is read and which tokens are core. */
public enum NameForm {
    /** A person: "LAST, First Middle" is turned round; the first given name and the surname are core. */
    INDIVIDUAL,
    /** A company, organisation, vessel or aircraft: never turned round; every token is core. */
    ENTITY,
    /** Unknown (a party on a shipment): turned round when the part after the comma is not a corporate form. */
    UNKNOWN
}
