package com.infrakitchen.console.integration.credential.certificate;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A client certificate read with its private key: the key signs a client assertion, the rest is public (its subject,
 * the SHA-1 thumbprint the Azure portal lists under Certificates &amp; secrets, the SHA-256 one an assertion names it
 * by, and when it ends). {@link #pem()} is what is stored (sealed): the certificate and the key as PKCS#8, whatever
 * form was uploaded.
 */
public record ClientCertificate(X509Certificate certificate, PrivateKey privateKey, String subject,
        String sha1Thumbprint, String sha256Thumbprint, Instant notAfter, int keyBits) {

    /** The day it ends (UTC), as expiry warnings count. */
    public LocalDate expiresOn() {
        return LocalDate.ofInstant(notAfter, ZoneOffset.UTC);
    }

    /** The certificate and its key as PEM text (what is sealed and stored). */
    public String pem() {
        return ClientCertificates.pem(this);
    }

    @Override
    public String toString() {
        return "ClientCertificate[" + subject + ", " + sha1Thumbprint + ", until " + notAfter + "]";
    }
}
