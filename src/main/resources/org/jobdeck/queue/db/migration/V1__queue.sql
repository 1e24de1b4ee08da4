-- Jobdeck queue schema. Portable between H2 2.x and PostgreSQL 12+: times are epoch
-- milliseconds in BIGINT columns, states are lowercase names, ids come from sequences.

CREATE SEQUENCE jd_batch_seq START WITH 1;
CREATE SEQUENCE jd_run_seq START WITH 1;

CREATE TABLE jd_batch (
    id            BIGINT        PRIMARY KEY,
    scope         VARCHAR(16)   NOT NULL,
    scope_value   VARCHAR(4000),
    requested_by  VARCHAR(200)  NOT NULL,
    created_at    BIGINT        NOT NULL,
    -- A client's key for this enqueue: a repeat with the same key returns this batch.
    idempotency_key VARCHAR(200)
);

CREATE UNIQUE INDEX jd_batch_idempotency ON jd_batch (idempotency_key);

CREATE TABLE jd_run (
    id                BIGINT         PRIMARY KEY,
    batch_id          BIGINT         NOT NULL REFERENCES jd_batch (id),
    job_name          VARCHAR(200)   NOT NULL,
    job_group         VARCHAR(200)   NOT NULL,
    position          INT            NOT NULL,
    state             VARCHAR(16)    NOT NULL,
    attempt           INT            NOT NULL DEFAULT 0,
    max_attempts      INT            NOT NULL,
    attempt_budget    INT            NOT NULL,
    retry_delay_ms    BIGINT         NOT NULL,
    timeout_ms        BIGINT         NOT NULL DEFAULT 0,
    pending_upstream  INT            NOT NULL,
    downstream_count  INT            NOT NULL,
    params            VARCHAR(65536) NOT NULL,
    created_at        BIGINT         NOT NULL,
    started_at        BIGINT         NOT NULL DEFAULT 0,
    finished_at       BIGINT         NOT NULL DEFAULT 0,
    run_after         BIGINT         NOT NULL DEFAULT 0,
    error             VARCHAR(8000),
    blocked_by        BIGINT,
    lease_owner       VARCHAR(200),
    lease_expires_at  BIGINT         NOT NULL DEFAULT 0,
    cancel_requested  BOOLEAN        NOT NULL DEFAULT FALSE,
    progress_done     BIGINT         NOT NULL DEFAULT 0,
    progress_total    BIGINT         NOT NULL DEFAULT 0,
    progress_message  VARCHAR(500),
    updated_at        BIGINT         NOT NULL,
    version           BIGINT         NOT NULL DEFAULT 0
);

CREATE INDEX jd_run_claim ON jd_run (state, id);
CREATE INDEX jd_run_batch ON jd_run (batch_id, position);
CREATE INDEX jd_run_updated ON jd_run (updated_at);
CREATE INDEX jd_run_lease ON jd_run (state, lease_expires_at);

-- run_id waits for upstream_id; both runs belong to batch_id.
CREATE TABLE jd_run_dependency (
    run_id       BIGINT NOT NULL REFERENCES jd_run (id),
    upstream_id  BIGINT NOT NULL REFERENCES jd_run (id),
    batch_id     BIGINT NOT NULL,
    PRIMARY KEY (run_id, upstream_id)
);

CREATE INDEX jd_run_dependency_upstream ON jd_run_dependency (upstream_id);
CREATE INDEX jd_run_dependency_batch ON jd_run_dependency (batch_id);

CREATE TABLE jd_run_log (
    run_id  BIGINT        NOT NULL REFERENCES jd_run (id),
    seq     BIGINT        NOT NULL,
    at      BIGINT        NOT NULL,
    line    VARCHAR(2000) NOT NULL,
    PRIMARY KEY (run_id, seq)
);
