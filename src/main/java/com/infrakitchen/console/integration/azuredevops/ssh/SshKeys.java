package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.azuredevops.ssh.SshKeyRuleViolation.Problem;
import com.infrakitchen.console.secret.Secret;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.EncryptedPrivateKeyInfo;

/**
 * SSH key rules and tools for Azure DevOps (azure-devops.md 8.2 and 8.5, security.md 3.7, product.md 4): reads a
 * pasted private key in any format JSch 2.28 can use (OpenSSH, PEM PKCS#1 with or without {@code Proc-Type:
 * 4,ENCRYPTED}, PKCS#8 plain or encrypted with PBES2), refuses with a message a user can act on everything Azure
 * DevOps would refuse later (non-RSA keys, small keys) and everything that is not a private key (public keys,
 * PuTTY files, junk), and makes new RSA 4096 key pairs.
 *
 * <p>Messages never contain key material or the passphrase, and no exception from the parser is chained as a
 * cause (its text is the library's, not ours).
 */
public final class SshKeys {

    /** The most a pasted key may have, in UTF-8 bytes; checked before anything else (security.md I-11). */
    public static final int MAX_KEY_BYTES = 16 * 1024;
    /** Azure DevOps refuses smaller RSA keys. */
    public static final int MIN_RSA_BITS = 2048;
    /** What {@link #generate(String)} makes. */
    public static final int GENERATED_RSA_BITS = 4096;

    private static final String CREATE_RSA = " Create an RSA key (ssh-keygen -t rsa -b 4096) or use Generate key pair.";
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

    private SshKeys() {
    }

    // ---- parse ----------------------------------------------------------------------------------------------

    /** {@link #parse(String, Secret)} for a key held as a secret (the size rule is applied before it is read). */
    public static ParsedKey parse(Secret privateKey, Secret passphrase) {
        return parse(privateKey, passphrase, false);
    }

    /**
     * As {@link #parse(Secret, Secret)} for a check: an encrypted key comes back decrypted
     * ({@link ParsedKey#decrypted()}), so that JSch loads it without deriving the passphrase's key a second time
     * (bcrypt for OpenSSH keys, PBKDF2 for PKCS#8: the slowest part of a local check). Never store what it returns.
     */
    static ParsedKey parseForCheck(Secret privateKey, Secret passphrase) {
        return parse(privateKey, passphrase, true);
    }

    private static ParsedKey parse(Secret privateKey, Secret passphrase, boolean keepDecrypted) {
        if (privateKey == null || privateKey.length() == 0) {
            throw violation(Problem.MISSING, "SSH Private Key is required");
        }
        if (privateKey.length() > MAX_KEY_BYTES) {
            throw tooLarge(privateKey.length());
        }
        return parse(privateKey.reveal(), passphrase, keepDecrypted);
    }

    /**
     * Reads a pasted private key and checks it against every local rule. Line breaks may be CRLF; text around the
     * key block (a "Bag Attributes" preamble) is ignored.
     *
     * @param passphrase the key's passphrase; may be null or empty when the key is not encrypted
     * @throws SshKeyRuleViolation when a rule is broken, with a message safe to show next to the field
     */
    public static ParsedKey parse(String privateKeyText, Secret passphrase) {
        return parse(privateKeyText, passphrase, false);
    }

    private static ParsedKey parse(String privateKeyText, Secret passphrase, boolean keepDecrypted) {
        if (privateKeyText == null || privateKeyText.isBlank()) {
            throw violation(Problem.MISSING, "SSH Private Key is required");
        }
        if (privateKeyText.length() > MAX_KEY_BYTES) {
            throw tooLarge(privateKeyText.length());
        }
        int size = utf8Length(privateKeyText);
        if (size > MAX_KEY_BYTES) {
            throw tooLarge(size);
        }
        String text = normalise(privateKeyText);
        Block block = block(text);
        byte[] der = null;
        byte[] bytes = block.text().getBytes(StandardCharsets.US_ASCII);
        KeyPair pair = null;
        try {
            der = block.decode();
            block.checkEncryption(der);
            try {
                pair = KeyPair.load(new JSch(), bytes, null);
            } catch (JSchException | RuntimeException e) {
                throw unreadable(e);
            }
            if (pair == null) {
                throw damaged();
            }
            byte[] blob = pair.getPublicKeyBlob();
            if (blob != null) {
                refuseUnlessRsa(blob);
            } else if (pair.getKeyType() != KeyPair.RSA && pair.getKeyType() != KeyPair.UNKNOWN) {
                refuseType(typeName(pair.getKeyType()), 0);
            }
            boolean encrypted = pair.isEncrypted();
            if (encrypted) {
                decrypt(pair, passphrase);
                blob = pair.getPublicKeyBlob();
                if (blob == null) {
                    throw damaged();
                }
                refuseUnlessRsa(blob);
            }
            int bits = rsaBits(blob);
            if (bits < MIN_RSA_BITS) {
                throw violation(Problem.TOO_SMALL, "This RSA key has " + bits + " bits; Azure DevOps needs at least "
                        + MIN_RSA_BITS + "." + CREATE_RSA);
            }
            String line = "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + comment(pair);
            Secret decrypted = encrypted && keepDecrypted ? decryptedPem(pair, blob) : null;
            if (decrypted != null) {
                return new ParsedKey("RSA", bits, sha256Fingerprint(blob), md5Fingerprint(blob), line, true,
                        decrypted, true);
            }
            return new ParsedKey("RSA", bits, sha256Fingerprint(blob), md5Fingerprint(blob), line, encrypted,
                    Secret.ofBytes(bytes), false);
        } finally {
            if (pair != null) {
                pair.dispose();
            }
            wipe(der);
            wipe(bytes);
        }
    }

