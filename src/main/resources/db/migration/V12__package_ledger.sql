-- The package ledger of invoice jobs (issue 13): what each package of an upload was billed, net, by charge type, the
-- credits the carrier gave on it and every claim made on it, so that lines of one tracking number billed batches or
-- chunks apart are netted as one package. Written in the transaction that commits a batch, like its findings, so a
-- job resumed after kill -9 or SIGTERM settles exactly as an uninterrupted one.
CREATE TABLE job_packages (
    job_id          VARCHAR(64)    NOT NULL,
    tracking_number VARCHAR(64)    NOT NULL,
    account_number  VARCHAR(64),
    -- the package's lines added up by charge type: "FREIGHT=12.40 DISCOUNT=-3.10" (types in their enum order)
    billed          VARCHAR(1000)  NOT NULL,
    PRIMARY KEY (job_id, tracking_number)
);
-- Negative lines other than discounts (shipping charge corrections, voids, credits): they pay back claims on lines
-- billed before them.
CREATE TABLE job_package_credits (
    job_id          VARCHAR(64)    NOT NULL,
    tracking_number VARCHAR(64)    NOT NULL,
    row_no          BIGINT         NOT NULL,
    charge_type     VARCHAR(32)    NOT NULL,
    amount          DECIMAL(18, 2) NOT NULL
);
CREATE INDEX job_package_credits_package ON job_package_credits (job_id, tracking_number);
-- Each claim on a package: what the rule claimed (gross) and what is claimed after settlement; seq is the finding's
-- in job_findings, which is corrected in place when a later batch settles the package again.
CREATE TABLE job_package_claims (
    job_id          VARCHAR(64)    NOT NULL,
    seq             BIGINT         NOT NULL,
    tracking_number VARCHAR(64)    NOT NULL,
    row_no          BIGINT         NOT NULL,
    rule_id         VARCHAR(16)    NOT NULL,
    subject         VARCHAR(256),
    charge_type     VARCHAR(32)    NOT NULL,
    gross           DECIMAL(18, 2) NOT NULL,
    currency        VARCHAR(3),
    line_amount     DECIMAL(18, 2),
    expected_amount VARCHAR(64),
    claimed         DECIMAL(18, 2) NOT NULL,
    PRIMARY KEY (job_id, seq)
);
-- Claims of earlier uploads are looked up by tracking number (a package claimed once is not claimed again).
CREATE INDEX job_package_claims_tracking ON job_package_claims (tracking_number);
CREATE INDEX job_package_claims_package ON job_package_claims (job_id, tracking_number);
