/**
 * Several nodes on one shared database: each node's heartbeat and what it runs (reference editions, rule-pack
 * versions), the cluster's view of them for /health, and how far a deploy has reached.
 */
package org.shipaudit.cluster;
