/**
 * Look-ups and normalisers the fact builders use (country, business and hazmat names, carrier holidays and services,
 * the exchange rate in force); no rule names them.
 */
package org.shipaudit.model.lookup;
