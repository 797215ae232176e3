package com.infrakitchen.console.support.fakessh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys made at test time, in every format the SSH tests need (no key is ever stored in the repository). RSA 2048 key
 * pairs are generated once per JVM and shared; each format is written from them with the JDK or JSch.
 */
public final class TestSshKeys {

    /** The passphrase of every encrypted test key. Not a secret: the keys exist only during the test run. */
    public static final String PASSPHRASE = "correct horse battery staple";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair ALICE = rsa(2048);
    private static final KeyPair BOB = rsa(2048);

    private TestSshKeys() {
    }

    /** The RSA 2048 key pair the fakes register ("Alice's key"). */
    public static KeyPair alice() {
        return ALICE;
    }

    /** A second RSA 2048 key pair, registered nowhere. */
    public static KeyPair bob() {
        return BOB;
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- private key formats --------------------------------------------------------------------------------

    /** A PKCS#8 PEM block (label {@code PRIVATE KEY}, not encrypted), from the JDK. */
    public static String pkcs8(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** An encrypted PKCS#8 PEM block (label {@code ENCRYPTED PRIVATE KEY}): PBES2, PBKDF2 with HMAC-SHA256, AES-256-CBC (as OpenSSL 3). */
    public static String pkcs8Encrypted(KeyPair pair, String passphrase) {
        try {
            byte[] salt = random(16);
            PBEParameterSpec spec = new PBEParameterSpec(salt, 2048, new IvParameterSpec(random(16)));
            String algorithm = "PBEWithHmacSHA256AndAES_256";
            SecretKey key = SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray()));
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.ENCRYPT_MODE, key, spec);
            byte[] encrypted = cipher.doFinal(pair.getPrivate().getEncoded());
            // Re-read as generic PBES2 parameters: the JDK has no OID for the specific algorithm name.
            AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
            pbes2.init(cipher.getParameters().getEncoded());
            return pem("ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(pbes2, encrypted).getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#1 PEM block (label {@code RSA PRIVATE KEY}, not encrypted): the RSAPrivateKey inside the PKCS#8 DER. */
    /** An OpenSSH private key of {@code pair} with lines cut out of its body: a damaged paste, made at run time. */
    public static String damaged(KeyPair pair) {
        List<String> lines = new ArrayList<>(List.of(openssh(pair, null, "damaged")
                .split("\n")));
        lines.subList(3, 10).clear();
        return String.join("\n", lines);
    }

    public static String pkcs1(KeyPair pair) {
        return pem("RSA PRIVATE KEY", rsaPrivateKeyDer(pair.getPrivate().getEncoded()));
    }

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER version, AlgorithmIdentifier, OCTET STRING privateKey }. */
    private static byte[] rsaPrivateKeyDer(byte[] pkcs8) {
        ByteBuffer der = ByteBuffer.wrap(pkcs8);
        header(der, 0x30);
        int version = header(der, 0x02);
        der.position(der.position() + version);
        int algorithm = header(der, 0x30);
        der.position(der.position() + algorithm);
        byte[] key = new byte[header(der, 0x04)];
        der.get(key);
        return key;
    }

    private static int header(ByteBuffer der, int tag) {
        if ((der.get() & 0xff) != tag) {
            throw new IllegalStateException("unexpected DER tag");
        }
        int length = der.get() & 0xff;
        if (length >= 0x80) {
            int bytes = length & 0x7f;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der.get() & 0xff);
            }
        }
        return length;
    }

    /** PKCS#1 with {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info: DES-EDE3-CBC} (JSch's and old OpenSSL's). */
    public static String pkcs1EncryptedDes3(KeyPair pair, String passphrase) {
        com.jcraft.jsch.KeyPair jsch = jsch(pair);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        jsch.writePrivateKey(out, passphrase.getBytes(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** PKCS#1 with {@code DEK-Info: AES-128-CBC}, as {@code ssh-keygen -m PEM -N …} writes it (EVP_BytesToKey). */
    public static String pkcs1EncryptedAes128(KeyPair pair, String passphrase) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(body(pkcs1(pair)));
            byte[] iv = random(16);
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(passphrase.getBytes(StandardCharsets.UTF_8));
            md5.update(iv, 0, 8);
            byte[] key = md5.digest();
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(der);
            return begin("RSA PRIVATE KEY") + "\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,"
                    + HexFormat.of().withUpperCase().formatHex(iv) + "\n\n" + wrap(encrypted)
                    + end("RSA PRIVATE KEY") + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OpenSSH private key block; encrypted (aes256-ctr, bcrypt) when a passphrase is given. */
    public static String openssh(KeyPair pair, String passphrase, String comment) {
        com.jcraft.jsch.KeyPair jsch = jsch(pair);
        jsch.setPublicKeyComment(comment);
        return openssh(jsch, passphrase);
    }

    private static String openssh(com.jcraft.jsch.KeyPair jsch, String passphrase) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            jsch.writeOpenSSHv1PrivateKey(out, passphrase == null ? null : passphrase.getBytes(StandardCharsets.UTF_8));
        } catch (JSchException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** A key of another type (JSch's {@code ED25519}, {@code ECDSA}, {@code DSA}) in OpenSSH format. */
    public static String otherType(int jschType, int bits, String passphrase) {
        try {
            com.jcraft.jsch.KeyPair pair = com.jcraft.jsch.KeyPair.genKeyPair(new JSch(), jschType, bits);
            return openssh(pair, passphrase);
        } catch (JSchException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key of another type in its PEM form (labels {@code DSA PRIVATE KEY}, {@code EC PRIVATE KEY}). */
    public static String otherTypePem(int jschType, int bits) {
        try {
            com.jcraft.jsch.KeyPair pair = com.jcraft.jsch.KeyPair.genKeyPair(new JSch(), jschType, bits);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pair.writePrivateKey(out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (JSchException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ED25519 key pair in OpenSSH format and its public line: [private, public]. */
    public static String[] ed25519WithPublicLine() {
        try {
            com.jcraft.jsch.KeyPair pair =
                    com.jcraft.jsch.KeyPair.genKeyPair(new JSch(), com.jcraft.jsch.KeyPair.ED25519);
            ByteArrayOutputStream pub = new ByteArrayOutputStream();
            pair.writePublicKey(pub, "ed@test");
            return new String[] {openssh(pair, null), pub.toString(StandardCharsets.US_ASCII).strip()};
        } catch (JSchException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- public key formats ---------------------------------------------------------------------------------

    /** {@code ssh-rsa AAAA… comment}. */
    public static String publicLine(KeyPair pair, String comment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        jsch(pair).writePublicKey(out, comment);
        return out.toString(StandardCharsets.US_ASCII).strip();
    }

    /** {@code ---- BEGIN SSH2 PUBLIC KEY ----} (RFC 4716). */
    public static String publicSecsh(KeyPair pair) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        jsch(pair).writeSECSHPublicKey(out, "test");
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** {@code -----BEGIN PUBLIC KEY-----} (X.509 SubjectPublicKeyInfo). */
    public static String publicPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /** The SSH wire blob of an RSA public key ({@code string "ssh-rsa", mpint e, mpint n}). */
    public static byte[] publicBlob(KeyPair pair) {
        return jsch(pair).getPublicKeyBlob();
    }

    /** A PuTTY .ppk file's shape (only its header matters to the console, which refuses it). */
    public static String puttyPpk(KeyPair pair) {
        String blob = Base64.getEncoder().encodeToString(publicBlob(pair));
        return "PuTTY-User-Key-File-3: ssh-rsa\r\nEncryption: none\r\nComment: test\r\nPublic-Lines: 1\r\n" + blob
                + "\r\nPrivate-Lines: 1\r\nAAAA\r\nPrivate-MAC: 00\r\n";
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static com.jcraft.jsch.KeyPair jsch(KeyPair pair) {
        try {
            return com.jcraft.jsch.KeyPair.load(new JSch(), pkcs1(pair).getBytes(StandardCharsets.US_ASCII), null);
        } catch (JSchException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        return begin(label) + "\n" + wrap(der) + end(label) + "\n";
    }

    /**
     * The armour line that opens a PEM block with this label. Built here, at run time, so that no committed
     * file holds what looks like the start of a private key; every key in the tests is generated when they run.
     */
    public static String begin(String label) {
        return "-".repeat(5) + "BEGIN " + label + "-".repeat(5);
    }

    /** The armour line that closes a PEM block with this label. */
    public static String end(String label) {
        return "-".repeat(5) + "END " + label + "-".repeat(5);
    }

    private static String wrap(byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 64) {
            out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return out.toString();
    }

    private static String body(String pem) {
        StringBuilder out = new StringBuilder();
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && !line.contains(":")) {
                out.append(line.strip());
            }
        }
        return out.toString();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
