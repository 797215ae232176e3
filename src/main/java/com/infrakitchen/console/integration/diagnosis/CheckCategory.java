package com.infrakitchen.console.integration.diagnosis;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Every diagnosis the connection test can give: its outcome, a one-line headline in plain words and a
 * fix hint (docs/product.md 5.2). Headlines may carry one {@code {org}} placeholder, filled with the
 * organization that was tested. Stored by name: never rename a constant, add new ones instead.
 *
 * <p>The two hints of the guide (docs/product.md §14, step 5) appear where they apply:
 * {@link #GUIDE_TOKEN_HINT} and {@link #GUIDE_ORGANIZATION_HINT}.
 */
public enum CheckCategory {

    CONNECTED(CheckOutcome.CONNECTED, "Connected to {org}", ""),

    // ---- warnings: it works, but something will hurt -----------------------------------------------------
    NO_VISIBLE_PROJECTS(CheckOutcome.WARNING, "Connected to {org}, but the token sees no projects",
            "The token works, but its user can see no project in this organization. Ask a project administrator"
                    + " to add the user to the projects InfraKitchen should use."),
    CODE_READ_MISSING(CheckOutcome.WARNING, "Connected to {org}, but the token cannot read code",
            "Create a token with the scope Code (Read, write and manage): InfraKitchen needs it for repository"
                    + " access. " + CheckCategory.GUIDE_TOKEN_HINT),
    CODE_WRITE_MISSING(CheckOutcome.WARNING, "Connected to {org}, but the token cannot write code",
            "The token can read repositories but not push to them. Create a token with the scope Code (Read,"
                    + " write and manage). " + CheckCategory.GUIDE_TOKEN_HINT),
    CODE_WRITE_NOT_PERMITTED(CheckOutcome.WARNING, "Connected to {org}, but the user may not push to repositories",
            "The token has the write scope, but its user lacks the Contribute permission on the repository that"
                    + " was probed. Ask a project administrator for Contribute on the repositories InfraKitchen"
                    + " should change."),
    TOKEN_EXPIRING_SOON(CheckOutcome.WARNING, "Connected to {org}, but the token expires soon",
            "Create a new token in Azure DevOps (User settings, Personal access tokens) and replace this one"
                    + " before it expires."),
    PRINCIPAL_SECRET_EXPIRING_SOON(CheckOutcome.WARNING,
            "Connected to {org}, but the service principal's secret or certificate expires soon",
            "Create a new client secret (or certificate) under the app registration's Certificates & secrets in the"
                    + " Azure portal, and Replace the one stored here before it ends: Microsoft Entra then refuses"
                    + " the old one and every test fails."),
    CERTIFICATE_EXPIRING_SOON(CheckOutcome.WARNING, "Connected to {org}, but the server's TLS certificate expires soon",
            "The certificate the server presented expires within 30 days (the TLS handshake step shows its subject,"
                    + " issuer and date). Azure DevOps Services renews its own; for an on-premises server or a"
                    + " TLS-inspecting proxy, ask its administrator to renew the certificate before that date, or"
                    + " every test will then fail as untrusted."),
    IDENTITY_UNKNOWN(CheckOutcome.WARNING, "Connected to {org}, but Azure DevOps did not say whose token it is",
            "The token works, but the identity request failed (see the details). Test again; if it keeps failing,"
                    + " the details show what Azure DevOps answered."),
    NEAR_RATE_LIMIT(CheckOutcome.WARNING, "Connected to {org}, but Azure DevOps is slowing this user down",
            "Azure DevOps sent Retry-After on a successful answer: the user's request budget (shared with their"
                    + " other tools) is nearly used up. Consider a dedicated user for InfraKitchen."),

    // ---- failures found before any request -------------------------------------------------------------
    INVALID_ORGANIZATION_NAME(CheckOutcome.FAILED, "The organization name is not valid",
            "Use only the name from https://dev.azure.com/<organization-name>/: letters, digits and hyphens, at"
                    + " most 50. " + CheckCategory.GUIDE_ORGANIZATION_HINT),
    INVALID_TOKEN_FORMAT(CheckOutcome.FAILED, "The access token is not in a valid format",
            "Paste the token exactly as Azure DevOps showed it, without spaces or line breaks."),
    NO_TOKEN(CheckOutcome.FAILED, "No access token is configured",
            "Enter the personal access token in Azure Access Token, then test again."),
    SECRET_UNREADABLE(CheckOutcome.FAILED, "The stored token cannot be decrypted",
            "The key set no longer holds the key this token was encrypted with. Enter the token again with"
                    + " Replace, or ask an administrator to restore the key set."),
    SECRET_NOT_FOR_THIS_INTEGRATION(CheckOutcome.FAILED, "The stored secret does not belong to this integration",
            "It was encrypted for another integration (copied in the database) or altered, so it is never used"
                    + " here. Enter the token or key again with Replace, and ask an administrator how it got there."),

    // ---- failures reported by Azure DevOps ------------------------------------------------------------
    ORGANIZATION_NOT_FOUND(CheckOutcome.FAILED, "Organization '{org}' was not found",
            CheckCategory.GUIDE_ORGANIZATION_HINT + " For https://dev.azure.com/contoso/ the organization is"
                    + " contoso."),
    NO_CREDENTIALS(CheckOutcome.FAILED, "Azure DevOps received no credentials",
            "The request reached Azure DevOps without the token. A proxy between InfraKitchen and Azure DevOps may"
                    + " strip the Authorization header."),
    TOKEN_REJECTED(CheckOutcome.FAILED, "Azure DevOps does not accept this token for '{org}'",
            "The token is wrong, revoked, or was created for another organization. "
                    + CheckCategory.GUIDE_TOKEN_HINT + " " + CheckCategory.GUIDE_ORGANIZATION_HINT),
    SIGN_IN_PAGE(CheckOutcome.FAILED, "Azure DevOps answered with a sign-in page instead of data",
            "The token was not accepted (wrong, expired or revoked), or a proxy removed the"
                    + " X-TFS-FedAuthRedirect header. " + CheckCategory.GUIDE_TOKEN_HINT),
    TOKEN_EXPIRED(CheckOutcome.FAILED, "The access token has expired",
            "Create a new token in Azure DevOps (User settings, Personal access tokens, New Token) and replace"
                    + " this one. " + CheckCategory.GUIDE_TOKEN_HINT),
    NOT_A_MEMBER(CheckOutcome.FAILED, "The token's user is not a member of '{org}'",
            "The token is valid, but its user has no access to this organization. Ask an organization"
                    + " administrator to add the user, or use a token of a member. "
                    + CheckCategory.GUIDE_ORGANIZATION_HINT),
    GLOBAL_TOKEN_BLOCKED(CheckOutcome.FAILED, "'{org}' does not allow tokens for all organizations",
            "Create a token scoped to this organization only (Organization: {org} when creating it). Azure"
                    + " DevOps stops accepting global tokens on 2026-12-01 anyway."),
    CONDITIONAL_ACCESS_BLOCKED(CheckOutcome.FAILED, "Blocked by the organization's Conditional Access or IP policy",
            "The Microsoft Entra administrator's policy refused this request (for example because of the network"
                    + " InfraKitchen runs in). Ask them to allow it."),
    FORBIDDEN(CheckOutcome.FAILED, "Azure DevOps refused the request",
            "The organization's policy denies this token access. The server's message below says more."),
    PROJECT_SCOPE_MISSING(CheckOutcome.FAILED, "The token lacks the scope Project and Team (Read)",
            "Edit the token in Azure DevOps (or create a new one) with the scopes Project and Team (Read) and Code"
                    + " (Read, write and manage). " + CheckCategory.GUIDE_TOKEN_HINT),
    PROJECT_NOT_FOUND(CheckOutcome.FAILED, "A project was not found, or the token may not see it",
            "Check the project name, and that the token's user is a member of the project."),
    REPOSITORY_NOT_FOUND(CheckOutcome.FAILED, "A repository was not found, or the token may not see it",
            "Check the repository name, and that the token's user may read it."),
    RATE_LIMITED(CheckOutcome.FAILED, "Azure DevOps is rate-limiting this user",
            "The user's request budget is used up; it is shared with their other tools. Wait for the time given"
                    + " below before testing again."),
    API_VERSION_MISMATCH(CheckOutcome.FAILED, "The server does not support the API version InfraKitchen uses",
            "InfraKitchen uses REST API version 7.1 (Azure DevOps Services, or Azure DevOps Server 2022 and"
                    + " later). The server's message below names the version it supports."),
    SERVICE_ERROR(CheckOutcome.FAILED, "Azure DevOps had an internal error",
            "This is on Azure DevOps' side. Try again in a few minutes; if it persists, give Microsoft support the"
                    + " Activity Id below."),
    SERVICE_UNAVAILABLE(CheckOutcome.FAILED, "Azure DevOps is unavailable right now",
            "Azure DevOps is down or under maintenance (see https://status.dev.azure.com). Try again later."),
    UNEXPECTED_REDIRECT(CheckOutcome.FAILED, "Azure DevOps redirected the request",
            "InfraKitchen never follows redirects, so the token cannot leak to another host. A redirect usually"
                    + " means a proxy, a wrong base URL, or a sign-in page; the target host is shown below."),
    UNEXPECTED_RESPONSE(CheckOutcome.FAILED, "Azure DevOps sent a response InfraKitchen does not understand",
            "The status and the start of the response are shown below. A proxy or captive portal between"
                    + " InfraKitchen and Azure DevOps may have answered instead."),
    RESPONSE_TOO_LARGE(CheckOutcome.FAILED, "The response was larger than expected and was not read",
            "A small answer was expected; something else (a proxy or a wrong base URL) answered with a large"
                    + " document."),

    // ---- failures of the network -----------------------------------------------------------------------
    DNS_FAILURE(CheckOutcome.FAILED, "The Azure DevOps host name could not be resolved",
            "Check the DNS settings of the machine InfraKitchen runs on, and the configured base URL."),
    CONNECTION_REFUSED(CheckOutcome.FAILED, "The connection to Azure DevOps was refused",
            "Nothing accepted the connection. Check the configured base URL and port, and any firewall or proxy."),
    CONNECTION_RESET(CheckOutcome.FAILED, "The connection to Azure DevOps was cut",
            "The connection was reset while talking to the server; a firewall or proxy often does this. Try"
                    + " again; if it persists, check the network path."),
    TIMEOUT(CheckOutcome.FAILED, "Azure DevOps did not answer in time",
            "The server was too slow or unreachable. Try again; if it persists, check the network path and"
                    + " https://status.dev.azure.com."),
    TLS_UNTRUSTED(CheckOutcome.FAILED, "The server's certificate is not trusted",
            "The certificate chain does not lead to a trusted authority: a TLS-inspecting proxy, or an on-premises"
                    + " server with its own CA. An administrator can add that CA (app.azure-devops.trusted-certificates)."),
    TLS_PROTOCOL_ERROR(CheckOutcome.FAILED, "A secure connection could not be set up",
            "The server did not speak TLS on this port. Check the configured base URL (https and port)."),
    ADDRESS_NOT_ALLOWED(CheckOutcome.FAILED, "The Azure DevOps host resolves to an address InfraKitchen may not call",
            "The host resolved to a loopback, link-local or private address. If this is an on-premises server,"
                    + " an administrator can allow private addresses (app.azure-devops.allow-private-addresses)."),
    NETWORK_ERROR(CheckOutcome.FAILED, "The connection to Azure DevOps failed",
            "The network error is shown below. Check the network path from InfraKitchen to Azure DevOps."),

    // ---- failures of the egress proxy (app.outbound.proxy, decision 0018) ----------------------------------------
    PROXY_UNREACHABLE(CheckOutcome.FAILED, "The egress proxy could not be reached",
            "Nothing accepted the connection at the proxy app.outbound.proxy names, or its host name did not resolve"
                    + " (the Proxy step says which). Check its host and port, and that the proxy runs and is"
                    + " reachable from the machine InfraKitchen runs on. Nothing was sent to Azure DevOps."),
    PROXY_TIMEOUT(CheckOutcome.FAILED, "The egress proxy did not answer in time",
            "The proxy did not accept the connection, or did not answer the request to open a tunnel, within the"
                    + " connect timeout. Check that app.outbound.proxy is the proxy's address and port, and ask its"
                    + " administrator whether it is overloaded. Try again."),
    PROXY_AUTHENTICATION_REQUIRED(CheckOutcome.FAILED, "The egress proxy requires sign-in, and no proxy credentials"
            + " are configured",
            "The proxy answered 407 (Proxy Authentication Required). An administrator sets the proxy account in"
                    + " app.outbound.proxy-username and app.outbound.proxy-password (the password from the"
                    + " environment, APP_OUTBOUND_PROXYPASSWORD) and restarts InfraKitchen."),
    PROXY_AUTHENTICATION_FAILED(CheckOutcome.FAILED, "The egress proxy refused the configured proxy credentials",
            "The proxy answered 407 (Proxy Authentication Required) to the configured account. Check"
                    + " app.outbound.proxy-username and app.outbound.proxy-password with the proxy's administrator"
                    + " (the account may be locked or its password changed), then restart InfraKitchen. The proxy"
                    + " must accept HTTP Basic."),
    PROXY_CONNECT_DENIED(CheckOutcome.FAILED, "The egress proxy refused to open a connection to Azure DevOps",
            "The proxy answered the request to open a tunnel (HTTP CONNECT) with the status shown below: its policy"
                    + " does not allow this host or port (403), or it could not reach the host itself (5xx). Ask its"
                    + " administrator to allow CONNECT to dev.azure.com port 443, and to ssh.dev.azure.com port 22 for"
                    + " SSH keys (many proxies allow only 443); or, if the host is reachable without the proxy, add it"
                    + " to app.outbound.no-proxy."),

    // ---- SSH ----------------------------------------------------------------------------------------------------
    SSH_NO_KEY(CheckOutcome.FAILED, "No SSH private key is configured",
            "Paste the private key in SSH Private Key, or use Generate key pair, then test again."),
    SSH_INVALID_KEY(CheckOutcome.FAILED, "The SSH private key cannot be used",
            "Paste the whole private key file, from -----BEGIN to -----END: OpenSSH, PEM (PKCS#1) or PKCS#8. The"
                    + " message below says what is wrong with this one."),
    SSH_UNSUPPORTED_KEY_TYPE(CheckOutcome.FAILED, "Azure DevOps does not accept this kind of SSH key",
            "Azure DevOps accepts only RSA keys of at least 2048 bits. Create one (ssh-keygen -t rsa -b 4096) or"
                    + " use Generate key pair, and add its public key in Azure DevOps."),
    SSH_PASSPHRASE_REQUIRED(CheckOutcome.FAILED, "The SSH key is encrypted and no passphrase was given",
            "Enter the key's passphrase in Key Passphrase, then test again."),
    SSH_WRONG_PASSPHRASE(CheckOutcome.FAILED, "The passphrase does not decrypt the SSH key",
            "Enter the passphrase this key was encrypted with in Key Passphrase."),
    SSH_NO_REPOSITORY(CheckOutcome.FAILED, "No valid test repository is configured",
            "Enter Test Repository as project/repository, as in the clone URL. Azure DevOps accepts any SSH key"
                    + " until a repository is asked for, so a key can only be proven on a repository."),
    SSH_HOST_KEY_UNKNOWN(CheckOutcome.FAILED, "The SSH server's host key is not a trusted one",
            "InfraKitchen connects only to SSH servers whose host key is configured. Compare the fingerprint below"
                    + " with the one the server's owner publishes (Microsoft's documentation for Azure DevOps);"
                    + " only if they match, an administrator adds the key to app.azure-devops.ssh.known-hosts."),
    SSH_HOST_KEY_CHANGED(CheckOutcome.FAILED,
            "The SSH server presented a different host key than the trusted one",
            "InfraKitchen stopped before sending anything: someone may be intercepting the connection, or the"
                    + " server's key was replaced. Do not trust the new key until its owner has confirmed the"
                    + " fingerprint shown below."),
    SSH_ALGORITHM_MISMATCH(CheckOutcome.FAILED, "The SSH server offers no algorithm InfraKitchen accepts",
            "InfraKitchen requires RSA host keys with rsa-sha2-256 or rsa-sha2-512 signatures and never falls back"
                    + " to SHA-1 (ssh-rsa). Azure DevOps Services supports them; an Azure DevOps Server needs the"
                    + " updates that add them. What each side offered is shown below."),
    SSH_AUTH_FAILED(CheckOutcome.FAILED, "The SSH server refused the key at sign-in",
            "The server did not accept this key for its user. Azure DevOps accepts only RSA keys; check that the key"
                    + " is the one whose public half is registered."),
    SSH_KEY_NOT_REGISTERED(CheckOutcome.FAILED, "Azure DevOps does not accept this SSH key for '{org}'",
            "Add the public key under User settings, SSH public keys, in Azure DevOps, and compare its MD5"
                    + " fingerprint (shown below) with the list there. Keys expire after a year: an expired key must"
                    + " be added again. The key's user must also be a member of {org}."),
    SSH_REPOSITORY_NOT_FOUND(CheckOutcome.FAILED,
            "The test repository was not found, or the key's user may not read it",
            "Check Test Repository (project/repository, as in the clone URL), and that the user the key belongs to"
                    + " may read it. " + CheckCategory.GUIDE_ORGANIZATION_HINT),
    SSH_SHA1_REFUSED(CheckOutcome.FAILED, "Azure DevOps refused an SHA-1 (ssh-rsa) signature",
            "Azure DevOps no longer accepts ssh-rsa (SHA-1) signatures, only rsa-sha2-256 and rsa-sha2-512."
                    + " InfraKitchen signs only with those, so something between it and Azure DevOps may have"
                    + " changed the connection. See https://aka.ms/ado-ssh-rsa-deprecation."),
    SSH_PROTOCOL_ERROR(CheckOutcome.FAILED, "The server on the SSH port does not speak SSH",
            "Something else answered, for example a web server or a proxy. Check the SSH host and port"
                    + " (app.azure-devops.ssh.host and .port) and the network path."),
    SSH_UNEXPECTED_RESPONSE(CheckOutcome.FAILED,
            "The SSH server did not answer the Git request as Azure DevOps does",
            "The server signed the key in but did not send a Git reference list. Its own message is shown below;"
                    + " check that app.azure-devops.ssh.host is an Azure DevOps SSH endpoint."),

    // ---- Microsoft Entra service principal (docs/azure-devops.md 14) ----------------------------------------
    INVALID_TENANT(CheckOutcome.FAILED, "The tenant ID is not valid",
            "Use the Directory (tenant) ID from the app registration's Overview in the Azure portal (a GUID), or a"
                    + " verified domain of the tenant such as contoso.onmicrosoft.com."),
    INVALID_CLIENT_ID(CheckOutcome.FAILED, "The client ID is not valid",
            "Use the Application (client) ID from the app registration's Overview (a GUID), not its name or its"
                    + " Object ID."),
    NO_CLIENT_CREDENTIAL(CheckOutcome.FAILED, "No client secret or certificate is configured",
            "Enter the client secret's Value, or upload the certificate with its private key, then test again."),
    INVALID_CLIENT_CREDENTIAL(CheckOutcome.FAILED, "The client secret or certificate cannot be used",
            "The failed step says why. Correct it (for a certificate: the PEM with its private key, or the"
                    + " .pfx/.p12 file with its password) and test again."),
    FEDERATION_UNAVAILABLE(CheckOutcome.FAILED, "Workload identity federation is not set up on this console",
            "An administrator sets app.entra.federated-token-file to the service-account token file the platform"
                    + " projects into the pod (on AKS with workload identity: /var/run/secrets/azure/tokens/"
                    + "azure-identity-token). Until then, use a client secret or a certificate."),
    ENTRA_SECRET_INVALID(CheckOutcome.FAILED, "Microsoft Entra refused the client secret",
            "Entra answered AADSTS7000215: the secret is not one of this application's. Copy the secret's Value"
                    + " (not its Secret ID) from the app registration's Certificates & secrets; a lost value cannot be"
                    + " shown again: create a new client secret and Replace it here."),
    ENTRA_SECRET_EXPIRED(CheckOutcome.FAILED, "The service principal's client secret has expired",
            "Entra answered AADSTS7000222. In the Azure portal: the app registration, Certificates & secrets,"
                    + " New client secret; Replace the secret here with its Value and enter its expiry in Secret"
                    + " Expires On, to be warned next time."),
    ENTRA_APPLICATION_NOT_FOUND(CheckOutcome.FAILED, "Microsoft Entra has no such application in this tenant",
            "Entra answered AADSTS700016. Check that Client ID is the Application (client) ID of the app"
                    + " registration (not its Object ID), and that Tenant ID is the tenant the app is registered in"
                    + " (its Overview shows both)."),
    ENTRA_TENANT_NOT_FOUND(CheckOutcome.FAILED, "Microsoft Entra has no tenant with this ID",
            "Entra answered AADSTS90002. Copy the Directory (tenant) ID from the app registration's Overview, or use"
                    + " a verified domain of the tenant (Microsoft Entra ID, Custom domain names)."),
    ENTRA_CERTIFICATE_REJECTED(CheckOutcome.FAILED, "Microsoft Entra did not accept the certificate",
            "Entra answered AADSTS700027: the certificate is not registered on this application, or has ended. Upload"
                    + " its public part (the .cer or .pem without the key) under the app registration's Certificates"
                    + " & secrets, Certificates, and check that the thumbprint there matches the one shown here."),
    ENTRA_FEDERATION_REJECTED(CheckOutcome.FAILED, "Microsoft Entra did not accept the workload identity",
            "Entra answered AADSTS70021: no federated credential of the application matches the platform's token."
                    + " Add one under the app registration's Certificates & secrets, Federated credentials"
                    + " (Kubernetes: the cluster's issuer URL, the namespace and the service account the console"
                    + " runs as)."),
    ENTRA_REFUSED(CheckOutcome.FAILED, "Microsoft Entra refused the token request",
            "The details show Entra's AADSTS code and message with its trace and correlation IDs: give them to your"
                    + " Microsoft Entra administrator, or look the code up at https://login.microsoftonline.com/error."),
    ENTRA_UNAVAILABLE(CheckOutcome.FAILED, "Microsoft Entra is unavailable or busy right now",
            "The token endpoint answered with a server error or asked to slow down. Test again in a few minutes."),
    ENTRA_UNREACHABLE(CheckOutcome.FAILED, "Microsoft Entra's token endpoint could not be reached",
            "The console could not connect to the token endpoint (app.entra.authority-host, by default"
                    + " login.microsoftonline.com). Check DNS, the firewall and the egress proxy for that host;"
                    + " the Microsoft Entra token step shows what failed."),
    PRINCIPAL_NOT_ADDED(CheckOutcome.FAILED, "The service principal has not been added to '{org}'",
            "Azure DevOps answered TF401444: the organization does not know it. Organization settings, Users, Add"
                    + " users: add the service principal by name, access level Basic, and add it to the projects"
                    + " InfraKitchen should use."),
    PROJECT_ACCESS_DENIED(CheckOutcome.FAILED, "The identity may not access the projects' repositories",
            "Azure DevOps answered VS800075: a project exists but this identity has no access to it. In each project"
                    + " InfraKitchen should use: Project settings, Permissions, Contributors, Members, Add."),
    STAKEHOLDER_ACCESS(CheckOutcome.FAILED, "The identity has Stakeholder access in '{org}', which cannot read code",
            "Git answered that no repository exists or may be used: Stakeholder access hides every repository."
                    + " Organization settings, Users: change its access level to Basic."),

    // ---- refused or stopped by InfraKitchen --------------------------------------------------------------
    TOO_MANY_TESTS(CheckOutcome.FAILED, "Too many tests in a short time",
            "To protect your Azure DevOps request budget, each user may start a few tests per minute. Wait a"
                    + " moment and test again."),
    TEST_ALREADY_RUNNING(CheckOutcome.FAILED, "A test of this integration is already running",
            "Wait for it to finish; its result will show here."),
    CANCELLED(CheckOutcome.FAILED, "The test was cancelled", "Start it again when you are ready."),
    INTERNAL_ERROR(CheckOutcome.FAILED, "The test could not be completed",
            "Something went wrong inside InfraKitchen; the server log has the details. Try again.");

    /** The guide's advice, step 5, about the token. */
    public static final String GUIDE_TOKEN_HINT = "Ensure your PAT hasn't expired and includes the required scopes.";
    /** The guide's advice, step 5, about the organization. */
    public static final String GUIDE_ORGANIZATION_HINT =
            "Verify that the Organization Name matches exactly as shown in the URL.";

    /** Azure DevOps stopped accepting global personal access tokens on this day (docs/azure-devops.md). */
    public static final LocalDate GLOBAL_TOKENS_RETIRED_ON = LocalDate.of(2026, 12, 1);
    private static final String GLOBAL_TOKENS_RETIRED_HEADLINE =
            "Global tokens no longer work: create an organization-scoped token";
    private static final String GLOBAL_TOKENS_RETIRED_HINT = "Azure DevOps stopped accepting tokens for all"
            + " organizations on 2026-12-01. Create a token scoped to this organization only (Organization: {org}"
            + " when creating it) and replace this one.";

    private final CheckOutcome outcome;
    private final String headline;
    private final String hint;

    CheckCategory(CheckOutcome outcome, String headline, String hint) {
        this.outcome = outcome;
        this.headline = headline;
        this.hint = hint;
    }

    public CheckOutcome outcome() {
        return outcome;
    }

    /** The headline for this organization. */
    public String headline(@Nullable String organization) {
        return headline.replace("{org}", organization == null || organization.isBlank() ? "?" : organization);
    }

    public String hint(@Nullable String organization) {
        return hint.replace("{org}", organization == null || organization.isBlank() ? "?" : organization);
    }

    /**
     * The headline as said on {@code today} (the application Clock's): the same as {@link #headline(String)},
     * except that {@link #GLOBAL_TOKEN_BLOCKED} is worded as past from {@link #GLOBAL_TOKENS_RETIRED_ON}.
     */
    public String headline(@Nullable String organization, LocalDate today) {
        return globalTokensRetired(today) ? GLOBAL_TOKENS_RETIRED_HEADLINE : headline(organization);
    }

    /** The hint as said on {@code today}; see {@link #headline(String, LocalDate)}. */
    public String hint(@Nullable String organization, LocalDate today) {
        return globalTokensRetired(today) ? GLOBAL_TOKENS_RETIRED_HINT.replace("{org}",
                organization == null || organization.isBlank() ? "?" : organization) : hint(organization);
    }

    private boolean globalTokensRetired(LocalDate today) {
        return this == GLOBAL_TOKEN_BLOCKED && !today.isBefore(GLOBAL_TOKENS_RETIRED_ON);
    }
}
