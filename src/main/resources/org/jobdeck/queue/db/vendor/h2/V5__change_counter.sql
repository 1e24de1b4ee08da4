-- H2's change stamps: one row, incremented (and so locked until commit) by each transaction that
-- changes runs, so stamps become visible in the order they were taken.
CREATE TABLE jd_change_counter (
    id     INT    PRIMARY KEY,
    stamp  BIGINT NOT NULL
);
INSERT INTO jd_change_counter (id, stamp) VALUES (1, 0);
