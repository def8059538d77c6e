-- The decision trail: every pre-ship audit as decided (API.md "Additions (round 2)"), so a verdict can be shown later
-- with the shipment as sent and the pack versions that judged it. Rows older than audit.retention-days are deleted.
CREATE TABLE audit_trail (
    audit_id VARCHAR(64) PRIMARY KEY,
    shipment_id VARCHAR(128),
    verdict VARCHAR(8) NOT NULL,
    caller VARCHAR(128) NOT NULL,
    audited_at TIMESTAMP WITH TIME ZONE NOT NULL,
    result_json CLOB NOT NULL,
    shipment_json CLOB NOT NULL
);
CREATE INDEX audit_trail_shipment ON audit_trail (shipment_id, audited_at);
CREATE INDEX audit_trail_time ON audit_trail (audited_at);
