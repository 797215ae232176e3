package com.infrakitchen.console.integration.azuredevops.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.azure-devops.ssh.*}: where the SSH check connects and which host keys it trusts. Administrator
 * configuration only; nothing a user types becomes a host.
 *
 * @param host           the SSH endpoint: Azure DevOps Services by default; an on-premises server or a test double
 * @param port           its port
 * @param user           the SSH user: {@code git} for Azure DevOps Services
 * @param knownHosts     the trusted host keys as {@code known_hosts} text (OpenSSH format, one key a line; hashed
 *                       names and {@code @revoked} markers work, {@code [host]:port} for other ports). Default: the
 *                       pinned RSA key of ssh.dev.azure.com and vs-ssh.visualstudio.com (docs/azure-devops.md 8.1,
 *                       {@code SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og})
 * @param knownHostsFile a {@code known_hosts} file to use <em>instead of</em> {@code knownHosts}; read at every check,
 *                       so a replaced file takes effect without a restart. Never {@code ~/.ssh/known_hosts} implicitly
 * @param connectTimeout bounds the TCP connect, and then separately the SSH handshake (greeting, key exchange, host
 *                       key, authentication)
 * @param timeout        bounds the Git request after authentication (and each socket read in it)
 */
@ConfigurationProperties("app.azure-devops.ssh")
public record SshProperties(
        @DefaultValue("ssh.dev.azure.com") String host,
        @DefaultValue("22") int port,
        @DefaultValue("git") String user,
        @DefaultValue(SshProperties.AZURE_DEVOPS_KNOWN_HOSTS) String knownHosts,
        @Nullable Path knownHostsFile,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10s") Duration timeout) {

    /**
     * The RSA 2048 host key of Azure DevOps Services (docs/azure-devops.md 8.1); MD5
     * 97:70:33:82:fd:29:3a:73:39:af:6a:07:ad:f8:80:49.
     */
    public static final String AZURE_DEVOPS_HOST_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7Hr1oTWqNqOlzGJOfGJ4"
            + "NakVyIzf1rXYd4d7wo6jBlkLvCA4odBlL0mDUyZ0/QUfTTqeu+tm22gOsv+VrVTMk6vwRU75gY/y9ut5Mb3bR5BV58dKXyq9A9Ue"
            + "B5Cakehn5Zgm6x1mKoVyf+FFn26iYqXJRgzIZZcZ5V6hrE0Qg39kZm4az48o0AUbf6Sp4SLdvnuMa2sVNwHBboS7EJkm57XQPVU3/Q"
            + "pyNLHbWDdzwtrlS+ez30S3AdYhLKEOxAG8weOnyrtLJAUen9mTkol8oII1edf7mWWbWVf0nBmly21+nZcmCTISQBtdcyPaEno7fFQ"
            + "MDD26/s0lfKob4Kw8H";
    /** Its SHA256 fingerprint, as Microsoft publishes it. */
    public static final String AZURE_DEVOPS_HOST_KEY_SHA256 = "SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og";
    /** The default {@link #knownHosts()}: both Azure DevOps Services host names with the pinned key. */
    public static final String AZURE_DEVOPS_KNOWN_HOSTS = "ssh.dev.azure.com " + AZURE_DEVOPS_HOST_KEY + "\n"
            + "vs-ssh.visualstudio.com " + AZURE_DEVOPS_HOST_KEY + "\n";

    public SshProperties {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("app.azure-devops.ssh.host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("app.azure-devops.ssh.port must be 1 to 65535, not " + port);
        }
        if (knownHostsFile != null && !Files.isReadable(knownHostsFile)) {
            throw new IllegalArgumentException("app.azure-devops.ssh.known-hosts-file cannot be read: "
                    + knownHostsFile);
        }
        user = user == null || user.isBlank() ? "git" : user;
        knownHosts = knownHosts == null ? AZURE_DEVOPS_KNOWN_HOSTS : knownHosts;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /** The defaults: Azure DevOps Services with its pinned host key. */
    public static SshProperties azureDevOps() {
        return new SshProperties("ssh.dev.azure.com", 22, "git", AZURE_DEVOPS_KNOWN_HOSTS, null,
                Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** The trusted host keys in force now: the file's content if one is configured, else {@link #knownHosts()}. */
    public String knownHostsText() {
        if (knownHostsFile == null) {
            return knownHosts;
        }
        try {
            return Files.readString(knownHostsFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("app.azure-devops.ssh.known-hosts-file cannot be read: "
                    + knownHostsFile, e);
        }
    }
}
