package com.infrakitchen.console.support.fakeentra;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies of the fake Entra token endpoint, in the shapes of {@code docs/azure-devops.md} §14: the success body and
 * the error body ({@code error}, {@code error_description} ending in the Trace ID / Correlation ID / Timestamp
 * lines, {@code error_codes}, {@code timestamp}, {@code trace_id}, {@code correlation_id}, {@code error_uri}), field
 * order as Entra writes them. The messages are Entra's where captures show them.
 */
final class EntraResponses {

    static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** One error answer: HTTP status, OAuth {@code error}, AADSTS number, message (without the code prefix). */
    record Failure(int status, String error, int code, String message) {
    }

    private EntraResponses() {
    }

    static String token(String accessToken, long expiresIn) {
        ObjectNode node = JSON.createObjectNode();
        node.put("token_type", "Bearer");
        node.put("expires_in", expiresIn);
        node.put("ext_expires_in", expiresIn);
        node.put("access_token", accessToken);
        return JSON.writeValueAsString(node);
    }

    static String error(Failure failure, String traceId, String correlationId, Instant now) {
        String timestamp = TIMESTAMP.format(now);
        ObjectNode node = JSON.createObjectNode();
        node.put("error", failure.error());
        node.put("error_description", "AADSTS" + failure.code() + ": " + failure.message() + "\r\nTrace ID: " + traceId
                + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp);
        node.putArray("error_codes").add(failure.code());
        node.put("timestamp", timestamp);
        node.put("trace_id", traceId);
        node.put("correlation_id", correlationId);
        node.put("error_uri", "https://login.microsoftonline.com/error?code=" + failure.code());
        return JSON.writeValueAsString(node);
    }

    // ---- the cases (§14.3) ----

    static Failure missingParameter(String name) {
        return new Failure(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + name + "'.");
    }

    static Failure malformed() {
        return new Failure(400, "invalid_request", 9002313, "Invalid request. Request is malformed or invalid.");
    }

    static Failure tenantNotFound(String tenant) {
        return new Failure(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you"
                + " have the correct tenant ID and are signing into the correct cloud. Check with your subscription"
                + " administrator, this may happen if there are no active subscriptions for the tenant.");
    }

    static Failure unsupportedGrant(String grant) {
        return new Failure(400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type '" + grant + "'.");
    }

    static Failure applicationNotFound(String clientId) {
        return new Failure(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                + "' was not found in the directory '" + EntraFixtures.TENANT_DISPLAY_NAME + "'. This can happen if the"
                + " application has not been installed by the administrator of the tenant or consented to by any user"
                + " in the tenant. You may have sent your authentication request to the wrong tenant.");
    }

    static Failure scopeNotDefault(String scope) {
        return new Failure(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid."
                + " Client credential flows must have a scope value with /.default suffixed to the resource identifier"
                + " (application ID URI).");
    }

    static Failure scopeInvalid(String scope) {
        return new Failure(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not"
                + " valid. The scope " + scope + " is not valid.");
    }

    static Failure resourceNotFound(String resource) {
        return new Failure(400, "invalid_resource", 500011, "The resource principal named " + resource + " was not"
                + " found in the tenant named " + EntraFixtures.TENANT_DISPLAY_NAME + ". This can happen if the"
                + " application has not been installed by the administrator of the tenant or consented to by any user"
                + " in the tenant. You might have sent your authentication request to the wrong tenant.");
    }

    static Failure noCredential() {
        return new Failure(401, "invalid_client", 7000216,
                "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
    }

    static Failure invalidSecret(String clientId) {
        return new Failure(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being"
                + " sent in the request is the client secret value, not the client secret ID, for a secret added to app '"
                + clientId + "'.");
    }

    static Failure expiredSecret(String clientId) {
        return new Failure(401, "invalid_client", 7000222, "The provided client secret keys for app '" + clientId
                + "' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret,"
                + " or consider using certificate credentials for added security: https://aka.ms/certCreds.");
    }

    static Failure malformedAssertion() {
        return new Failure(400, "invalid_request", 50027, "JWT token is invalid or malformed.");
    }

    /** AADSTS700027 with its bracketed reason, as Entra words the certificate failures. */
    static Failure badSignature(String reason, String thumbprintHex, String foundKey) {
        return new Failure(401, "invalid_client", 700027, "Client assertion contains an invalid signature. [Reason - "
                + reason + ", Thumbprint of key used by client: '" + thumbprintHex + "'"
                + (foundKey == null ? "" : ", Found key '" + foundKey + "'") + "]");
    }

    static Failure wrongAudience() {
        return new Failure(401, "invalid_client", 50012, "Client assertion audience claim does not match Realm issuer.");
    }

    static Failure wrongIssuer() {
        return new Failure(401, "invalid_client", 700021, "Client assertion application identifier doesn't match"
                + " 'client_id' parameter. Review the documentation at"
                + " https://learn.microsoft.com/entra/identity-platform/certificate-credentials .");
    }

    static Failure outsideValidity(Instant now, Instant nbf, Instant exp) {
        return new Failure(401, "invalid_client", 700024, "Client assertion is not within its valid time range."
                + " Current time: " + now + ", assertion valid from " + nbf + ", expiry time of assertion " + exp
                + ". Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials");
    }

    static Failure noFederatedRecord(String issuer, String subject, String audience) {
        return new Failure(400, "invalid_request", 70021, "No matching federated identity record found for presented"
                + " assertion. Assertion Issuer: '" + issuer + "'. Assertion Subject: '" + subject + "'. Assertion"
                + " Audience: '" + audience + "'. https://learn.microsoft.com/entra/workload-id/workload-identity-federation");
    }

    static Failure wrongMethod(String method) {
        return new Failure(400, "invalid_request", 900561,
                "The endpoint only accepts POST, OPTIONS requests. Received a " + method + " request.");
    }

    static Failure internalError() {
        return new Failure(500, "server_error", 50000,
                "There was an error issuing a token or an issue with our sign-in service.");
    }

    /** Not a route of the fake: 404 with the error shape (the fake's own choice; Entra's answer is not captured). */
    static Failure notFound() {
        return new Failure(404, "not_found", 90004, "The requested path is not served by this endpoint.");
    }
}
