/**
 * The audit of a shipment: facts from the input (and, when loaded, the reference index), evaluation by every active
 * pack, and the result with its verdict. Synchronous and CPU-bound: callers run it on a worker pool.
 */
package org.shipaudit.audit;
