-- /health's expiring counts (docs/benchmarks/health.md): each expiry range with what the counts ask of its rows, the
-- enabled flag and the connection status (V12), so that counting the tokens and SSH keys expiring within 14 days
-- reads index entries only, not one integration row per entry (3,400 rows, about 10 ms on PostgreSQL at 100,000
-- integrations). id last: an outdated one's status is probed by it.
CREATE INDEX ix_integration_token_expiry_state ON integration (token_expires_on, enabled, connection, id);
CREATE INDEX ix_integration_ssh_expiry_state ON integration (ssh_key_added_on, enabled, connection, id);
