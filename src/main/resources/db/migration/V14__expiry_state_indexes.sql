-- /health's expiring counts (docs/benchmarks/health.md), so that each reads one index range at 100,000 integrations.
--
-- Each expiry range with what the counts ask of its rows. The enabled flag first: H2 chose ix_integration_enabled
-- (90,000 entries) over a range on the expiry date alone, and prefers an index whose leading columns match an equality
-- and a range. The connection status (V12) says whether the newest result passed; id last, to probe the status of
-- the few outdated ones.
CREATE INDEX ix_integration_token_expiry_state ON integration (enabled, token_expires_on, connection, id);
CREATE INDEX ix_integration_ssh_expiry_state ON integration (enabled, ssh_key_added_on, connection, id);

-- Copies of the two expiry dates on the status row, kept by IntegrationQueries.refreshDerived with the enabled flag
-- (V12): how many of the stale passes expire is then a count of the stale range alone (joining it to the integration
-- rows read one wide row per stale integration: 27 ms on H2).
ALTER TABLE integration_status ADD COLUMN token_expires_on DATE;
ALTER TABLE integration_status ADD COLUMN ssh_key_added_on DATE;
UPDATE integration_status s SET (token_expires_on, ssh_key_added_on) = (SELECT i.token_expires_on, i.ssh_key_added_on
    FROM integration i WHERE i.id = s.integration_id);
CREATE INDEX ix_integration_status_stale_expiry
    ON integration_status (outcome, enabled, checked_at, token_expires_on, ssh_key_added_on);
