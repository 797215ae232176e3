package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.Exchange;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.credential.EntraIds;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.integration.credential.certificate.CertificateRuleViolation;
import com.infrakitchen.console.integration.credential.certificate.ClientCertificate;
import com.infrakitchen.console.integration.credential.certificate.ClientCertificates;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Gets a service principal's Microsoft Entra access token for Azure DevOps (decision 0019): the client-credentials
 * grant against {@code {app.entra.authority-host}/{tenant}/oauth2/v2.0/token} with the scope
 * {@link EntraProperties#AZURE_DEVOPS_SCOPE}, proved by the client secret, by an assertion signed with the
 * certificate's key ({@link ClientAssertion}), or by the platform's workload identity token file. Sent with the
 * check's own connections ({@link AzureDevOpsHttp}: address guard, egress proxy, timeouts, no redirects, capped
 * answer). The answer becomes the "Microsoft Entra token" step: an access token, or the category Entra's AADSTS code
 * names (docs/azure-devops.md 14). The access token is handed back as a {@link Secret}; it is never in a step, a
 * detail or a log.
 */
@Component
public class EntraTokens {

    private static final Set<CheckCategory> TRANSPORT_KEPT = EnumSet.of(CheckCategory.CANCELLED,
            CheckCategory.PROXY_UNREACHABLE, CheckCategory.PROXY_TIMEOUT, CheckCategory.PROXY_AUTHENTICATION_REQUIRED,
            CheckCategory.PROXY_AUTHENTICATION_FAILED, CheckCategory.PROXY_CONNECT_DENIED);

    private final AzureDevOpsHttp http;
    private final EntraProperties properties;
    private final Clock clock;

    EntraTokens(AzureDevOpsHttp http, EntraProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What came of one token request: the access token and how long it lasts, or the category that ends the test;
     * the step either way.
     */
    record Answer(CheckStep step, @Nullable Secret accessToken, long expiresInSeconds,
            @Nullable CheckCategory failure, @Nullable LocalDate certificateEnds) {

        /** The same answer, knowing the day the certificate it signed with ends. */
        Answer endingOn(@Nullable LocalDate ends) {
            return new Answer(step, accessToken, expiresInSeconds, failure, ends);
        }
    }

    /** The token endpoint of {@code tenant} (already normalised by {@link EntraIds#tenantFrom}). */
    HttpUrl endpoint(String tenant) {
        HttpUrl host = HttpUrl.get(properties.authorityHost().toString());
        return host.newBuilder().addPathSegment(tenant).addPathSegments("oauth2/v2.0/token").build();
    }

    /** Asks Entra for a token for {@code principal} (its local checks passed); blocking. */
    Answer request(ServicePrincipalInput principal, AzureDevOpsHttp.Connections connections,
            Cancellation cancellation) {
        String tenant = EntraIds.tenantFrom(principal.tenantId());
        String client = EntraIds.clientIdFrom(principal.clientId());
        HttpUrl url = endpoint(tenant);
        FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8)
                .add("grant_type", "client_credentials")
                .add("client_id", client)
                .add("scope", EntraProperties.AZURE_DEVOPS_SCOPE);
        LocalDate[] certificateEnds = new LocalDate[1];
        Answer refused = proof(principal, client, url, form, certificateEnds);
        if (refused != null) {
            return refused;
        }
        Call call = connections.newFormPost(url, form.build());
        cancellation.onCancel(call::cancel);
        Exchange e = http.send(call, AzureDevOpsHttp.ReadMode.SMALL, null).join();
        return answer(e, url, tenant, client, principal, cancellation.isCancelled()).endingOn(certificateEnds[0]);
    }

    /** Adds the proof to the form; an answer when it cannot be made (no token file, an unusable certificate). */
    private @Nullable Answer proof(ServicePrincipalInput principal, String client, HttpUrl url,
            FormBody.Builder form, LocalDate[] certificateEnds) {
        switch (principal.proof()) {
            case CLIENT_SECRET -> form.add("client_secret", principal.clientSecret() == null ? ""
                    : principal.clientSecret().reveal().strip());
            case CERTIFICATE -> {
                ClientCertificate certificate;
                try {
                    certificate = ClientCertificates.parse(principal.certificate(), principal.certificatePassword(),
                            clock.instant());
                } catch (CertificateRuleViolation v) {
                    return failed(CheckCategory.INVALID_CLIENT_CREDENTIAL, v.getMessage(), 0, null);
                }
                certificateEnds[0] = certificate.expiresOn();
                form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
                form.add("client_assertion", ClientAssertion.of(certificate, client, url.toString(),
                        clock.instant()));
            }
            case FEDERATED -> {
                if (properties.federatedTokenFile() == null) {
                    return failed(CheckCategory.FEDERATION_UNAVAILABLE, "app.entra.federated-token-file is not set"
                            + " on this console, so it has no workload identity token to sign in with.", 0, null);
                }
                String assertion;
                try {
                    assertion = Files.readString(properties.federatedTokenFile()).strip();
                } catch (IOException | RuntimeException e) {
                    return failed(CheckCategory.FEDERATION_UNAVAILABLE, "The workload identity token file "
                            + properties.federatedTokenFile() + " could not be read (" + e.getClass().getSimpleName()
                            + "): is the service-account token projected into the pod?", 0, null);
                }
                if (assertion.isEmpty()) {
                    return failed(CheckCategory.FEDERATION_UNAVAILABLE, "The workload identity token file "
                            + properties.federatedTokenFile() + " is empty.", 0, null);
                }
                form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
                form.add("client_assertion", assertion);
            }
        }
        return null;
    }

