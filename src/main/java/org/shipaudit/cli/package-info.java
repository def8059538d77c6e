/** Command-line commands: serve, audit, rules test, keys. Each has --help. */
package org.shipaudit.cli;
