-- Every visible change of a run stamps it with its transaction's change stamp, by which the change
-- feed reads changes in commit order (issue 13): on PostgreSQL the transaction's id, read against
-- snapshots; on H2 a counter taken in commit order (V5). It replaces reading by updated_at with an
-- overlap, which missed changes between processes whose clocks differ.
ALTER TABLE jd_run ADD COLUMN change_stamp BIGINT NOT NULL DEFAULT 0;
CREATE INDEX jd_run_change ON jd_run (change_stamp, id);
DROP INDEX jd_run_updated;
