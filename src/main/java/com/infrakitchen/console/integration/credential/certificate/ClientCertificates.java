package com.infrakitchen.console.integration.credential.certificate;

import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.secret.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Reads a client certificate with its private key (docs/product.md 4.1): PEM text with a {@code CERTIFICATE} block
 * and a {@code PRIVATE KEY} (PKCS#8), {@code ENCRYPTED PRIVATE KEY} (with its password) or {@code RSA PRIVATE KEY}
 * (PKCS#1) block, in any order; or a PKCS#12 file ({@code .pfx}/{@code .p12}) with its password. The key must be RSA
 * of at least 2048 bits and belong to the certificate, and the certificate must not have ended. Every refusal names
 * what to do, never the secret.
 */
public final class ClientCertificates {

    /** The most a certificate file may have (a PEM with a chain stays far below). */
    public static final int MAX_BYTES = 32 * 1024;
    public static final int MIN_RSA_BITS = 2048;

    static final String FIELD = "certificate";
    static final String PASSWORD_FIELD = "certificatePassword";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

    private ClientCertificates() {
    }

    /**
     * Reads {@code certificate} ({@link ServicePrincipalInput#certificate} text: PEM, or {@code pkcs12:} and Base64)
     * with {@code password} (null or empty when none); throws {@link CertificateRuleViolation}.
     */
    public static ClientCertificate parse(@Nullable Secret certificate, @Nullable Secret password, Instant now) {
        if (certificate == null || certificate.length() == 0) {
            throw new CertificateRuleViolation(FIELD, "Certificate is required: upload or paste the certificate"
                    + " with its private key (PEM, or a .pfx/.p12 file with its password)");
        }
        if (certificate.length() > MAX_BYTES * 2) {
            throw new CertificateRuleViolation(FIELD, "The certificate file is larger than " + (MAX_BYTES / 1024)
                    + " KiB: upload only the certificate and its private key");
        }
        char[] pass = password == null || password.length() == 0 ? new char[0] : password.reveal().toCharArray();
        try {
            String text = certificate.reveal();
            ClientCertificate read = text.startsWith(ServicePrincipalInput.PKCS12_PREFIX)
                    ? pkcs12(decode(text.substring(ServicePrincipalInput.PKCS12_PREFIX.length())), pass)
                    : pem(text, pass);
            if (read.notAfter().isBefore(now)) {
                throw new CertificateRuleViolation(FIELD, "The certificate ended on " + read.expiresOn()
                        + ": Microsoft Entra no longer accepts it. Create a new one and upload it to the app"
                        + " registration (Certificates & secrets) and here");
            }
            return read;
        } finally {
            java.util.Arrays.fill(pass, '\0');
        }
    }

    private static byte[] decode(String base64) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(base64);
            if (bytes.length > MAX_BYTES) {
                throw new CertificateRuleViolation(FIELD, "The certificate file is larger than "
                        + (MAX_BYTES / 1024) + " KiB: export only the certificate and its private key");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new CertificateRuleViolation(FIELD, "The uploaded file could not be read as a PKCS#12 file");
        }
    }

    private static ClientCertificate pkcs12(byte[] bytes, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (java.io.IOException e) {
            boolean wrongPassword = e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password");
            throw new CertificateRuleViolation(wrongPassword ? PASSWORD_FIELD : FIELD, wrongPassword
                    ? (password.length == 0 ? "The PKCS#12 file is protected: enter its Certificate Password"
                            : "The Certificate Password does not open this PKCS#12 file")
                    : "The file is not a PKCS#12 (.pfx/.p12) file, or it is damaged");
        } catch (GeneralSecurityException e) {
            throw new CertificateRuleViolation(FIELD, "The PKCS#12 file uses a protection this console cannot"
                    + " open: export it again with AES-256 (openssl pkcs12 -export, the default since OpenSSL 3)");
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    if (key instanceof PrivateKey privateKey
                            && store.getCertificate(alias) instanceof X509Certificate cert) {
                        return checked(cert, privateKey);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new CertificateRuleViolation(PASSWORD_FIELD, "The private key in the PKCS#12 file could not be"
                    + " opened with the Certificate Password");
        }
        throw new CertificateRuleViolation(FIELD, "The PKCS#12 file holds no private key with its certificate:"
                + " export the certificate together with its private key");
    }

    private static ClientCertificate pem(String text, char[] password) {
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key = null;
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            String body = m.group(2);
            if (body.contains(":")) {
                throw new CertificateRuleViolation(FIELD, "The private key is encrypted the old OpenSSL way"
                        + " (Proc-Type): convert it with openssl pkcs8 -topk8, or upload a PKCS#12 file");
            }
            byte[] der = decodePem(body);
            try {
                switch (type) {
                    case "CERTIFICATE" -> certificates.add(x509(der));
                    case "PRIVATE KEY" -> key = pkcs8(der);
                    case "RSA PRIVATE KEY" -> key = pkcs8(Der.pkcs1ToPkcs8(der));
                    case "ENCRYPTED PRIVATE KEY" -> key = encrypted(der, password);
                    case "PUBLIC KEY", "RSA PUBLIC KEY" -> throw new CertificateRuleViolation(FIELD, "This is a"
                            + " public key: the console needs the certificate together with its private key");
                    default -> {
                        // other blocks (parameters, a CSR) are ignored
                    }
                }
            } finally {
                java.util.Arrays.fill(der, (byte) 0);
            }
        }
        if (certificates.isEmpty()) {
            throw new CertificateRuleViolation(FIELD, text.contains("-----BEGIN") ? "No certificate was found:"
                    + " paste the -----BEGIN CERTIFICATE----- block together with the private key"
                    : "This is not a PEM certificate: paste the text with -----BEGIN CERTIFICATE----- and the private"
                            + " key, or upload a .pfx/.p12 file");
        }
        if (key == null) {
            throw new CertificateRuleViolation(FIELD, "The private key is missing: Microsoft Entra checks a"
                    + " signature made with it. Paste its PEM block (BEGIN ... PRIVATE KEY) too (the .cer file"
                    + " uploaded to the app registration holds only the public half)");
        }
        PrivateKey privateKey = key;
        X509Certificate own = certificates.stream().filter(c -> matches(c.getPublicKey(), privateKey)).findFirst()
                .orElseThrow(() -> new CertificateRuleViolation(FIELD, "The private key does not belong to the"
                        + " certificate: paste the key that was created with it"));
        return checked(own, privateKey);
    }

    private static ClientCertificate checked(X509Certificate cert, PrivateKey key) {
        if (!(cert.getPublicKey() instanceof RSAPublicKey rsa)) {
            throw new CertificateRuleViolation(FIELD, "The certificate's key is " + cert.getPublicKey()
                    .getAlgorithm() + ": the console signs client assertions with RSA keys only. Create an RSA"
                    + " certificate (2048 bits or more)");
        }
        if (!matches(rsa, key)) {
            throw new CertificateRuleViolation(FIELD, "The private key does not belong to the certificate");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new CertificateRuleViolation(FIELD, "The certificate's RSA key has " + bits + " bits: at least "
                    + MIN_RSA_BITS + " are needed");
        }
        try {
            byte[] der = cert.getEncoded();
            String sha1 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
            String sha256 = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(der));
            return new ClientCertificate(cert, key, cert.getSubjectX500Principal().getName(), sha1, sha256,
                    cert.getNotAfter().toInstant(), bits);
        } catch (GeneralSecurityException e) {
            throw new CertificateRuleViolation(FIELD, "The certificate could not be read");
        }
    }

    private static boolean matches(PublicKey publicKey, PrivateKey key) {
        if (publicKey instanceof RSAPublicKey rsa && key instanceof RSAPrivateCrtKey crt) {
            return rsa.getModulus().equals(crt.getModulus());
        }
        if (publicKey instanceof RSAPublicKey rsa && key instanceof java.security.interfaces.RSAPrivateKey k) {
            return rsa.getModulus().equals(k.getModulus());
        }
        return false;
    }

    private static byte[] decodePem(String body) {
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw new CertificateRuleViolation(FIELD, "A PEM block is damaged (it is not Base64): paste it again,"
                    + " whole");
        }
    }

    private static X509Certificate x509(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new CertificateRuleViolation(FIELD, "The certificate block is damaged: paste it again, whole");
        }
    }

    private static PrivateKey pkcs8(byte[] der) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new CertificateRuleViolation(FIELD, "The private key is not an RSA key, or it is damaged:"
                    + " the console signs client assertions with RSA keys only");
        }
    }

    private static PrivateKey encrypted(byte[] der, char[] password) {
        if (password.length == 0) {
            throw new CertificateRuleViolation(PASSWORD_FIELD, "The private key is encrypted: enter its password in"
                    + " Certificate Password");
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            SecretKeyFactory factory = SecretKeyFactory.getInstance(info.getAlgName());
            Cipher cipher = Cipher.getInstance(info.getAlgName());
            cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password)),
                    info.getAlgParameters());
            return pkcs8(info.getKeySpec(cipher).getEncoded());
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new CertificateRuleViolation(PASSWORD_FIELD, "The Certificate Password does not decrypt the private"
                    + " key (or its encryption is not supported: upload a PKCS#12 file instead)");
        }
    }

    /** One PEM block: {@code label} between its BEGIN and END lines. */
    private static byte[] block(String label, String base64) {
        String dashes = "-----";
        return (dashes + "BEGIN " + label + dashes + "\n" + base64 + "\n" + dashes + "END " + label + dashes + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The certificate and its key as PEM (PKCS#8). */
    static String pem(ClientCertificate c) {
        try {
            Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(block("CERTIFICATE", b64.encodeToString(c.certificate().getEncoded())));
            byte[] key = c.privateKey().getEncoded();
            out.writeBytes(block("PRIVATE KEY", b64.encodeToString(key)));
            java.util.Arrays.fill(key, (byte) 0);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The certificate could not be encoded again", e);
        }
    }
}