    /**
     * The decrypted key as JSch writes it (PKCS#1 PEM, unencrypted), for loading without a second key derivation;
     * null when JSch cannot write this kind (its PKCS#8 keys) or what it wrote does not load back as the same
     * unencrypted key: the check then loads the key as given, with its passphrase.
     */
    private static Secret decryptedPem(KeyPair pair, byte[] publicBlob) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(4096);
        byte[] pem = null;
        KeyPair check = null;
        try {
            pair.writePrivateKey(out);
            pem = out.toByteArray();
            check = KeyPair.load(new JSch(), pem, null);
            if (check.isEncrypted() || !java.util.Arrays.equals(check.getPublicKeyBlob(), publicBlob)) {
                return null;
            }
            return Secret.ofBytes(pem);
        } catch (JSchException | RuntimeException e) {
            return null;
        } finally {
            if (check != null) {
                check.dispose();
            }
            int written = out.size();
            // ByteArrayOutputStream keeps its own buffer: overwrite what it holds
            out.reset();
            out.writeBytes(new byte[written]);
            wipe(pem);
        }
    }

    private static void decrypt(KeyPair pair, Secret passphrase) {
        if (passphrase == null || passphrase.length() == 0) {
            throw violation(Problem.PASSPHRASE_REQUIRED, "This key is encrypted: enter its passphrase");
        }
        byte[] pass = passphrase.bytes();
        boolean ok;
        try {
            ok = pair.decrypt(pass);
        } catch (RuntimeException e) {
            ok = false;
        } finally {
            wipe(pass);
        }
        if (!ok) {
            throw violation(Problem.WRONG_PASSPHRASE, "The passphrase does not decrypt this key");
        }
    }

    /** CRLF and CR to LF, a byte-order mark and surrounding blanks dropped. */
    private static String normalise(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return s.strip();
    }

    /** Finds the one private key block, or says what the text is instead. */
    private static Block block(String text) {
        if (text.startsWith("PuTTY-User-Key-File-")) {
            throw violation(Problem.PUTTY, "This is a PuTTY key (.ppk): export it to OpenSSH first (PuTTYgen:"
                    + " Conversions, Export OpenSSH key), then paste that file");
        }
        if (text.contains("---- BEGIN SSH2 PUBLIC KEY ----") || text.contains("-----BEGIN PUBLIC KEY-----")
                || text.contains("-----BEGIN RSA PUBLIC KEY-----")
                || text.contains("-----BEGIN SSH2 PUBLIC KEY-----")) {
            throw publicKey(null);
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
                throw publicKey(pub.group(1));
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
        return new Block(format, label, text.substring(start, stop + end.length()) + "\n");
    }

    private enum Format {
        OPENSSH, PEM, PKCS8, PKCS8_ENCRYPTED
    }

    /** One key block as JSch reads it: armour, optional PEM headers, base64 body. */
    private static final class Block {
        private final Format format;
        private final String label;
        private final String text;
        private String dekInfo;

        Block(Format format, String label, String text) {
            this.format = format;
            this.label = label;
            this.text = text;
        }

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
                    String cipher = sshString(buffer);
                    String kdf = sshString(buffer);
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

    private static SshKeyRuleViolation unsupportedEncryption(String what) {
        return violation(Problem.UNSUPPORTED_ENCRYPTION, what + ", which InfraKitchen cannot read. Re-encrypt it"
                + " in OpenSSH format with ssh-keygen -p -f <key file> (ssh-keygen's default cipher works)");
    }

    private static SshKeyRuleViolation unreadable(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("cipher ") || message.startsWith("kdf ")
                || message.startsWith("privatekey: aes")) {
            return unsupportedEncryption("This key is encrypted with a cipher");
        }
        return damaged();
    }

    private static SshKeyRuleViolation damaged() {
        return violation(Problem.INVALID, "This private key is damaged or incomplete: copy the whole key file again");
    }

    private static SshKeyRuleViolation publicKey(String type) {
        return violation(Problem.PUBLIC_KEY, "This is a public key" + (type == null ? "" : " (" + type + ")")
                + ": paste the private key instead (the file without .pub, starting with -----BEGIN)");
    }

    private static SshKeyRuleViolation tooLarge(int bytes) {
        return violation(Problem.TOO_LARGE, "SSH Private Key is too large (" + (bytes + 1023) / 1024
                + " KiB; at most " + MAX_KEY_BYTES / 1024 + " KiB): paste only the private key");
    }

    private static SshKeyRuleViolation violation(Problem problem, String message) {
        return new SshKeyRuleViolation(problem, message);
    }

    // ---- key types ------------------------------------------------------------------------------------------

    private static void refuseUnlessRsa(byte[] blob) {
        String type = blobType(blob);
        if (!"ssh-rsa".equals(type)) {
            refuseType(typeName(type), blobBits(blob));
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

    /** The type name at the start of an SSH public key blob ({@code ssh-rsa}, {@code ssh-ed25519}, …). */
    static String blobType(byte[] blob) {
        return sshString(ByteBuffer.wrap(blob));
    }

    private static int blobBits(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        String type = sshString(buffer);
        if (type == null) {
            return 0;
        }
        if (type.equals("ssh-rsa")) {
            return rsaBits(blob);
        }
        if (type.equals("ssh-dss")) {
            byte[] p = sshBytes(buffer);
            return p == null ? 0 : new BigInteger(1, p).bitLength();
        }
        if (type.startsWith("ecdsa-sha2-nistp")) {
            try {
                return Integer.parseInt(type.substring("ecdsa-sha2-nistp".length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return type.equals("ssh-ed25519") ? 256 : 0;
    }

    /** The modulus length of an {@code ssh-rsa} blob ({@code string type, mpint e, mpint n}). */
    private static int rsaBits(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        sshBytes(buffer);
        sshBytes(buffer);
        byte[] n = sshBytes(buffer);
        if (n == null) {
            throw damaged();
        }
        return new BigInteger(1, n).bitLength();
    }

    private static String sshString(ByteBuffer buffer) {
        byte[] bytes = sshBytes(buffer);
        return bytes == null ? null : new String(bytes, StandardCharsets.US_ASCII);
    }

    private static byte[] sshBytes(ByteBuffer buffer) {
        if (buffer.remaining() < 4) {
            return null;
        }
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static String comment(KeyPair pair) {
        String comment = pair.getPublicKeyComment();
        if (comment == null || comment.isBlank() || comment.equals("no comment")) {
            return "";
        }
        return " " + comment.replaceAll("[\\p{Cntrl}]", "").strip();
    }

    // ---- fingerprints ---------------------------------------------------------------------------------------

    /** {@code SHA256:} and unpadded base64 of the SHA-256 of an SSH public key blob, as {@code ssh-keygen -l}. */
    public static String sha256Fingerprint(byte[] publicKeyBlob) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", publicKeyBlob));
    }

    /** {@code MD5:} and colon-separated lower-case hex, as {@code ssh-keygen -l -E md5}. */
    public static String md5Fingerprint(byte[] publicKeyBlob) {
        return "MD5:" + HexFormat.ofDelimiter(":").formatHex(digest("MD5", publicKeyBlob));
    }

    /** The SHA256 fingerprint of the key in an OpenSSH public key line ({@code ssh-rsa AAAA… comment}). */
    public static String sha256FingerprintOfLine(String publicKeyLine) {
        String[] parts = publicKeyLine.strip().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a public key line");
        }
        return sha256Fingerprint(Base64.getDecoder().decode(parts[1]));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- generate -------------------------------------------------------------------------------------------

    /**
     * Makes an RSA 4096 key pair on this server (JDK key generation through JSch). The private key comes back in
     * OpenSSH format, not encrypted, as ssh-keygen writes it; it is a secret like any pasted key.
     *
     * @param comment the comment of the public key line (for example the integration's name); control characters
     *                are removed, blank means none
     */
    public static GeneratedKey generate(String comment) {
        return generate(comment, GENERATED_RSA_BITS);
    }

    /** {@link #generate(String)} with another size, for tests that need many keys quickly. */
    static GeneratedKey generate(String comment, int bits) {
        KeyPair pair = null;
        WipeableBuffer out = new WipeableBuffer();
        byte[] bytes = null;
        try {
            pair = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, bits);
            String clean = comment == null ? "" : comment.replaceAll("[\\p{Cntrl}]", "").strip();
            pair.setPublicKeyComment(clean);
            pair.writeOpenSSHv1PrivateKey(out, null);
            bytes = out.toByteArray();
            Secret privateKey = Secret.ofBytes(bytes);
            return new GeneratedKey(privateKey, parse(privateKey, null));
        } catch (JSchException e) {
            throw new IllegalStateException("RSA key generation failed: " + e.getClass().getSimpleName());
        } finally {
            if (pair != null) {
                pair.dispose();
            }
            out.wipe();
            wipe(bytes);
        }
    }

    /** A byte buffer whose internal array can be zeroed. */
    private static final class WipeableBuffer extends ByteArrayOutputStream {
        void wipe() {
            Arrays.fill(buf, (byte) 0);
            reset();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
