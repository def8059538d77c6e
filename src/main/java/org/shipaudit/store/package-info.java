/** Durable storage under the data directory: rule-pack versions and their history (jobs and findings come later). */
package org.shipaudit.store;
