package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.credential.certificate.ClientCertificate;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed JWT a certificate proves a service principal with (Microsoft identity platform "certificate
 * credentials"): header {@code alg RS256} with the certificate's SHA-1 ({@code x5t}) and SHA-256
 * ({@code x5t#S256}) thumbprints, claims {@code aud} = the token endpoint, {@code iss} = {@code sub} = the client id,
 * a fresh {@code jti}, and a validity of {@link #LIFETIME_SECONDS}. The private key never leaves the console; only
 * this signature does.
 */
final class ClientAssertion {

    static final long LIFETIME_SECONDS = 600;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ClientAssertion() {
    }

    static String of(ClientCertificate certificate, String clientId, String tokenEndpoint, Instant now) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("x5t", B64.encodeToString(HexFormat.of().parseHex(certificate.sha1Thumbprint())));
        header.put("x5t#S256", certificate.sha256Thumbprint());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", tokenEndpoint);
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("nbf", now.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        String signed = part(header) + "." + part(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(certificate.privateKey());
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The client assertion could not be signed: "
                    + e.getClass().getSimpleName(), null);
        }
    }

    private static String part(Map<String, Object> json) {
        return B64.encodeToString(JSON.writeValueAsBytes(json));
    }
}
