package com.infrakitchen.console.integration.azuredevops;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.azure-devops.*}: where Azure DevOps is and how we may talk to it. Administrator
 * configuration only; nothing a user types becomes a host (docs/security.md 3.2).
 *
 * @param baseUrl                 Azure DevOps Services, an on-premises collection URL, or a test double
 * @param allowPrivateAddresses   whether the base URL may resolve to loopback or private addresses
 *                                (on-premises servers, the demo fake); link-local and any-local stay blocked
 * @param trustedCertificates     a PEM file of extra CA certificates (on-premises CA, TLS-inspecting proxy)
 * @param maxBodyBytes            the most of a response body that is read; more is reported, not read. For the
 *                                answers that must be small (errors, identity, one project, the organization)
 * @param maxListingBytes         the most of a listing that is read (repositories: its size grows with the
 *                                organization). It is read as a stream, one entry at a time, so memory stays
 *                                bounded whatever the size; past this many bytes the entries are counted as "at
 *                                least" and the rest is not read
 */
@ConfigurationProperties("app.azure-devops")
public record AzureDevOpsProperties(
        @DefaultValue("https://dev.azure.com") URI baseUrl,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @Nullable Path trustedCertificates,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("15s") Duration callTimeout,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("33554432") long maxListingBytes) {

    /** 32 MiB: about 40,000 repositories of Azure DevOps' usual entry size (about 800 bytes each). */
    public static final long DEFAULT_MAX_LISTING_BYTES = 32L * 1024 * 1024;
}
