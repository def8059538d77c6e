/**
 * Bulk jobs: an upload is stored durably before it is acknowledged, queued in the database, run by workers with
 * checkpointed progress, and resumed from its last checkpoint after a crash, so findings are never lost or doubled.
 */
package org.shipaudit.jobs;
