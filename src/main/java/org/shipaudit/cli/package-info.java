/**
 * Command-line commands (picocli). Each command parses its options and calls one capability; no logic of its own.
 */
package org.shipaudit.cli;
