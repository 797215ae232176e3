package com.infrakitchen.console.integration.credential.ssh;

import static com.infrakitchen.console.integration.credential.ssh.SshKeyRules.MAX_KEY_BYTES;
import static com.infrakitchen.console.integration.credential.ssh.SshKeyRules.damaged;
import static com.infrakitchen.console.integration.credential.ssh.SshKeyRules.tooLarge;

import com.infrakitchen.console.secret.Secret;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Reads a pasted private key: normalises the text, finds its {@link KeyBlock}, loads it with JSch, decrypts it
 * with the passphrase, applies {@link SshKeyRules} and returns the facts ({@link ParsedKey}) with the key in the
 * form JSch loads. Every intermediate copy of key material is wiped before it returns.
 */
final class SshKeyParser {

    private SshKeyParser() {
    }

    static ParsedKey parse(@Nullable Secret privateKey, @Nullable Secret passphrase, KeyPolicy policy,
            boolean keepDecrypted) {
        if (privateKey == null || privateKey.length() == 0) {
            throw SshKeyRules.missing();
        }
        if (privateKey.length() > MAX_KEY_BYTES) {
            throw tooLarge(privateKey.length());
        }
        return parse(privateKey.reveal(), passphrase, policy, keepDecrypted);
    }

    static ParsedKey parse(@Nullable String privateKeyText, @Nullable Secret passphrase, KeyPolicy policy,
            boolean keepDecrypted) {
        if (privateKeyText == null || privateKeyText.isBlank()) {
            throw SshKeyRules.missing();
        }
        if (privateKeyText.length() > MAX_KEY_BYTES) {
            throw tooLarge(privateKeyText.length());
        }
        int size = utf8Length(privateKeyText);
        if (size > MAX_KEY_BYTES) {
            throw tooLarge(size);
        }
        String text = normalise(privateKeyText);
        KeyBlock block = KeyBlock.find(text);
        byte[] der = null;
        byte[] bytes = block.text().getBytes(StandardCharsets.US_ASCII);
        KeyPair pair = null;
        try {
            der = block.decode();
            block.checkEncryption(der);
            try {
                pair = KeyPair.load(new JSch(), bytes, null);
            } catch (JSchException | RuntimeException e) {
                throw SshKeyRules.unreadable(e);
            }
            if (pair == null) {
                throw damaged();
            }
            byte[] blob = pair.getPublicKeyBlob();
            if (blob != null) {
                checkType(policy, blob);
            } else if (pair.getKeyType() != KeyPair.UNKNOWN) {
                policy.checkType(SshKeyRules.typeName(pair.getKeyType()), 0);
                if (pair.getKeyType() != KeyPair.RSA) {
                    throw SshKeyRules.notReadable(SshKeyRules.typeName(pair.getKeyType()));
                }
            }
            boolean encrypted = pair.isEncrypted();
            if (encrypted) {
                decrypt(pair, passphrase);
                blob = pair.getPublicKeyBlob();
                if (blob == null) {
                    throw damaged();
                }
                checkType(policy, blob);
            }
            int bits = SshWireFormat.rsaBits(blob);
            policy.checkRsaSize(bits);
            String line = "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + comment(pair);
            Secret decrypted = encrypted && keepDecrypted ? decryptedPem(pair, blob) : null;
            if (decrypted != null) {
                return new ParsedKey("RSA", bits, SshFingerprints.sha256(blob), SshFingerprints.md5(blob), line,
                        true, decrypted, true);
            }
            return new ParsedKey("RSA", bits, SshFingerprints.sha256(blob), SshFingerprints.md5(blob), line,
                    encrypted, Secret.ofBytes(bytes), false);
        } finally {
            if (pair != null) {
                pair.dispose();
            }
            SshKeys.wipe(der);
            SshKeys.wipe(bytes);
        }
    }

    /** The policy's judgement of the blob's kind; then any kind but RSA is one this parser cannot describe. */
    private static void checkType(KeyPolicy policy, byte[] blob) {
        String type = SshKeyRules.typeName(blob);
        policy.checkType(type, SshWireFormat.blobBits(blob));
        if (!"RSA".equals(type)) {
            throw SshKeyRules.notReadable(type);
        }
    }

    /**
     * The decrypted key as JSch writes it (PKCS#1 PEM, unencrypted), for loading without a second key derivation;
     * null when JSch cannot write this kind (its PKCS#8 keys) or what it wrote does not load back as the same
     * unencrypted key: the check then loads the key as given, with its passphrase.
     */
    private static @Nullable Secret decryptedPem(KeyPair pair, byte[] publicBlob) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        byte[] pem = null;
        KeyPair check = null;
        try {
            pair.writePrivateKey(out);
            pem = out.toByteArray();
            check = KeyPair.load(new JSch(), pem, null);
            if (check.isEncrypted() || !Arrays.equals(check.getPublicKeyBlob(), publicBlob)) {
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
            SshKeys.wipe(pem);
        }
    }

    private static void decrypt(KeyPair pair, @Nullable Secret passphrase) {
        if (passphrase == null || passphrase.length() == 0) {
            throw SshKeyRules.passphraseRequired();
        }
        byte[] pass = passphrase.bytes();
        boolean ok;
        try {
            ok = pair.decrypt(pass);
        } catch (RuntimeException e) {
            ok = false;
        } finally {
            SshKeys.wipe(pass);
        }
        if (!ok) {
            throw SshKeyRules.wrongPassphrase();
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

    private static String comment(KeyPair pair) {
        String comment = pair.getPublicKeyComment();
        if (comment == null || comment.isBlank() || comment.equals("no comment")) {
            return "";
        }
        return " " + comment.replaceAll("[\\p{Cntrl}]", "").strip();
    }

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
}
