package com.infrakitchen.console.integration.credential.ssh;

import static com.infrakitchen.console.integration.credential.ssh.SshKeyRules.damaged;
import static com.infrakitchen.console.integration.credential.ssh.SshKeyRules.unsupportedEncryption;
import static com.infrakitchen.console.integration.credential.ssh.SshKeyRules.violation;

import com.infrakitchen.console.integration.credential.ssh.SshKeyRuleViolation.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * The one private key block in pasted text, as JSch reads it (armour, optional PEM headers, base64 body), and the
 * formats this form accepts: OpenSSH, PEM PKCS#1, PKCS#8 plain or encrypted. {@link #find(String)} says what the
 * text is instead when it holds no such block (a public key, a PuTTY or SSH.com file, a certificate, two keys);
 * {@link #checkEncryption(byte[])} refuses encryption that JSch cannot undo.
 */
final class KeyBlock {

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final Pattern PUBLIC_KEY_LINE = Pattern.compile(
            "(?:^|\\s)(ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\\d+|sk-[\\w.@-]+|[\\w.-]+-cert-v01@openssh\\.com)"
                    + "\\s+AAAA[A-Za-z0-9+/]");
    /** PEM encryption (DEK-Info) that JSch decrypts. */
    private static final Set<String> PEM_CIPHERS = Set.of("AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "DES-EDE3-CBC");
    /** OpenSSH key ciphers that JSch decrypts without Bouncy Castle. */
    private static final Set<String> OPENSSH_CIPHERS = Set.of("none", "aes128-ctr", "aes192-ctr", "aes256-ctr",
            "aes128-cbc", "aes192-cbc", "aes256-cbc", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com");
    /** PKCS#8 encryption that JSch decrypts: PBES2 with PBKDF2 and AES (the default of ssh-keygen and OpenSSL 3). */
    private static final Pattern PKCS8_SCHEMES =
            Pattern.compile("PBEWithHmacSHA(?:1|224|256|384|512)AndAES_(?:128|192|256)");
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private enum Format {
        OPENSSH, PEM, PKCS8, PKCS8_ENCRYPTED
    }

    private final Format format;
    private final String label;
    private final String text;
    private @Nullable String dekInfo;

    private KeyBlock(Format format, String label, String text) {
        this.format = format;
        this.label = label;
        this.text = text;
    }

    /** Finds the one private key block in normalised text (LF line breaks), or says what the text is instead. */
    static KeyBlock find(String text) {
        if (text.startsWith("PuTTY-User-Key-File-")) {
            throw violation(Problem.PUTTY, "This is a PuTTY key (.ppk): export it to OpenSSH first (PuTTYgen:"
                    + " Conversions, Export OpenSSH key), then paste that file");
        }
        if (text.contains("---- BEGIN SSH2 PUBLIC KEY ----") || text.contains("-----BEGIN PUBLIC KEY-----")
                || text.contains("-----BEGIN RSA PUBLIC KEY-----")
                || text.contains("-----BEGIN SSH2 PUBLIC KEY-----")) {
            throw SshKeyRules.publicKey(null);
        }
        if (text.contains("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----")) {
            throw violation(Problem.INVALID, "This is an SSH.com (SECSH) private key: convert it to OpenSSH first"
                    + " (ssh-keygen -i -f key), then paste that file");
        }
        Matcher begin = BEGIN.matcher(text);
        if (!begin.find()) {
            String first = text.lines().findFirst().orElse("");
            Matcher pub = PUBLIC_KEY_LINE.matcher(first);
            if (pub.find()) {
                throw SshKeyRules.publicKey(pub.group(1));
            }
            throw violation(Problem.INVALID, "This is not a valid private key: paste the whole key file, from"
                    + " its BEGIN … PRIVATE KEY line to its END … PRIVATE KEY line");
        }
        String label = begin.group(1);
        int start = begin.start();
        if (begin.find()) {
            throw violation(Problem.INVALID, "The text holds more than one key or certificate: paste only the"
                    + " private key");
        }
        Format format = switch (label) {
            case "OPENSSH PRIVATE KEY" -> Format.OPENSSH;
            case "RSA PRIVATE KEY", "DSA PRIVATE KEY", "EC PRIVATE KEY" -> Format.PEM;
            case "PRIVATE KEY" -> Format.PKCS8;
            case "ENCRYPTED PRIVATE KEY" -> Format.PKCS8_ENCRYPTED;
            case "CERTIFICATE", "TRUSTED CERTIFICATE" -> throw violation(Problem.INVALID,
                    "This is a certificate, not a private key: paste the private key");
            default -> throw violation(Problem.INVALID, "This is not a private key this form accepts (found "
                    + label + "): use an OpenSSH, PEM (PKCS#1) or PKCS#8 private key");
        };
        String end = "-----END " + label + "-----";
        int stop = text.indexOf(end, start);
        if (stop < 0) {
            throw violation(Problem.INVALID, "This private key is incomplete (its -----END " + label + "----- line"
                    + " is missing): copy the whole file again");
        }
        return new KeyBlock(format, label, text.substring(start, stop + end.length()) + "\n");
    }

    /** The block alone, from its BEGIN line to its END line and a line break: what JSch loads. */
    String text() {
        return text;
    }

    /** The body as bytes (wipe them), after reading PEM headers; refuses a body that is not base64. */
    byte[] decode() {
        StringBuilder body = new StringBuilder(text.length());
        boolean inHeaders = true;
        for (String line : text.split("\n")) {
            if (line.startsWith("-----")) {
                continue;
            }
            if (inHeaders && line.contains(":")) {
                if (line.startsWith("DEK-Info:")) {
                    dekInfo = line.substring("DEK-Info:".length()).strip();
                }
                continue;
            }
            inHeaders = false;
            body.append(line.strip());
        }
        try {
            byte[] der = Base64.getDecoder().decode(body.toString());
            if (der.length == 0) {
                throw damaged();
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw damaged();
        } finally {
            body.setLength(0);
        }
    }

    /** Refuses encryption that JSch cannot undo, so that it is never reported as a wrong passphrase. */
    void checkEncryption(byte[] der) {
        switch (format) {
            case PEM -> {
                if (dekInfo != null) {
                    String cipher = dekInfo.split(",", 2)[0].strip().toUpperCase(Locale.ROOT);
                    if (!PEM_CIPHERS.contains(cipher)) {
                        throw unsupportedEncryption("This " + label + " is encrypted with " + cipher);
                    }
                }
            }
            case PKCS8_ENCRYPTED -> {
                String scheme;
                try {
                    scheme = new EncryptedPrivateKeyInfo(der).getAlgName();
                } catch (IOException | RuntimeException e) {
                    scheme = "an unknown scheme (for example scrypt)";
                }
                if (!PKCS8_SCHEMES.matcher(scheme).matches()) {
                    throw unsupportedEncryption("This PKCS#8 key is encrypted with " + scheme);
                }
            }
            case OPENSSH -> {
                if (der.length < OPENSSH_MAGIC.length + 8
                        || !Arrays.equals(der, 0, OPENSSH_MAGIC.length, OPENSSH_MAGIC, 0, OPENSSH_MAGIC.length)) {
                    throw damaged();
                }
                ByteBuffer buffer = ByteBuffer.wrap(der, OPENSSH_MAGIC.length, der.length - OPENSSH_MAGIC.length);
                String cipher = SshWireFormat.sshString(buffer);
                String kdf = SshWireFormat.sshString(buffer);
                if (cipher == null || kdf == null) {
                    throw damaged();
                }
                if (!OPENSSH_CIPHERS.contains(cipher) || !(kdf.equals("none") || kdf.equals("bcrypt"))) {
                    throw unsupportedEncryption("This key is encrypted with " + cipher + " (" + kdf + ")");
                }
            }
            default -> {
            }
        }
    }
}
