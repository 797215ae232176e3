-- SSH key integrations (product.md 4, SSH tab; security.md 1.2, 3.7). The private key and its passphrase
-- are Tink ciphertexts bound to this row and column (like the token); the public half and its
-- fingerprints are public and stored as they are shown. (V5 is the grid benchmark's migration.)

ALTER TABLE integration ADD COLUMN ssh_key_ciphertext BYTEA;
ALTER TABLE integration ADD COLUMN ssh_key_key_id INTEGER;
ALTER TABLE integration ADD COLUMN ssh_passphrase_ciphertext BYTEA;
ALTER TABLE integration ADD COLUMN ssh_set_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE integration ADD COLUMN ssh_public_key VARCHAR(1100);
ALTER TABLE integration ADD COLUMN ssh_fingerprint_sha256 VARCHAR(60);
ALTER TABLE integration ADD COLUMN ssh_fingerprint_md5 VARCHAR(60);
ALTER TABLE integration ADD COLUMN ssh_key_description VARCHAR(40);
ALTER TABLE integration ADD COLUMN ssh_generated BOOLEAN;
ALTER TABLE integration ADD COLUMN ssh_test_repository VARCHAR(130);
ALTER TABLE integration ADD CONSTRAINT ck_integration_ssh_key CHECK ((ssh_key_ciphertext IS NULL) = (ssh_key_key_id IS NULL));
CREATE INDEX ix_integration_ssh_key_key_id ON integration (ssh_key_key_id);
