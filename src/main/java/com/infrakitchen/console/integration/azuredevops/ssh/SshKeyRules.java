package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.azuredevops.ssh.SshKeyRuleViolation.Problem;
import com.jcraft.jsch.KeyPair;

/**
 * The local rules a private key must meet before anything is sent to Azure DevOps (docs/product.md 4, docs/security.md
 * I-11): a size limit, RSA only, at least {@link #MIN_RSA_BITS} bits; and every refusal's message, written for the
 * user, never holding key material or the library's text.
 */
final class SshKeyRules {

    /** The most a pasted key may have, in UTF-8 bytes; checked before anything else (docs/security.md I-11). */
    static final int MAX_KEY_BYTES = 16 * 1024;
    /** Azure DevOps refuses smaller RSA keys. */
    static final int MIN_RSA_BITS = 2048;

    private static final String CREATE_RSA = " Create an RSA key (ssh-keygen -t rsa -b 4096) or use Generate key pair.";

    private SshKeyRules() {
    }

    // ---- key types and sizes --------------------------------------------------------------------------------

    static void refuseUnlessRsa(byte[] blob) {
        String type = SshWireFormat.blobType(blob);
        if (!"ssh-rsa".equals(type)) {
            refuseType(typeName(type), SshWireFormat.blobBits(blob));
        }
    }

    /** Refuses a key whose type JSch knows but whose public half it does not give before decryption. */
    static void refuseUnlessRsa(int jschType) {
        if (jschType != KeyPair.RSA && jschType != KeyPair.UNKNOWN) {
            refuseType(typeName(jschType), 0);
        }
    }

    static void refuseUnlessLargeEnough(int bits) {
        if (bits < MIN_RSA_BITS) {
            throw violation(Problem.TOO_SMALL, "This RSA key has " + bits + " bits; Azure DevOps needs at least "
                    + MIN_RSA_BITS + "." + CREATE_RSA);
        }
    }

    private static void refuseType(String name, int bits) {
        String article = name.startsWith("E") || name.startsWith("R") || name.startsWith("u") ? "an " : "a ";
        String size = bits > 0 && !name.equals("ED25519") && !name.equals("ED448") ? " (" + bits + " bits)" : "";
        String extra = name.equals("DSA") ? " DSA keys are not supported:" : "";
        throw violation(Problem.UNSUPPORTED_TYPE, "This is " + article + name + " key" + size + ";" + extra
                + " Azure DevOps accepts only RSA keys." + CREATE_RSA);
    }

    private static String typeName(int jschType) {
        return switch (jschType) {
            case KeyPair.DSA -> "DSA";
            case KeyPair.ECDSA -> "ECDSA";
            case KeyPair.ED25519 -> "ED25519";
            case KeyPair.ED448 -> "ED448";
            case KeyPair.RSA -> "RSA";
            default -> "unknown";
        };
    }

    private static String typeName(String sshType) {
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

    static SshKeyRuleViolation publicKey(String type) {
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
