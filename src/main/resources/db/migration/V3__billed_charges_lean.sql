-- The billed-charge history is read by tracking number only; the per-job index cost every insert and served no query.
DROP INDEX billed_charges_job;
