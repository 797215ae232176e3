-- Results of connection tests (product.md 5 and 7): one row per test of a saved integration, newest kept.
-- A result is bound to what it tested: the organization, the credential's set-at time (token or SSH key)
-- and for SSH the test repository. When one changed since, the result is shown as outdated, never as current.

CREATE TABLE integration_check (
    id               UUID          NOT NULL,
    integration_id   UUID          NOT NULL,
    checked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    trigger_kind     VARCHAR(16)   NOT NULL,
    actor            VARCHAR(64)   NOT NULL,
    outcome          VARCHAR(16)   NOT NULL,
    category         VARCHAR(48)   NOT NULL,
    duration_ms      BIGINT        NOT NULL,
    organization     VARCHAR(50)   NOT NULL,
    token_set_at     TIMESTAMP WITH TIME ZONE,
    test_repository  VARCHAR(130),
    identity_name    VARCHAR(200),
    project_count    INTEGER,
    repository_count INTEGER,
    report           VARCHAR(30000) NOT NULL,
    CONSTRAINT pk_integration_check PRIMARY KEY (id),
    CONSTRAINT fk_integration_check_integration FOREIGN KEY (integration_id) REFERENCES integration (id)
        ON DELETE CASCADE,
    CONSTRAINT ck_integration_check_outcome CHECK (outcome IN ('CONNECTED', 'WARNING', 'FAILED')),
    CONSTRAINT ck_integration_check_trigger CHECK (trigger_kind IN ('MANUAL', 'SCHEDULED'))
);

CREATE INDEX ix_integration_check_latest ON integration_check (integration_id, checked_at DESC, id);
