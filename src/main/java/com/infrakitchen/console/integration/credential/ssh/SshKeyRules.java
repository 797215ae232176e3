package com.infrakitchen.console.integration.credential.ssh;

import com.infrakitchen.console.integration.credential.ssh.SshKeyRuleViolation.Problem;
import com.jcraft.jsch.KeyPair;
import org.jspecify.annotations.Nullable;

/**
 * The rules every private key must meet, whoever it is for (docs/security.md I-11): a size limit, a readable block,
 * a passphrase that decrypts it; and every refusal's message, written for the user, never holding key material or
 * the library's text. Which kinds and sizes a provider accepts is its {@link KeyPolicy}.
 */
final class SshKeyRules {

    /** The most a pasted key may have, in UTF-8 bytes; checked before anything else (docs/security.md I-11). */
    static final int MAX_KEY_BYTES = 16 * 1024;

    private SshKeyRules() {
    }

    // ---- key types --------------------------------------------------------------------------------------------

    /** The kind of an SSH public key blob in words ({@code RSA}, {@code ED25519}, ...), for a policy's message. */
    static String typeName(byte[] blob) {
        return typeName(SshWireFormat.blobType(blob));
    }

    /** The kind of a key JSch has read but whose public half it does not give before decryption. */
    static String typeName(int jschType) {
        return switch (jschType) {
            case KeyPair.DSA -> "DSA";
            case KeyPair.ECDSA -> "ECDSA";
            case KeyPair.ED25519 -> "ED25519";
            case KeyPair.ED448 -> "ED448";
            case KeyPair.RSA -> "RSA";
            default -> "unknown";
        };
    }

    private static String typeName(@Nullable String sshType) {
        if (sshType == null) {
            return "unknown";
        }
        return switch (sshType) {
            case "ssh-dss" -> "DSA";
            case "ssh-ed25519" -> "ED25519";
            case "ssh-ed448" -> "ED448";
            case "ssh-rsa" -> "RSA";
            default -> sshType.startsWith("ecdsa-") ? "ECDSA" : sshType;
        };
    }

    /** What the parser itself cannot describe (any kind but RSA), when a policy let it through. */
    static SshKeyRuleViolation notReadable(String type) {
        return violation(Problem.UNSUPPORTED_TYPE, "This is a " + type + " key; InfraKitchen reads only RSA keys");
    }

    // ---- refusals ---------------------------------------------------------------------------------------------

    static SshKeyRuleViolation missing() {
        return violation(Problem.MISSING, "SSH Private Key is required");
    }

    static SshKeyRuleViolation tooLarge(int bytes) {
        return violation(Problem.TOO_LARGE, "SSH Private Key is too large (" + (bytes + 1023) / 1024
                + " KiB; at most " + MAX_KEY_BYTES / 1024 + " KiB): paste only the private key");
    }

    static SshKeyRuleViolation unsupportedEncryption(String what) {
        return violation(Problem.UNSUPPORTED_ENCRYPTION, what + ", which InfraKitchen cannot read. Re-encrypt it"
                + " in OpenSSH format with ssh-keygen -p -f <key file> (ssh-keygen's default cipher works)");
    }

    /** What JSch's refusal to load a key means for the user; its own message is never passed on. */
    static SshKeyRuleViolation unreadable(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("cipher ") || message.startsWith("kdf ")
                || message.startsWith("privatekey: aes")) {
            return unsupportedEncryption("This key is encrypted with a cipher");
        }
        return damaged();
    }

    static SshKeyRuleViolation damaged() {
        return violation(Problem.INVALID, "This private key is damaged or incomplete: copy the whole key file again");
    }

    static SshKeyRuleViolation publicKey(@Nullable String type) {
        return violation(Problem.PUBLIC_KEY, "This is a public key" + (type == null ? "" : " (" + type + ")")
                + ": paste the private key instead (the file without .pub, starting with -----BEGIN)");
    }

    static SshKeyRuleViolation passphraseRequired() {
        return violation(Problem.PASSPHRASE_REQUIRED, "This key is encrypted: enter its passphrase");
    }

    static SshKeyRuleViolation wrongPassphrase() {
        return violation(Problem.WRONG_PASSPHRASE, "The passphrase does not decrypt this key");
    }

    static SshKeyRuleViolation violation(Problem problem, String message) {
        return new SshKeyRuleViolation(problem, message);
    }
}
