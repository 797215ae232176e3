package com.infrakitchen.console.support.fakeentra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixed data of the fake Microsoft Entra ({@code docs/azure-devops.md} §12.6): contoso's tenant, four
 * applications (service principals) with their client secrets, the federated (workload identity) assertion app
 * {@link App#FULL} accepts, and the access tokens {@link FakeEntra} issues.
 *
 * <p>Secrets are obviously fake but shaped like real ones (40 characters): {@code fake~<name>~notasecret~…}. They
 * are built at class load so no secret-shaped literal sits in the source. The access tokens are JWTs signed with
 * HMAC-SHA256 under a fixed fake key, so {@link #verify} (the fake Azure DevOps) can tell a token from this fake
 * from any other JWT.
 */
public final class EntraFixtures {

    /** contoso's tenant, as in §12.1. */
    public static final String TENANT_ID = "11111111-1111-1111-1111-111111111111";
    /** The tenant's verified domain: the token endpoint answers under it too. */
    public static final String TENANT_DOMAIN = "contoso.onmicrosoft.com";
    /** The tenant's display name, as AADSTS700016 names the directory. */
    public static final String TENANT_DISPLAY_NAME = "Contoso";
    /** The application id of Azure DevOps, the audience of its access tokens. */
    public static final String AZURE_DEVOPS_RESOURCE = "499b84ac-1321-427f-aa17-267ca6975798";
    /** The scope of the client-credentials request the product sends. */
    public static final String AZURE_DEVOPS_SCOPE = AZURE_DEVOPS_RESOURCE + "/.default";
    /** Azure DevOps' application ID URI; {@code {it}/.default} is accepted as the same resource. */
    public static final String AZURE_DEVOPS_APP_ID_URI = "https://app.vssps.visualstudio.com";
    public static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static final String CLIENT_ID_FULL = "aaaaaaaa-0000-4000-8000-000000000001";
    public static final String CLIENT_ID_UNADDED = "aaaaaaaa-0000-4000-8000-000000000002";
    public static final String CLIENT_ID_STAKEHOLDER = "aaaaaaaa-0000-4000-8000-000000000003";
    public static final String CLIENT_ID_NO_PROJECT = "aaaaaaaa-0000-4000-8000-000000000004";

    /** Object ids of the apps' service principals (what Azure DevOps shows as the identity id). */
    public static final String OBJECT_ID_FULL = "5a5a5a5a-0000-4000-8000-000000000001";
    public static final String OBJECT_ID_UNADDED = "5a5a5a5a-0000-4000-8000-000000000002";
    public static final String OBJECT_ID_STAKEHOLDER = "5a5a5a5a-0000-4000-8000-000000000003";
    public static final String OBJECT_ID_NO_PROJECT = "5a5a5a5a-0000-4000-8000-000000000004";

    /** The valid client secret of each app. */
    public static final String SECRET_FULL = secret("full");
    public static final String SECRET_UNADDED = secret("unadded");
    public static final String SECRET_STAKEHOLDER = secret("stakeholder");
    public static final String SECRET_NO_PROJECT = secret("noproject");
    /** A secret of {@link App#FULL} that has expired: AADSTS7000222. */
    public static final String SECRET_FULL_EXPIRED = secret("fullexpired");

    /** The workload identity federation record of {@link App#FULL}: issuer, subject, audience. */
    public static final String FEDERATED_ISSUER = "https://kubernetes.fake.test";
    public static final String FEDERATED_SUBJECT = "system:serviceaccount:infrakitchen:console";
    public static final String FEDERATED_AUDIENCE = "api://AzureADTokenExchange";

    /** Lifetime of an issued token; {@code expires_in} says 3599 as Entra does. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3599);
    /** The {@code kid} of every token the fake issues: marks a token as the fake's, signed or not. */
    public static final String TOKEN_KEY_ID = "fake-entra-key";

    private static final byte[] SIGNING_KEY = "fake-entra-signing-key-notasecret".getBytes(StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** The applications registered in contoso's tenant and what Azure DevOps makes of them. */
    public enum App {
        /** Added to contoso with access level Basic and full access: sees its projects and repositories, may push. */
        FULL(CLIENT_ID_FULL, "InfraKitchen", OBJECT_ID_FULL, SECRET_FULL),
        /** A valid app of the tenant that was never added to an Azure DevOps organization: TF401444. */
        UNADDED(CLIENT_ID_UNADDED, "InfraKitchen Unadded", OBJECT_ID_UNADDED, SECRET_UNADDED),
        /** Added to contoso with access level Stakeholder: projects yes, Git no. */
        STAKEHOLDER(CLIENT_ID_STAKEHOLDER, "InfraKitchen Stakeholder", OBJECT_ID_STAKEHOLDER, SECRET_STAKEHOLDER),
        /** Added to contoso (Basic) with no permission on any project. */
        NO_PROJECT(CLIENT_ID_NO_PROJECT, "InfraKitchen No Project", OBJECT_ID_NO_PROJECT, SECRET_NO_PROJECT);

        private final String clientId;
        private final String displayName;
        private final String objectId;
        private final String secret;

        App(String clientId, String displayName, String objectId, String secret) {
            this.clientId = clientId;
            this.displayName = displayName;
            this.objectId = objectId;
            this.secret = secret;
        }

        public String clientId() {
            return clientId;
        }

        public String displayName() {
            return displayName;
        }

        public String objectId() {
            return objectId;
        }

        /** The app's valid client secret. */
        public String secret() {
            return secret;
        }

        /** Client ids compare case-insensitively, as GUIDs do. */
        public static Optional<App> byClientId(String clientId) {
            for (App app : values()) {
                if (app.clientId.equalsIgnoreCase(clientId == null ? "" : clientId.trim())) {
                    return Optional.of(app);
                }
            }
            return Optional.empty();
        }
    }

    /** A token {@link FakeEntra} signed: to whom, and until when. */
    public record IssuedToken(App app, Instant expiresAt) {

        public boolean expired() {
            return !Instant.now().isBefore(expiresAt);
        }
    }

    private EntraFixtures() {
    }

    /** Whether the tenant segment names contoso's tenant, by GUID or by its verified domain (any case). */
    public static boolean knownTenant(String tenant) {
        return TENANT_ID.equalsIgnoreCase(tenant) || TENANT_DOMAIN.equalsIgnoreCase(tenant);
    }

    /**
     * An access token for Azure DevOps as the fake issues it: {@code header.payload.signature}, the payload with
     * {@code aud}, {@code iss}, {@code iat}, {@code nbf}, {@code exp}, {@code appid}, {@code idtyp: app},
     * {@code oid}, {@code sub}, {@code tid}. {@code issuedAt} in the past makes an expired one for tests.
     */
    public static String accessToken(App app, Instant issuedAt, Duration lifetime) {
        ObjectNode header = JSON.createObjectNode();
        header.put("typ", "JWT");
        header.put("alg", "HS256");
        header.put("kid", TOKEN_KEY_ID);
        ObjectNode claims = JSON.createObjectNode();
        claims.put("aud", AZURE_DEVOPS_RESOURCE);
        claims.put("iss", "https://sts.windows.net/" + TENANT_ID + "/");
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("nbf", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("appid", app.clientId());
        claims.put("appidacr", "1");
        claims.put("idtyp", "app");
        claims.put("oid", app.objectId());
        claims.put("sub", app.objectId());
        claims.put("tid", TENANT_ID);
        claims.put("ver", "1.0");
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + B64.encodeToString(hmac(signingInput));
    }

    /** The app of a token {@link FakeEntra} issued, when its signature is good and it has not expired. */
    public static Optional<App> verify(String jwt) {
        return decode(jwt).filter(t -> !t.expired()).map(IssuedToken::app);
    }

    /** A token {@link FakeEntra} issued (good signature, Azure DevOps audience, contoso's tenant), expired or not. */
    public static Optional<IssuedToken> decode(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.trim().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] expected = hmac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!AZURE_DEVOPS_RESOURCE.equals(text(claims, "aud")) || !TENANT_ID.equals(text(claims, "tid"))) {
                return Optional.empty();
            }
            return App.byClientId(text(claims, "appid"))
                    .map(app -> new IssuedToken(app, Instant.ofEpochSecond(claims.path("exp").asLong())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a JWT says it comes from the fake Entra ({@code kid} {@link #TOKEN_KEY_ID} in its header), whether
     * or not its signature holds: the fake Azure DevOps refuses such a token when {@link #decode} does not accept
     * it, instead of taking it for the unsigned test JWT of {@code FakeTokens.ENTRA_BEARER_JWT}.
     */
    public static boolean claimsFakeEntraOrigin(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.trim().split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            return TOKEN_KEY_ID.equals(text(JSON.readTree(Base64.getUrlDecoder().decode(parts[0])), "kid"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A projected Kubernetes service-account token as a pod of the console would read it from its token file: a
     * JWT with {@link #FEDERATED_ISSUER}, {@link #FEDERATED_SUBJECT}, {@link #FEDERATED_AUDIENCE}, valid for an
     * hour. Its signature is fake (the fake Entra does not check it, as it has no cluster keys).
     */
    public static String federatedAssertion() {
        return federatedAssertion(FEDERATED_ISSUER, FEDERATED_SUBJECT, FEDERATED_AUDIENCE);
    }

    /** The same with other claims, for the AADSTS70021 cases. */
    public static String federatedAssertion(String issuer, String subject, String audience) {
        ObjectNode header = JSON.createObjectNode();
        header.put("alg", "RS256");
        header.put("kid", "fake-kubernetes-key");
        Instant now = Instant.now();
        ObjectNode claims = JSON.createObjectNode();
        claims.putArray("aud").add(audience);
        claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("iss", issuer);
        claims.put("nbf", now.getEpochSecond());
        claims.put("sub", subject);
        return encode(header) + "." + encode(claims) + "."
                + B64.encodeToString("fake-kubernetes-signature".getBytes(StandardCharsets.UTF_8));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() ? null : value.asString();
    }

    private static String encode(ObjectNode node) {
        return B64.encodeToString(JSON.writeValueAsBytes(node));
    }

    private static byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_KEY, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code fake~<name>~notasecret~notasecret…}, cut to 40 characters, the length of real client secrets. */
    private static String secret(String name) {
        StringBuilder sb = new StringBuilder("fake~").append(name.toLowerCase(Locale.ROOT)).append('~');
        while (sb.length() < 40) {
            sb.append("notasecret~");
        }
        return sb.substring(0, 40);
    }
}
