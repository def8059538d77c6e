/** Configuration: defaults, then a JSON/YAML file, then SHIPAUDIT_* environment variables, then flags; checked at start. */
package org.shipaudit.config;
