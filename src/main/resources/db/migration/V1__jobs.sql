-- Jobs, their row errors and findings, and the history of billed charges (for duplicates across uploads).
-- Portable SQL (H2 in PostgreSQL mode here; PostgreSQL for a multi-node deployment).
CREATE TABLE jobs (
    id                VARCHAR(40)    PRIMARY KEY,
    kind              VARCHAR(20)    NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    file_name         VARCHAR(512)   NOT NULL,
    stored_file       VARCHAR(1024)  NOT NULL,
    file_sha256       VARCHAR(64)    NOT NULL,
    file_size         BIGINT         NOT NULL,
    profile           VARCHAR(40)    NOT NULL,
    rows_total        BIGINT,
    rows_done         BIGINT         NOT NULL DEFAULT 0,
    findings          BIGINT         NOT NULL DEFAULT 0,
    disputable_amount DECIMAL(18, 2) NOT NULL DEFAULT 0,
    currency          VARCHAR(3)     NOT NULL DEFAULT 'USD',
    attempts          INT            NOT NULL DEFAULT 0,
    failure           VARCHAR(2000),
    submitted_by      VARCHAR(128),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX jobs_status ON jobs (status, created_at);

CREATE TABLE job_errors (
    job_id      VARCHAR(40)   NOT NULL,
    row_no      BIGINT        NOT NULL,
    column_name VARCHAR(256),
    message     VARCHAR(2000) NOT NULL
);
CREATE INDEX job_errors_job ON job_errors (job_id, row_no);

CREATE TABLE job_findings (
    job_id       VARCHAR(40)    NOT NULL,
    seq          BIGINT         NOT NULL,
    row_no       BIGINT         NOT NULL,
    rule_id      VARCHAR(16)    NOT NULL,
    pack         VARCHAR(64)    NOT NULL,
    pack_version VARCHAR(32)    NOT NULL,
    category     VARCHAR(20)    NOT NULL,
    severity     VARCHAR(10)    NOT NULL,
    subject      VARCHAR(256),
    message      VARCHAR(4000)  NOT NULL,
    evidence     VARCHAR(8000),
    amount       DECIMAL(18, 2),
    currency     VARCHAR(3),
    suggestion   VARCHAR(2000),
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX job_findings_row ON job_findings (job_id, row_no);

-- Every charge billed, so a tracking number billed twice for transportation is found within a file and across uploads.
CREATE TABLE billed_charges (
    job_id          VARCHAR(40)    NOT NULL,
    row_no          BIGINT         NOT NULL,
    tracking_number VARCHAR(64)    NOT NULL,
    invoice_number  VARCHAR(64),
    carrier         VARCHAR(32),
    charge_type     VARCHAR(32)    NOT NULL,
    amount          DECIMAL(18, 2),
    ship_date       DATE
);
CREATE INDEX billed_charges_tracking ON billed_charges (tracking_number, charge_type);
CREATE INDEX billed_charges_job ON billed_charges (job_id, row_no);
