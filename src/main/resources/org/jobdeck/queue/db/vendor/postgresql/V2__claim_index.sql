-- Claiming walks the queued runs in the order they became ready (run_after, then id) and stops
-- after a few. V1's indexes on (state, id) and (state, lease_expires_at) left the choice to
-- statistics that lag behind a busy queue: depending on what the last ANALYZE saw, PostgreSQL
-- walked the primary key through every run already claimed, or fetched and sorted every queued
-- run (2-6 ms per claim with 10,000 runs). Now each state that is searched has a partial index of
-- its own, in the order it is searched, and no other index matches "state = 'queued'", so the
-- planner takes the right one whatever the statistics say.
CREATE INDEX jd_run_queued ON jd_run (run_after, id) WHERE state = 'queued';
CREATE INDEX jd_run_leased ON jd_run (lease_expires_at) WHERE state = 'running';
DROP INDEX jd_run_claim;
DROP INDEX jd_run_lease;
