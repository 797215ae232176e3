package com.infrakitchen.console.integration.azuredevops.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The SSH endpoint and the host keys the check trusts for it, as the "How to connect" panel shows them: read from
 * the configured {@code app.azure-devops.ssh.known-hosts} (or {@code .known-hosts-file}, re-read on every call)
 * the same way {@link SshSessions} reads them for the check, so the page never names a host key the check would
 * not accept. Public facts only: host names and SHA256 fingerprints of public keys.
 */
@Component
public class TrustedHostKeys {

    /**
     * @param endpoint     the name the check looks up: the host, or {@code [host]:port} for a port other than 22
     * @param fingerprints "RSA SHA256:…" of every trusted (not revoked) key for it; empty when none is trusted
     * @param problem      why the known hosts could not be read, else null
     */
    public record Trusted(String endpoint, List<String> fingerprints, @Nullable String problem) {
    }

    private final SshProperties properties;

    TrustedHostKeys(SshProperties properties) {
        this.properties = properties;
    }

    public Trusted current() {
        String endpoint = properties.port() == 22 ? properties.host()
                : "[" + properties.host() + "]:" + properties.port();
        try {
            JSch jsch = new JSch();
            jsch.setKnownHosts(new ByteArrayInputStream(properties.knownHostsText().getBytes(StandardCharsets.UTF_8)));
            return new Trusted(endpoint, HostKeyWatch.fingerprints(jsch.getHostKeyRepository(), endpoint), null);
        } catch (JSchException | RuntimeException e) {
            return new Trusted(endpoint, List.of(), "the trusted host keys (" + HostKeyWatch.SOURCE
                    + ") cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
