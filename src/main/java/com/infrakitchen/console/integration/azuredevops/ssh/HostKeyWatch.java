package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The trusted host keys of one check, read-only: JSch may ask, never add or remove (there is no trust on first
 * use; docs/security.md 3.7). Remembers what the server presented and what the check answered, so the result can show
 * both fingerprints.
 */
final class HostKeyWatch implements HostKeyRepository {

    static final String SOURCE = "app.azure-devops.ssh.known-hosts";

    private final HostKeyRepository trusted;
    private volatile @Nullable String host;
    private volatile byte @Nullable [] presented;
    private volatile int result = -1;
    private volatile long checkedAt;

    HostKeyWatch(HostKeyRepository trusted) {
        this.trusted = trusted;
    }

    @Override
    public int check(String host, byte[] key) {
        this.host = host;
        this.presented = key.clone();
        int answer = trusted.check(host, key);
        this.result = answer;
        this.checkedAt = System.nanoTime();
        return answer;
    }

    @Override
    public void add(HostKey hostkey, @Nullable UserInfo ui) {
        // never learns a key
    }

    @Override
    public void remove(String host, String type) {
        // never forgets a key
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // never forgets a key
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return SOURCE;
    }

    @Override
    public HostKey @Nullable [] getHostKey() {
        return trusted.getHostKey();
    }

    @Override
    public HostKey @Nullable [] getHostKey(String host, @Nullable String type) {
        return trusted.getHostKey(host, type);
    }

    boolean checked() {
        return result >= 0;
    }

    /** {@link HostKeyRepository#OK}, {@code NOT_INCLUDED}, {@code CHANGED}, or -1 before the check. */
    int result() {
        return result;
    }

    long checkedAt() {
        return checkedAt;
    }

    /** The name JSch checked: the host, or {@code [host]:port} for a port other than 22. */
    @Nullable String host() {
        return host;
    }

    /** "RSA SHA256:…" of the key the server presented, or null before the check. */
    @Nullable String presentedKey() {
        byte[] key = presented;
        if (key == null) {
            return null;
        }
        String type = SshKeys.blobType(key);
        return describe(type) + " " + SshKeys.sha256Fingerprint(key);
    }

    /** The SHA256 fingerprints trusted for the checked host (any key type). */
    List<String> trustedFingerprints() {
        String name = host;
        return name == null ? new ArrayList<>() : fingerprints(trusted, name);
    }

    /**
     * "RSA SHA256:…" of every key {@code trusted} holds for {@code name} ({@code host} or {@code [host]:port}; for
     * the latter, entries of the bare host count too, as JSch's own lookup does), revoked ones left out.
     */
    static List<String> fingerprints(HostKeyRepository trusted, String name) {
        List<String> out = new ArrayList<>();
        HostKey[] keys = trusted.getHostKey(name, null);
        if ((keys == null || keys.length == 0) && name.startsWith("[") && name.indexOf("]:") > 1) {
            keys = trusted.getHostKey(name.substring(1, name.indexOf("]:")), null);
        }
        if (keys != null) {
            for (HostKey key : keys) {
                if ("@revoked".equals(key.getMarker())) {
                    continue;
                }
                try {
                    byte[] blob = Base64.getDecoder().decode(key.getKey());
                    out.add(describe(SshKeys.blobType(blob)) + " " + SshKeys.sha256Fingerprint(blob));
                } catch (IllegalArgumentException e) {
                    // an unreadable entry trusts nothing
                }
            }
        }
        return out;
    }

    private static String describe(@Nullable String sshType) {
        if (sshType == null) {
            return "unknown";
        }
        return switch (sshType) {
            case "ssh-rsa" -> "RSA";
            case "ssh-ed25519" -> "ED25519";
            case "ssh-dss" -> "DSA";
            default -> sshType.startsWith("ecdsa-") ? "ECDSA" : sshType;
        };
    }
}
