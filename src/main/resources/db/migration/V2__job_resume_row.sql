-- rows_done counts the data rows audited (what clients see); last_row is the sheet row a resumed job starts after.
ALTER TABLE jobs ADD COLUMN last_row BIGINT NOT NULL DEFAULT 0;
UPDATE jobs SET last_row = rows_done;
