package org.shipaudit.reference;

/** A problem or correction found in one field of an address; {@code field} uses the Address property name. */
public record AddressIssue(String field, String message) {
}
