-- Root-cause analytics (API.md "Analytics", GET /v1/analytics/findings): the dimensions a finding is grouped by are
-- stored with it when it is written, so the grouping is plain portable SQL (no JSON functions, no date functions that
-- differ between H2 and PostgreSQL). week_start is the Monday of the ISO week; lane is "origin>destination", each side
-- the ZIP3 for a US address or the country otherwise. Findings stored before this version have NULLs ("unknown").
ALTER TABLE job_findings ADD COLUMN carrier VARCHAR(32);
ALTER TABLE job_findings ADD COLUMN ship_date DATE;
ALTER TABLE job_findings ADD COLUMN week_start DATE;
ALTER TABLE job_findings ADD COLUMN lane VARCHAR(32);
CREATE INDEX job_findings_rule ON job_findings (job_id, rule_id);

-- One row per finding of a pre-ship decision (the decision itself, in audit_trail, keeps the findings as JSON).
CREATE TABLE audit_findings (
    audit_id   VARCHAR(64)    NOT NULL,
    seq        INT            NOT NULL,
    rule_id    VARCHAR(16)    NOT NULL,
    category   VARCHAR(20)    NOT NULL,
    severity   VARCHAR(10)    NOT NULL,
    amount     DECIMAL(18, 2),
    currency   VARCHAR(3),
    carrier    VARCHAR(32),
    audited_on DATE           NOT NULL,
    week_start DATE           NOT NULL,
    lane       VARCHAR(32),
    PRIMARY KEY (audit_id, seq)
);
CREATE INDEX audit_findings_day ON audit_findings (audited_on);
