package com.infrakitchen.console.integration.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Entra's tenant, client id and client secret rules, as the form, the service and the check apply them. */
class EntraIdsTest {

    private static final String TENANT = "11111111-1111-1111-1111-111111111111";
    private static final String CLIENT = "aaaaaaaa-0000-4000-8000-000000000001";

    @Test
    void aPastedIdLosesItsSpacesBracesAndCase() {
        assertThat(EntraIds.clientIdFrom("  AAAAAAAA-0000-4000-8000-000000000001 \t\n")).isEqualTo(CLIENT);
        assertThat(EntraIds.clientIdFrom("{aaaaaaaa-0000-4000-8000-000000000001}")).isEqualTo(CLIENT);
        assertThat(EntraIds.clientIdFrom("aaaaaaaa-0000-4000-8000-\u200b000000000001")).isEqualTo(CLIENT);
        assertThat(EntraIds.clientIdProblem(EntraIds.clientIdFrom(" " + CLIENT.toUpperCase() + " "))).isEmpty();
    }

    @Test
    void aTenantIsAGuidOrAVerifiedDomainAndASignInUrlGivesItsTenant() {
        assertThat(EntraIds.tenantProblem(TENANT)).isEmpty();
        assertThat(EntraIds.tenantProblem(EntraIds.tenantFrom("Contoso.onmicrosoft.com"))).isEmpty();
        assertThat(EntraIds.tenantFrom("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token"))
                .isEqualTo(TENANT);
        assertThat(EntraIds.tenantProblem("")).get().asString().contains("Tenant ID is required");
        assertThat(EntraIds.tenantProblem("common")).get().asString()
                .contains("not a tenant an application signs in to");
        assertThat(EntraIds.tenantProblem("11111111-1111-1111-1111-11111111111")).get().asString()
                .contains("not a valid GUID");
        assertThat(EntraIds.tenantProblem("contoso")).get().asString().contains("verified domain");
        assertThat(EntraIds.tenantProblem("contoso_onmicrosoft.com")).isPresent();
    }

    @Test
    void aClientIdIsAGuid() {
        assertThat(EntraIds.clientIdProblem("")).get().asString().contains("Client ID is required");
        assertThat(EntraIds.clientIdProblem("InfraKitchen")).get().asString()
                .contains("Application (client) ID");
    }

    @Test
    void theSecretIdIsRefusedWithWhereTheValueIs() {
        assertThat(EntraIds.clientSecretProblem("3f0c9a2e-5b1d-4e8f-9a6b-2c7d1e0f4a5b")).get().asString()
                .contains("Secret ID, not its Value");
        assertThat(EntraIds.clientSecretProblem("")).get().asString().contains("Client Secret is required");
        assertThat(EntraIds.clientSecretProblem("fake~with space")).get().asString().contains("spaces");
        assertThat(EntraIds.clientSecretProblem("fake~InfraKitchen~notasecretnotasecret00")).isEmpty();
        assertThat(EntraIds.clientSecretProblem("x".repeat(EntraIds.CLIENT_SECRET_MAX + 1))).get().asString()
                .contains("too long");
    }

    @Test
    void aProblemNeverRepeatsTheSecret() {
        String secret = "fake~line\nbreak~notasecret";
        assertThat(EntraIds.clientSecretProblem(secret)).get().asString().doesNotContain("fake~line");
    }
}
