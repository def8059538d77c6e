/** API keys and roles: keys are stored as SHA-256 hashes, never in clear; a key is shown once when created. */
package org.shipaudit.auth;
