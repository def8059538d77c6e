-- Chunked jobs (issue 18): a large upload is split into chunks, each a job row of its own that any node claims under
-- its own lease; the parent is assembled when its last chunk is done. Portable SQL (H2 and PostgreSQL).
-- parent_id: the upload's job, for a chunk; chunk_index orders the chunks (their findings' seq starts at
-- chunk_index * 10^9, so the parent's findings sort as in a single run); chunk_first_row..chunk_last_row are the
-- sheet rows a chunk audits; for a CSV upload chunk_start_char and chunk_start_line say where its first row starts
-- in the decoded text, so the chunk is read from there (a workbook's chunk reads past the rows before it); chunks is
-- how many a split parent has (0: the job audits its rows itself).
ALTER TABLE jobs ADD COLUMN parent_id VARCHAR(40);
ALTER TABLE jobs ADD COLUMN chunk_index INT;
ALTER TABLE jobs ADD COLUMN chunk_first_row BIGINT;
ALTER TABLE jobs ADD COLUMN chunk_last_row BIGINT;
ALTER TABLE jobs ADD COLUMN chunk_start_char BIGINT;
ALTER TABLE jobs ADD COLUMN chunk_start_line BIGINT;
ALTER TABLE jobs ADD COLUMN chunks INT NOT NULL DEFAULT 0;
CREATE INDEX jobs_parent ON jobs (parent_id);

-- Every invoice job bills all of its transportation charges into the history in one first pass, then takes the next
-- seal: a job sees the charges of its own earlier rows and of every job with a smaller seal, whichever node or chunk
-- audits them and whenever, so a duplicate across chunks or uploads is found exactly once, by the later of the two.
-- Seals are handed out under the one row of billed_seals, so they commit in their order; -1 marks a staging begun
-- (its rows are removed before it starts again). Jobs already done keep their history visible to all (seal 0); the
-- others bill their file again when they resume, after what their checkpoints billed is removed.
ALTER TABLE jobs ADD COLUMN billed_seal BIGINT;
UPDATE jobs SET billed_seal = 0 WHERE status = 'DONE';
UPDATE jobs SET billed_seal = -1 WHERE status <> 'DONE';
CREATE TABLE billed_seals (
    id        INT    PRIMARY KEY,
    last_seal BIGINT NOT NULL
);
INSERT INTO billed_seals (id, last_seal) VALUES (1, 0);

-- The tracking-number stripes a batch locked while it read and wrote the history (V9): the seals replace them.
DROP TABLE billed_charge_stripes;

-- API keys of nodes sharing the database (auth.ApiKeys.Shared): a key made on one node works on all, a revoked one
-- on none. Only the key's SHA-256 is kept; roles are their wire names, comma-separated; created an ISO instant.
CREATE TABLE api_keys (
    name    VARCHAR(128) PRIMARY KEY,
    sha256  VARCHAR(64)  NOT NULL,
    roles   VARCHAR(256) NOT NULL,
    created VARCHAR(40)
);
