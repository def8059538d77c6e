package org.shipaudit.reference;

/**
 * A problem or correction found in one field of an address; {@code field} uses the Address property name, {@code code}
 * says what it is (for rules and callers), {@code message} says it for people.
 */
public record AddressIssue(String field, AddressIssueCode code, String message) {
}
