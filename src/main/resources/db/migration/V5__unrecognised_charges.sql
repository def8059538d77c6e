-- Charge descriptions the carrier taxonomy did not know, per job: counted and listed on the Job (API.md round 2,
-- unrecognisedCharges) so that a new carrier wording is added to the taxonomy instead of passing as "other".
CREATE TABLE job_unrecognised_charges (
    job_id      VARCHAR(64)   NOT NULL,
    carrier     VARCHAR(32)   NOT NULL,
    description VARCHAR(512)  NOT NULL,
    lines       BIGINT        NOT NULL,
    PRIMARY KEY (job_id, carrier, description)
);
