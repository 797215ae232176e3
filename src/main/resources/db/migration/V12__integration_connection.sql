-- /health and the grid's connection filter at 100,000 integrations (docs/decisions/0015, addendum; issue 12's
-- target: p95 at most 50 ms on H2 and PostgreSQL). Until now every filtered count and /health's rows joined
-- integration_status to every matching integration (to evaluate "outdated", or to leave out disabled ones): 100 to
-- 230 ms on PostgreSQL, seconds on H2. Two copies make each of them one index range:
--
-- * integration.connection: what the grid's Connection column and its connection filter show, from the newest
--   stored result and the integration's own values: 'OUTDATED' when a value that result tested changed since
--   (OutdatedCheck), else its outcome; null when never tested.
-- * integration_status.enabled: the integration's enabled flag, so /health's failing, warning and stale sets leave
--   out disabled integrations without reading them.
--
-- Both are written with plain SQL (IntegrationQueries.refreshDerived): by ConnectionStatusStore with each result,
-- under the row lock it already takes, and by IntegrationService after every save of an integration; never by the
-- entity, so neither bumps the row's version.
ALTER TABLE integration ADD COLUMN connection VARCHAR(16);
ALTER TABLE integration ADD CONSTRAINT ck_integration_connection
    CHECK (connection IN ('CONNECTED', 'WARNING', 'FAILED', 'OUTDATED'));

UPDATE integration i SET connection = (
    SELECT CASE WHEN (LOWER(s.organization) <> LOWER(i.organization)
                      OR s.token_set_at IS DISTINCT FROM (CASE WHEN i.method = 'SSH' THEN i.ssh_set_at
                                                               ELSE i.pat_set_at END)
                      OR (i.method = 'SSH' AND s.test_repository IS DISTINCT FROM i.ssh_test_repository)) IS TRUE
                THEN 'OUTDATED' ELSE s.outcome END
    FROM integration_status s WHERE s.integration_id = i.id);

ALTER TABLE integration_status ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE integration_status s SET enabled = (SELECT i.enabled FROM integration i WHERE i.id = s.integration_id);

-- A connection filter's page in name order (the grid's default) and its count are one range of this index;
-- "never tested" is its null range; enabled rides along so that "Failed + enabled" is counted from the index alone.
CREATE INDEX ix_integration_connection ON integration (connection, name_key, id, enabled);

-- /health's failing and warning counts (a range), and its failing rows longest failing first (the range's order).
-- The grid no longer reads integration_status by outcome.
DROP INDEX ix_integration_status_outcome;
CREATE INDEX ix_integration_status_outcome ON integration_status (outcome, enabled, since, integration_id);
-- /health's warning rows and its "not checked recently" ones (passed, older than the limit), oldest test first.
CREATE INDEX ix_integration_status_outcome_checked ON integration_status (outcome, enabled, checked_at, integration_id);
-- /health's "not checked recently" rows and the newest test of an enabled integration (read newest first: H2 walks
-- an index only in its own direction).
DROP INDEX ix_integration_status_checked_at;
CREATE INDEX ix_integration_status_checked_at ON integration_status (enabled, checked_at DESC, integration_id);
