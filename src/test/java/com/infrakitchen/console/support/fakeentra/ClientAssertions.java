package com.infrakitchen.console.support.fakeentra;

import static com.infrakitchen.console.support.fakeentra.EntraFixtures.text;

import com.infrakitchen.console.support.fakeentra.EntraFixtures.App;
import com.infrakitchen.console.support.fakeentra.EntraResponses.Failure;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges a {@code client_assertion}. A JWT whose header names a certificate ({@code x5t#S256} or {@code x5t}) is a
 * certificate credential: the certificate must be registered for the app, unexpired, the RS256 signature must hold
 * against it, {@code aud} must be the exact token endpoint URL, {@code iss} = {@code sub} = the client id, and
 * {@code nbf}..{@code exp} must contain now. Any other JWT is a federated (workload identity) assertion: only
 * {@link App#FULL} has a federation record, matched on issuer, subject and audience; its signature is not checked.
 */
final class ClientAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Clock skew Entra tolerates on {@code nbf}/{@code exp} [inf: five minutes, as most validators]. */
    private static final long SKEW_SECONDS = 300;

    private ClientAssertions() {
    }

    /** Null when the assertion authenticates {@code app}; else the failure to answer. */
    static Failure check(String assertion, App app, String tokenEndpoint, List<X509Certificate> registered,
            Instant now) {
        String[] parts = assertion.trim().split("\\.", -1);
        JsonNode header;
        JsonNode claims;
        try {
            if (parts.length != 3) {
                return EntraResponses.malformedAssertion();
            }
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!header.isObject() || !claims.isObject()) {
                return EntraResponses.malformedAssertion();
            }
        } catch (RuntimeException e) {
            return EntraResponses.malformedAssertion();
        }
        String s256 = text(header, "x5t#S256");
        String sha1 = text(header, "x5t");
        if (s256 == null && sha1 == null) {
            return federated(claims, app, now);
        }
        String thumbprintHex = hex(sha1 != null ? sha1 : s256);
        X509Certificate cert = registered.stream()
                .filter(c -> (s256 != null && s256.equals(thumbprint(c, "SHA-256")))
                        || (s256 == null && sha1.equals(thumbprint(c, "SHA-1"))))
                .findFirst().orElse(null);
        if (cert == null) {
            return EntraResponses.badSignature("The key was not found.", thumbprintHex, null);
        }
        String foundKey = "Start=" + cert.getNotBefore().toInstant() + ", End=" + cert.getNotAfter().toInstant();
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            return EntraResponses.badSignature("The key used is expired.", thumbprintHex, foundKey);
        }
        if (!"RS256".equals(text(header, "alg")) || !signatureHolds(parts, cert)) {
            return EntraResponses.badSignature("The provided signature value did not match the expected signature"
                    + " value.", thumbprintHex, foundKey);
        }
        if (!audienceIs(claims, tokenEndpoint)) {
            return EntraResponses.wrongAudience();
        }
        if (!app.clientId().equalsIgnoreCase(String.valueOf(text(claims, "iss")))
                || !app.clientId().equalsIgnoreCase(String.valueOf(text(claims, "sub")))) {
            return EntraResponses.wrongIssuer();
        }
        return timeRange(claims, now);
    }

    private static Failure federated(JsonNode claims, App app, Instant now) {
        String issuer = String.valueOf(text(claims, "iss"));
        String subject = String.valueOf(text(claims, "sub"));
        JsonNode aud = claims.get("aud");
        String audience = aud == null ? "null" : aud.isArray() ? (aud.isEmpty() ? "" : aud.get(0).asString())
                : aud.asString();
        boolean matches = app == App.FULL && EntraFixtures.FEDERATED_ISSUER.equals(issuer)
                && EntraFixtures.FEDERATED_SUBJECT.equals(subject)
                && audienceIs(claims, EntraFixtures.FEDERATED_AUDIENCE);
        if (!matches) {
            return EntraResponses.noFederatedRecord(issuer, subject, audience);
        }
        return timeRange(claims, now);
    }

    /** {@code aud} as a string or as an array holding exactly this value. */
    private static boolean audienceIs(JsonNode claims, String expected) {
        JsonNode aud = claims.get("aud");
        if (aud == null) {
            return false;
        }
        if (aud.isArray()) {
            return aud.size() == 1 && expected.equals(aud.get(0).asString());
        }
        return expected.equals(aud.asString());
    }

    private static Failure timeRange(JsonNode claims, Instant now) {
        JsonNode expNode = claims.get("exp");
        if (expNode == null || !expNode.isNumber()) {
            return EntraResponses.malformedAssertion();
        }
        Instant exp = Instant.ofEpochSecond(expNode.asLong());
        Instant nbf = claims.has("nbf") ? Instant.ofEpochSecond(claims.get("nbf").asLong()) : Instant.EPOCH;
        if (now.isAfter(exp.plusSeconds(SKEW_SECONDS)) || now.isBefore(nbf.minusSeconds(SKEW_SECONDS))) {
            return EntraResponses.outsideValidity(now, nbf, exp);
        }
        return null;
    }

    private static boolean signatureHolds(String[] parts, X509Certificate cert) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(cert.getPublicKey());
            verifier.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** base64url of the digest of the certificate's DER, as {@code x5t} (SHA-1) and {@code x5t#S256} carry it. */
    static String thumbprint(X509Certificate cert, String algorithm) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance(algorithm).digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The thumbprint as Entra prints it: upper-case hex. */
    private static String hex(String base64url) {
        try {
            return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(base64url)).toUpperCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return base64url;
        }
    }

    static void requireEncodable(X509Certificate cert) {
        try {
            cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }
}
