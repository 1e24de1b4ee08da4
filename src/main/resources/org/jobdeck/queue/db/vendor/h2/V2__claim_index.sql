-- Claiming walks the queued runs in the order they became ready (run_after, then id) and stops
-- after a few. H2 has no partial indexes; with state first, this index gives that order for
-- "state = 'queued' ORDER BY state, run_after, id" and H2 stops after the LIMIT.
CREATE INDEX jd_run_ready ON jd_run (state, run_after, id);
DROP INDEX jd_run_claim;
