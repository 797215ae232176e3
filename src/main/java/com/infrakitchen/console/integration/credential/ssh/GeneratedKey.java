package com.infrakitchen.console.integration.credential.ssh;

import com.infrakitchen.console.secret.Secret;

/**
 * A key pair made by {@link SshKeys#generate(String)}: the private key (OpenSSH format, not encrypted; it is
 * encrypted at rest like every secret) and the facts of the key, whose {@link ParsedKey#publicKeyLine()} is what
 * the user adds in Azure DevOps. {@code key.privateKey()} holds the same bytes as {@code privateKey}.
 */
public record GeneratedKey(Secret privateKey, ParsedKey key) {

    public String publicKeyLine() {
        return key.publicKeyLine();
    }

    public String sha256Fingerprint() {
        return key.sha256Fingerprint();
    }

    public String md5Fingerprint() {
        return key.md5Fingerprint();
    }

    public void wipe() {
        privateKey.wipe();
        key.wipe();
    }
}
