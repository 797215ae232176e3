-- The provider seam (docs/decisions/0013-credentials-and-providers.md).
-- Which product an integration connects to: every integration so far is Azure DevOps.
ALTER TABLE integration ADD COLUMN provider VARCHAR(32) DEFAULT 'azure_devops' NOT NULL;

-- A diagnosis category a provider owns is stored as provider:code; transport and test-level categories (DNS, TLS,
-- time-out, cancelled, too many tests, unreadable secret...) stay as they are. The list is AzureDevOpsProvider's.
UPDATE integration_check SET category = 'azure_devops:' || category WHERE category IN (
    'NO_VISIBLE_PROJECTS',
    'CODE_READ_MISSING',
    'CODE_WRITE_MISSING',
    'CODE_WRITE_NOT_PERMITTED',
    'TOKEN_EXPIRING_SOON',
    'IDENTITY_UNKNOWN',
    'NEAR_RATE_LIMIT',
    'INVALID_ORGANIZATION_NAME',
    'INVALID_TOKEN_FORMAT',
    'ORGANIZATION_NOT_FOUND',
    'NO_CREDENTIALS',
    'TOKEN_REJECTED',
    'SIGN_IN_PAGE',
    'TOKEN_EXPIRED',
    'NOT_A_MEMBER',
    'GLOBAL_TOKEN_BLOCKED',
    'CONDITIONAL_ACCESS_BLOCKED',
    'FORBIDDEN',
    'PROJECT_SCOPE_MISSING',
    'PROJECT_NOT_FOUND',
    'REPOSITORY_NOT_FOUND',
    'RATE_LIMITED',
    'API_VERSION_MISMATCH',
    'SERVICE_ERROR',
    'SERVICE_UNAVAILABLE',
    'UNEXPECTED_REDIRECT',
    'UNEXPECTED_RESPONSE',
    'SSH_UNSUPPORTED_KEY_TYPE',
    'SSH_NO_REPOSITORY',
    'SSH_AUTH_FAILED',
    'SSH_KEY_NOT_REGISTERED',
    'SSH_REPOSITORY_NOT_FOUND',
    'SSH_UNEXPECTED_RESPONSE'
);
