-- /health's expiring counts (docs/benchmarks/health.md): each expiry range with what the counts ask of its rows, so
-- that counting the tokens and SSH keys expiring within 14 days reads one index range each. The enabled flag first:
-- H2 chose ix_integration_enabled (90,000 entries) over a range on the expiry date alone, and prefers an index whose
-- leading columns match an equality and a range. The connection status (V12) says whether the newest result passed;
-- id last, to probe the status of the few that need it.
CREATE INDEX ix_integration_token_expiry_state ON integration (enabled, token_expires_on, connection, id);
CREATE INDEX ix_integration_ssh_expiry_state ON integration (enabled, ssh_key_added_on, connection, id);
