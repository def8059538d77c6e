-- Transportation charges per job by outcome of the published-rate check (RAT-002): rated within, above, or not rated
-- and why (no table, no edition in force on the ship date, no rate for the cell...), so a check that could not run
-- says so on the Job (publishedRateChecks) instead of passing for a clean bill.
CREATE TABLE job_rate_checks (
    job_id   VARCHAR(64)  NOT NULL,
    outcome  VARCHAR(32)  NOT NULL,
    lines    BIGINT       NOT NULL,
    PRIMARY KEY (job_id, outcome)
);
