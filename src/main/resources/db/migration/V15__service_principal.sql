-- A third kind of credential: a Microsoft Entra service principal (issue 13, docs/decisions/0019). Its columns sit in
-- the integration row beside the token's and the SSH key's (decision 0013), prefixed sp_:
--
-- * sp_tenant_id, sp_client_id: the Directory (tenant) ID or verified domain, and the Application (client) ID.
-- * sp_proof: how it proves itself: CLIENT_SECRET, CERTIFICATE or FEDERATED (workload identity; nothing stored).
-- * sp_secret_ciphertext / sp_secret_key_id: the client secret, sealed for this row (decision 0007), and the key
--   that sealed it (rotation); sp_secret_expires_on the date the user entered for it.
-- * sp_certificate_ciphertext / sp_certificate_key_id: the certificate and its private key as PEM, sealed; the
--   certificate's subject, SHA-1 thumbprint (as the Azure portal lists it) and end date in clear (public).
-- * sp_set_at: when the proof, the tenant or the application last changed (a stored check is outdated after it).
--
-- The known expiry (the secret's entered date or the certificate's end) is also written to token_expires_on, the
-- column the grid, /health and the metrics read for every kind, so their queries and indexes stay as they are.
ALTER TABLE integration ALTER COLUMN method SET DATA TYPE VARCHAR(20);
ALTER TABLE integration DROP CONSTRAINT ck_integration_method;
ALTER TABLE integration ADD CONSTRAINT ck_integration_method CHECK (method IN ('PAT', 'SSH', 'SERVICE_PRINCIPAL'));

ALTER TABLE integration ADD COLUMN sp_tenant_id VARCHAR(253);
ALTER TABLE integration ADD COLUMN sp_client_id VARCHAR(36);
ALTER TABLE integration ADD COLUMN sp_proof VARCHAR(16);
ALTER TABLE integration ADD COLUMN sp_secret_ciphertext BYTEA;
ALTER TABLE integration ADD COLUMN sp_secret_key_id INTEGER;
ALTER TABLE integration ADD COLUMN sp_secret_expires_on DATE;
ALTER TABLE integration ADD COLUMN sp_certificate_ciphertext BYTEA;
ALTER TABLE integration ADD COLUMN sp_certificate_key_id INTEGER;
ALTER TABLE integration ADD COLUMN sp_certificate_subject VARCHAR(1000);
ALTER TABLE integration ADD COLUMN sp_certificate_thumbprint VARCHAR(40);
ALTER TABLE integration ADD COLUMN sp_certificate_expires_on DATE;
ALTER TABLE integration ADD COLUMN sp_set_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE integration ADD CONSTRAINT ck_integration_sp_proof
    CHECK (sp_proof IN ('CLIENT_SECRET', 'CERTIFICATE', 'FEDERATED'));
ALTER TABLE integration ADD CONSTRAINT ck_integration_sp_secret
    CHECK ((sp_secret_ciphertext IS NULL) = (sp_secret_key_id IS NULL));
ALTER TABLE integration ADD CONSTRAINT ck_integration_sp_certificate
    CHECK ((sp_certificate_ciphertext IS NULL) = (sp_certificate_key_id IS NULL));
CREATE INDEX ix_integration_sp_secret_key_id ON integration (sp_secret_key_id);
CREATE INDEX ix_integration_sp_certificate_key_id ON integration (sp_certificate_key_id);
