/** The one configured Jackson setup (JSON and YAML) used everywhere, so every surface parses and prints alike. */
package org.shipaudit.json;
