/**
 * Restricted-party screening: name normalisation, phonetic keys and Jaro-Winkler scoring of a party against the
 * OFAC, UN and BIS list entries held in the reference index, and the Lucene retrieval of candidates. Importers of the
 * lists live in {@code reference}; what a match means for a shipment is decided by the {@code screening} rule pack.
 */
package org.shipaudit.reference.screening;
