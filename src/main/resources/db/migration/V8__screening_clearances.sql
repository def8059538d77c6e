-- Restricted-party clearances (API.md "Restricted-party screening"): a compliance officer's decision that a party is
-- not the listed entry it matched. Rows are never deleted: removing a clearance stamps removed_at/removed_by, so the
-- table is also the audit of who cleared what, when and why. party_key is the party's name as screening normalises it.
CREATE TABLE screening_clearances (
    id VARCHAR(40) PRIMARY KEY,
    party_key VARCHAR(512) NOT NULL,
    party_country VARCHAR(2),
    party_json VARCHAR(4000) NOT NULL,
    list_name VARCHAR(16) NOT NULL,
    entry_id VARCHAR(64) NOT NULL,
    reason VARCHAR(2000) NOT NULL,
    cleared_by VARCHAR(128) NOT NULL,
    cleared_at TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_by VARCHAR(128),
    removed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX screening_clearances_entry ON screening_clearances (list_name, entry_id);
