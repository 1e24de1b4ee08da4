-- Schedules (issue 14): group enqueues on cron, stored beside the runs so that every process sees
-- the same ones. A slot fires exactly once because its fire record is inserted, under the primary
-- key (schedule, slot), in the same transaction as the batch it enqueues.
CREATE TABLE jd_schedule (
    name              VARCHAR(64)    PRIMARY KEY,
    -- The schedule as its file entry (core.schedule.ScheduleWriter.fileEntry), pause included.
    definition        VARCHAR(65536) NOT NULL,
    -- Slots before this instant are not this definition's: created, resumed or redefined then.
    since             BIGINT         NOT NULL,
    created_at        BIGINT         NOT NULL,
    updated_at        BIGINT         NOT NULL,
    -- The only-if-changed probe's result at the last enqueue, and that batch.
    last_fingerprint  VARCHAR(4000),
    fingerprint_batch BIGINT,
    version           BIGINT         NOT NULL DEFAULT 0
);

CREATE TABLE jd_schedule_fire (
    schedule_name  VARCHAR(64)   NOT NULL,
    -- The slot, epoch ms: its key.
    slot           BIGINT        NOT NULL,
    fired_at       BIGINT        NOT NULL,
    outcome        VARCHAR(16)   NOT NULL,
    batch_id       BIGINT,
    reason         VARCHAR(2000),
    -- A row that stands for many missed slots (a long downtime): how many, from slot to last_slot.
    slot_count     BIGINT        NOT NULL DEFAULT 1,
    last_slot      BIGINT,
    -- 'cron' for a slot of the schedule, 'manual' for a run by hand (keyed by its moment).
    fire_trigger   VARCHAR(8)    NOT NULL DEFAULT 'cron',
    PRIMARY KEY (schedule_name, slot)
);

-- Where a batch came from: an enqueue, a schedule's slot, or a schedule run by hand.
ALTER TABLE jd_batch ADD COLUMN origin_kind VARCHAR(16) NOT NULL DEFAULT 'enqueue';
ALTER TABLE jd_batch ADD COLUMN origin_schedule VARCHAR(64);
ALTER TABLE jd_batch ADD COLUMN origin_slot BIGINT;
CREATE INDEX jd_batch_schedule ON jd_batch (origin_schedule, id);

-- Things done once per database, such as creating the built-in catalog's example schedules: a
-- schedule the operator removed does not come back.
CREATE TABLE jd_marker (
    name        VARCHAR(64) PRIMARY KEY,
    created_at  BIGINT      NOT NULL
);
