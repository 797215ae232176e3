package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.credential.ssh.ParsedKey;
import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import com.infrakitchen.console.secret.Secret;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Session set-up for one SSH check: the configured known hosts loaded into JSch and watched ({@link HostKeyWatch}),
 * the one identity the check signs in with, and a session to the configured host, configured as every check
 * configures it (docs/security.md 3.7, X-04) and not yet connected; through the egress proxy ({@link SshTunnel}) when
 * {@code app.outbound.proxy} is set and the host is not in {@code app.outbound.no-proxy} (decision 0018).
 */
final class SshSessions {

    /** RSA host keys and user signatures with SHA-2 only: never {@code ssh-rsa} (SHA-1), never a silent downgrade. */
    static final String RSA_SHA2 = "rsa-sha2-512,rsa-sha2-256";

    /**
     * The JSch session settings of every check (docs/security.md 3.7, X-04): strict host key checking against the
     * configured keys only, public key authentication only, RSA with SHA-2 only.
     */
    static final Map<String, String> SESSION_CONFIG = sessionConfig();

    private final SshProperties properties;
    private final OutboundProxy outbound;

    /** Direct connections. */
    SshSessions(SshProperties properties) {
        this(properties, OutboundProxy.direct());
    }

    SshSessions(SshProperties properties, OutboundProxy outbound) {
        this.properties = properties;
        this.outbound = outbound;
    }

    /** The tunnel through the egress proxy for a session over {@code sockets}, or null when the host is direct. */
    @Nullable SshTunnel tunnel(WatchedSockets sockets) {
        return outbound.usedFor(properties.host()) ? new SshTunnel(outbound, sockets) : null;
    }

    /** The egress proxy, when the configured host is reached through it; else null. */
    @Nullable OutboundProxy proxy() {
        return outbound.usedFor(properties.host()) ? outbound : null;
    }

    private static Map<String, String> sessionConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("StrictHostKeyChecking", "yes");
        config.put("HashKnownHosts", "no");
        config.put("PreferredAuthentications", "publickey");
        config.put("server_host_key", RSA_SHA2);
        config.put("PubkeyAcceptedAlgorithms", RSA_SHA2);
        config.put("ClearAllForwardings", "yes");
        return Map.copyOf(config);
    }

    /** Makes the configured known hosts the only ones {@code jsch} trusts, and watches what is checked against them. */
    HostKeyWatch trustConfiguredHostKeys(JSch jsch) throws JSchException {
        jsch.setKnownHosts(new ByteArrayInputStream(properties.knownHostsText().getBytes(StandardCharsets.UTF_8)));
        return new HostKeyWatch(jsch.getHostKeyRepository());
    }

    /** Gives {@code jsch} the key to sign in with; the copies handed to JSch are wiped. */
    static void addIdentity(JSch jsch, ParsedKey key, @Nullable Secret passphrase) throws JSchException {
        byte[] privateKey = key.privateKeyBytes();
        // a decrypted key needs no passphrase: the key derivation ran once, in parseForCheck
        byte[] pass = key.encrypted() && !key.decrypted() && passphrase != null ? passphrase.bytes() : null;
        try {
            jsch.addIdentity("ssh-key", privateKey, null, pass);
        } finally {
            SshKeys.wipe(privateKey);
            SshKeys.wipe(pass);
        }
    }

    /** Drops every identity {@code jsch} holds. */
    static void removeIdentities(JSch jsch) {
        try {
            jsch.removeAllIdentity();
        } catch (JSchException e) {
            // nothing left to clear
        }
    }

    /**
     * A session to the configured host, configured as every check configures it, not yet connected. Package-private
     * so that a test can assert its settings.
     */
    Session newSession(JSch jsch, HostKeyRepository hostKeys, WatchedSockets sockets) throws JSchException {
        return newSession(jsch, hostKeys, sockets, tunnel(sockets));
    }

    /** As above, through {@code tunnel} when not null (the caller keeps it to tell the proxy's part). */
    Session newSession(JSch jsch, HostKeyRepository hostKeys, WatchedSockets sockets, @Nullable SshTunnel tunnel)
            throws JSchException {
        Session session = jsch.getSession(properties.user(), properties.host(), properties.port());
        if (tunnel != null) {
            session.setProxy(tunnel);
        }
        SESSION_CONFIG.forEach(session::setConfig);
        session.setHostKeyRepository(hostKeys);
        session.setSocketFactory(sockets);
        session.setTimeout(millis(properties.timeout()));
        session.setDaemonThread(true);
        return session;
    }

    /** A bound as JSch takes it: whole milliseconds, at least 1. */
    static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
