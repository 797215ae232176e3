-- "Key added on" (docs/product.md 4, SSH tab; issue 12): the day an SSH integration's public key was added to
-- Azure DevOps, which expires uploaded SSH public keys a year later (docs/azure-devops.md 8.2). Optional: null
-- means unknown, and then nothing warns. The grid's "Expiring soon" and /health compare it with a day a year
-- before their limit, as the token's expiry date is compared, hence the same kind of index.
ALTER TABLE integration ADD COLUMN ssh_key_added_on DATE;
CREATE INDEX ix_integration_ssh_key_added_on ON integration (ssh_key_added_on, name_key);
