package com.infrakitchen.console.integration.internal;

import java.time.Instant;

/**
 * The SSH key of an integration as stored ({@code ssh_*} columns): the private key and passphrase as
 * ciphertexts bound to the row, the public half and its fingerprints in clear (they are public).
 */
public record SshKeyColumns(byte[] keyCiphertext, Integer keyKeyId, byte[] passphraseCiphertext, Instant setAt,
        String publicKey, String fingerprintSha256, String fingerprintMd5, String keyDescription, Boolean generated,
        String testRepository) {

    @Override
    public String toString() {
        return "SshKeyColumns[" + keyDescription + ", " + fingerprintSha256 + ", repository=" + testRepository + "]";
    }
}
