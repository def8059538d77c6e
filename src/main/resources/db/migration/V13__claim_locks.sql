-- Claims across uploads (issue 13): a checkpoint settling packages of an account locks the account's stripe here
-- (SELECT ... FOR UPDATE, in the transaction that writes its claims), then reads the claims every other upload has
-- committed for them. Two uploads of one invoice audited at the same moment thus settle one after the other and
-- never both claim a package. A fixed set of rows (an account's stripe is its number's hash modulo 64): nothing is
-- inserted at run time, so two first checkpoints of a new account cannot race to create its lock. Portable SQL.
CREATE TABLE claim_locks (
    stripe INT PRIMARY KEY
);
INSERT INTO claim_locks (stripe) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13),
    (14), (15), (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32),
    (33), (34), (35), (36), (37), (38), (39), (40), (41), (42), (43), (44), (45), (46), (47), (48), (49), (50), (51),
    (52), (53), (54), (55), (56), (57), (58), (59), (60), (61), (62), (63);
