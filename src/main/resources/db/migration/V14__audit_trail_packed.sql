-- The decision trail keeps a new decision as one compact value: the answer's and the shipment's JSON deflated together
-- (see store.PackedDecision), about a sixth of the two CLOBs, so H2 writes (and rewrites) far fewer pages per decision.
-- Decisions kept before this version keep their two texts and are read as they are; new rows leave them NULL.
ALTER TABLE audit_trail ADD COLUMN packed VARBINARY;
ALTER TABLE audit_trail ALTER COLUMN result_json DROP NOT NULL;
ALTER TABLE audit_trail ALTER COLUMN shipment_json DROP NOT NULL;
