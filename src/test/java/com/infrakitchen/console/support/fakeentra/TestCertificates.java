package com.infrakitchen.console.support.fakeentra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Certificate credentials made at test time (nothing is ever stored in the repository): self-signed RSA 2048
 * certificates with their private keys, written as PEM (certificate, PKCS#8 {@code PRIVATE KEY}, PKCS#1
 * {@code RSA PRIVATE KEY}) and PKCS#12, and client assertions signed with them as Entra expects them.
 */
public final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static volatile TestCertificate shared;

    /** A certificate and its key. */
    public record TestCertificate(X509Certificate certificate, PrivateKey privateKey) {

        public String certificatePem() {
            return armour("CERTIFICATE", encoded(certificate));
        }

        /** PKCS#8, the PEM label {@code PRIVATE KEY}. */
        public String privateKeyPem() {
            return armour("PRIVATE KEY", privateKey.getEncoded());
        }

        /** PKCS#1, the PEM label {@code RSA PRIVATE KEY} (what older OpenSSL writes). */
        public String rsaPrivateKeyPem() {
            try {
                byte[] pkcs1 = PrivateKeyInfo.getInstance(privateKey.getEncoded()).parsePrivateKey().toASN1Primitive()
                        .getEncoded();
                return armour("RSA PRIVATE KEY", pkcs1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Certificate then PKCS#8 key in one PEM text, as {@code az ad sp create-for-rbac --create-cert} writes it. */
        public String pem() {
            return certificatePem() + privateKeyPem();
        }

        /** PKCS#12 with the key and certificate under alias {@code 1}, protected by this password. */
        public byte[] pkcs12(char[] password) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("1", privateKey, password, new Certificate[] {certificate});
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                store.store(out, password);
                return out.toByteArray();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** base64url SHA-1 of the DER: the {@code x5t} header. */
        public String x5t() {
            return ClientAssertions.thumbprint(certificate, "SHA-1");
        }

        /** base64url SHA-256 of the DER: the {@code x5t#S256} header. */
        public String x5tS256() {
            return ClientAssertions.thumbprint(certificate, "SHA-256");
        }
    }

    private TestCertificates() {
    }

    /** {@code CN=InfraKitchen}, valid from a day ago for a year; one per JVM (key generation is slow). */
    public static TestCertificate infraKitchen() {
        TestCertificate cert = shared;
        if (cert == null) {
            synchronized (TestCertificates.class) {
                if (shared == null) {
                    shared = create("InfraKitchen", Instant.now().plus(Duration.ofDays(365)));
                }
                cert = shared;
            }
        }
        return cert;
    }

    /** A fresh RSA 2048 self-signed certificate valid from a day ago until {@code notAfter}. */
    public static TestCertificate create(String subject, Instant notAfter) {
        return create(subject, Instant.now().minus(Duration.ofDays(1)), notAfter);
    }

    /** {@code subject} is a common name, or a full X.500 name when it contains {@code =}. */
    public static TestCertificate create(String subject, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name(subject.contains("=") ? subject : "CN=" + subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new TestCertificate(cert, keys.getPrivate());
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a PEM private key, PKCS#8 or PKCS#1, as a product would from a pasted key. */
    public static PrivateKey readPrivateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
            throw new IllegalArgumentException("no private key in the PEM text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client assertion as the product sends it: valid now for 10 minutes, signed with the certificate's key. */
    public static String clientAssertion(TestCertificate cert, String clientId, String tokenEndpoint) {
        return signedJwt(cert.privateKey(), assertionHeader(cert), assertionClaims(clientId, tokenEndpoint,
                Instant.now(), Duration.ofMinutes(10)));
    }

    /** {@code {"alg":"RS256","typ":"JWT","x5t":…,"x5t#S256":…}}, mutable, for variants. */
    public static Map<String, Object> assertionHeader(TestCertificate cert) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("x5t", cert.x5t());
        header.put("x5t#S256", cert.x5tS256());
        return header;
    }

    /** {@code aud}, {@code iss} = {@code sub} = client id, {@code jti}, {@code nbf}, {@code iat}, {@code exp}; mutable. */
    public static Map<String, Object> assertionClaims(String clientId, String audience, Instant issuedAt,
            Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience);
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("nbf", issuedAt.getEpochSecond());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        return claims;
    }

    /** {@code base64url(header).base64url(claims).base64url(RS256 signature)}. */
    public static String signedJwt(PrivateKey key, Map<String, Object> header, Map<String, Object> claims) {
        String input = B64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + B64.encodeToString(JSON.writeValueAsBytes(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String armour(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