    private Answer answer(Exchange e, HttpUrl url, String tenant, String client, ServicePrincipalInput principal,
            boolean cancelled) {
        String shown = url.toString();
        if (e.error() != null) {
            CheckCategory transport = TransportFailures.classify(e.error(), cancelled);
            CheckCategory category = TRANSPORT_KEPT.contains(transport) ? transport : CheckCategory.ENTRA_UNREACHABLE;
            String via = http.outbound().usedFor(url.host()) ? " through the egress proxy" : "";
            return failed(category, "Could not reach Microsoft Entra at " + url.host() + via + " ("
                    + TransportFailures.describe(e.error()) + ").", e.durationMillis(), new HttpDetails("POST", shown, null, null, null, null, null, null,
                    TransportFailures.describe(e.error())));
        }
        AdoResponse r = e.response();
        JsonNode json = r.isJson() ? r.json() : null;
        if (r.status() == 200 && json != null && !json.path("access_token").asString("").isEmpty()
                && "bearer".equalsIgnoreCase(json.path("token_type").asString(""))) {
            long expiresIn = json.path("expires_in").asLong(3599);
            Secret token = Secret.of(json.path("access_token").asString());
            String summary = "Microsoft Entra issued an access token for Azure DevOps to application " + client
                    + " of tenant " + tenant + " (" + principal.proof().label().toLowerCase(java.util.Locale.ROOT)
                    + "), valid for " + Math.max(1, expiresIn / 60) + " minutes.";
            // no details: the answer's body is the token itself
            return new Answer(new CheckStep(AzureDevOpsChecker.STEP_ENTRA, StepStatus.PASSED, summary,
                    r.durationMillis(), null), token, expiresIn, null, null);
        }
        String description = json == null ? null : firstLine(json.path("error_description").asString(""));
        String error = json == null ? "" : json.path("error").asString("");
        String ids = json == null ? null : ids(json);
        HttpDetails details = new HttpDetails("POST", shown, r.status(), r.contentType(),
                description == null || description.isEmpty() ? (error.isEmpty() ? null : error) : description, ids,
                r.retryAfterSeconds(), r.location() == null ? null : hostOf(r.location()), null);
        CheckCategory category = categoryOf(r, json);
        String said = description == null || description.isEmpty() ? "HTTP " + r.status()
                : r.status() + (error.isEmpty() ? "" : " " + error) + ": " + description;
        return failed(category, category.headline(null) + " (Entra answered " + said + ")", r.durationMillis(),
                details);
    }

    /** Entra's answer to a category (docs/azure-devops.md 14): its AADSTS code first, then the status. */
    static CheckCategory categoryOf(AdoResponse r, @Nullable JsonNode json) {
        if (json != null && json.path("error_codes").isArray()) {
            for (JsonNode code : json.path("error_codes")) {
                CheckCategory c = switch (code.asInt()) {
                    case 7000215 -> CheckCategory.ENTRA_SECRET_INVALID;
                    case 7000222 -> CheckCategory.ENTRA_SECRET_EXPIRED;
                    case 700016 -> CheckCategory.ENTRA_APPLICATION_NOT_FOUND;
                    case 90002 -> CheckCategory.ENTRA_TENANT_NOT_FOUND;
                    case 700027, 700024, 7000274 -> CheckCategory.ENTRA_CERTIFICATE_REJECTED;
                    case 70021 -> CheckCategory.ENTRA_FEDERATION_REJECTED;
                    default -> null;
                };
                if (c != null) {
                    return c;
                }
            }
        }
        if (r.status() == 429 || r.status() >= 500) {
            return CheckCategory.ENTRA_UNAVAILABLE;
        }
        return CheckCategory.ENTRA_REFUSED;
    }

    private static Answer failed(CheckCategory category, String summary, long millis, @Nullable HttpDetails details) {
        return new Answer(new CheckStep(AzureDevOpsChecker.STEP_ENTRA, StepStatus.FAILED, summary, millis, details),
                null, 0, category, null);
    }

    /** The first line of Entra's description, without the trace, correlation and time lines it appends. */
    private static String firstLine(String description) {
        String line = description.split("\\r?\\n", 2)[0].strip();
        return line.length() <= 400 ? line : line.substring(0, 400) + "…";
    }

    /** What Microsoft support asks for: the trace and correlation ids, and the time. */
    private static @Nullable String ids(JsonNode json) {
        String trace = json.path("trace_id").asString("");
        String correlation = json.path("correlation_id").asString("");
        String time = json.path("timestamp").asString("");
        if (trace.isEmpty() && correlation.isEmpty()) {
            return null;
        }
        return "Trace ID " + trace + ", Correlation ID " + correlation + (time.isEmpty() ? "" : ", " + time);
    }

    private static @Nullable String hostOf(String location) {
        HttpUrl u = HttpUrl.parse(location);
        return u == null ? null : u.host();
    }

    Instant now() {
        return clock.instant();
    }
}
