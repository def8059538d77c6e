/**
 * Reference data: importers for the official tariff, dangerous-goods, postal and ISO files, the one Lucene index
 * they feed, and {@link org.shipaudit.reference.ReferenceIndex}, the thread-safe read side. Lucene stays in here.
 */
package org.shipaudit.reference;
