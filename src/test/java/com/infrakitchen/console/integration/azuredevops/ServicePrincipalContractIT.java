package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckLadder;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeentra.EntraFixtures;
import com.infrakitchen.console.support.fakeentra.FakeEntra;
import com.infrakitchen.console.support.fakeentra.TestCertificates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service principal's check against the fake Microsoft Entra token endpoint and the fake Azure DevOps
 * (docs/azure-devops.md 12, 13): each AADSTS case and each Azure DevOps case of issue 13, its category, the step that
 * names it and the steps after it not reached; and that neither the client secret nor the access token is ever in a
 * result.
 */
class ServicePrincipalContractIT {

    static final FakeAzureDevOps ADO = new FakeAzureDevOps();
    static final FakeEntra ENTRA = new FakeEntra();
    static final Clock CLOCK = Clock.systemUTC();
    static AzureDevOpsHttp http;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        ADO.start();
        ENTRA.start();
        http = new AzureDevOpsHttp(new AzureDevOpsProperties(URI.create(ADO.baseUrl()), true, null,
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), 65536,
                AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES));
    }

    @AfterAll
    static void stop() {
        http.shutdown();
        ADO.close();
        ENTRA.close();
    }

    @AfterEach
    void reset() {
        ADO.reset();
        ENTRA.reset();
    }

    static ServicePrincipalChecker checker(@Nullable Path federatedTokenFile, String authority) {
        EntraProperties entra = new EntraProperties(URI.create(authority), federatedTokenFile, Duration.ofMinutes(5));
        return new ServicePrincipalChecker(new AzureDevOpsChecker(http, CLOCK), http,
                new EntraTokens(http, entra, CLOCK), new EntraTokenCache(CLOCK, entra),
                new AzureDevOpsProvider(entra), CLOCK);
    }

    static CheckResult check(ServicePrincipalInput principal) {
        return check(principal, null);
    }

    static CheckResult check(ServicePrincipalInput principal, @Nullable Path federatedTokenFile) {
        return checker(federatedTokenFile, ENTRA.authorityHost()).check("contoso", principal, "fp",
                new Cancellation());
    }

    static ServicePrincipalInput secret(String client, String secret) {
        return ServicePrincipalInput.withSecret(EntraFixtures.TENANT_ID, client, Secret.of(secret), null);
    }

    static CheckStep step(CheckResult r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static void afterEntraNotReached(CheckResult r) {
        assertThat(step(r, AzureDevOpsChecker.STEP_ENTRA).status()).isEqualTo(StepStatus.FAILED);
        assertThat(step(r, AzureDevOpsChecker.STEP_PROJECTS).summary()).isEqualTo(CheckLadder.NOT_REACHED);
        assertThat(ADO.takeRequests()).as("Azure DevOps is not asked without a token").isEmpty();
    }

    @Test
    void aClientSecretConnectsAsTheServicePrincipalWithABearerToken() {
        CheckResult r = check(secret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_FULL));
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(r.identity()).isEqualTo("InfraKitchen (service principal)");
        assertThat(step(r, AzureDevOpsChecker.STEP_ENTRA).summary())
                .contains("Microsoft Entra issued an access token").contains(EntraFixtures.CLIENT_ID_FULL);
        assertThat(r.steps().stream().map(CheckStep::name)).containsSubsequence(AzureDevOpsChecker.STEP_LOCAL,
                AzureDevOpsChecker.STEP_ENTRA, AzureDevOpsChecker.STEP_ORGANIZATION, AzureDevOpsChecker.STEP_PROJECTS,
                AzureDevOpsChecker.STEP_IDENTITY, AzureDevOpsChecker.STEP_CODE_READ,
                AzureDevOpsChecker.STEP_CODE_WRITE);
        assertThat(r.projectCount()).isPositive();
        assertThat(ENTRA.lastGrantType()).isEqualTo("client_credentials");
        // every authenticated request carries the Entra token; the organization lookup is anonymous by design
        assertThat(ADO.takeRequests()).filteredOn(c -> c.headers().get("Authorization") != null).hasSizeGreaterThan(3)
                .allSatisfy(c -> assertThat(c.headers().get("Authorization")).startsWith("Bearer ey"));
    }

    @Test
    void theTenantMayBeItsVerifiedDomain() {
        CheckResult r = check(ServicePrincipalInput.withSecret(" Contoso.onmicrosoft.com ",
                EntraFixtures.CLIENT_ID_FULL.toUpperCase(), Secret.of(EntraFixtures.SECRET_FULL), null));
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.CONNECTED);
    }

    @Test
    void aWrongSecretIsAADSTS7000215() {
        CheckResult r = check(secret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_STAKEHOLDER));
        assertThat(r.category()).isEqualTo(CheckCategory.ENTRA_SECRET_INVALID);
        assertThat(step(r, AzureDevOpsChecker.STEP_ENTRA).summary()).contains("AADSTS7000215");
        assertThat(r.decisive().serverMessage()).startsWith("AADSTS7000215");
        assertThat(r.decisive().activityId()).contains("Trace ID").contains("Correlation ID");
        assertThat(CheckCategory.ENTRA_SECRET_INVALID.hint(null)).contains("Value (not its Secret ID)");
        afterEntraNotReached(r);
    }

    @Test
    void anExpiredSecretIsAADSTS7000222AndSoIsOneTheFakeExpiresLater() {
        CheckResult r = check(secret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_FULL_EXPIRED));
        assertThat(r.category()).isEqualTo(CheckCategory.ENTRA_SECRET_EXPIRED);
        afterEntraNotReached(r);

        ENTRA.expireSecret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_FULL);
        assertThat(check(secret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_FULL)).category())
                .isEqualTo(CheckCategory.ENTRA_SECRET_EXPIRED);
    }

    @Test
    void anApplicationOfAnotherTenantIsAADSTS700016() {
        CheckResult r = check(secret("aaaaaaaa-0000-4000-8000-0000000000ff", EntraFixtures.SECRET_FULL));
        assertThat(r.category()).isEqualTo(CheckCategory.ENTRA_APPLICATION_NOT_FOUND);
        assertThat(step(r, AzureDevOpsChecker.STEP_ENTRA).summary()).contains("AADSTS700016");
        afterEntraNotReached(r);
    }

    @Test
    void anUnknownTenantIsAADSTS90002() {
        CheckResult r = check(ServicePrincipalInput.withSecret("22222222-2222-2222-2222-222222222222",
                EntraFixtures.CLIENT_ID_FULL, Secret.of(EntraFixtures.SECRET_FULL), null));
        assertThat(r.category()).isEqualTo(CheckCategory.ENTRA_TENANT_NOT_FOUND);
        afterEntraNotReached(r);
    }

    @Test
    void aRegisteredCertificateConnectsAsPemAndAsPkcs12() {
        TestCertificates.TestCertificate cert = TestCertificates.create("CN=InfraKitchen",
                Instant.now().plus(300, ChronoUnit.DAYS));
        ENTRA.registerCertificate(EntraFixtures.CLIENT_ID_FULL, cert.certificate());
        CheckResult pem = check(ServicePrincipalInput.withCertificate(EntraFixtures.TENANT_ID,
                EntraFixtures.CLIENT_ID_FULL, Secret.of(cert.pem()), null));
        assertThat(pem.category()).as(pem.steps().toString()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(ENTRA.lastRequest().toString()).contains("client_assertion");

        String pkcs12 = ServicePrincipalInput.PKCS12_PREFIX + Base64.getEncoder()
                .encodeToString(cert.pkcs12("fake-password".toCharArray()));
        CheckResult p12 = check(ServicePrincipalInput.withCertificate(EntraFixtures.TENANT_ID,
                EntraFixtures.CLIENT_ID_FULL, Secret.of(pkcs12), Secret.of("fake-password")));
        assertThat(p12.category()).as(p12.steps().toString()).isEqualTo(CheckCategory.CONNECTED);
    }

    @Test
    void aCertificateTheApplicationDoesNotKnowIsAADSTS700027() {
        TestCertificates.TestCertificate cert = TestCertificates.create("CN=Unregistered",
                Instant.now().plus(300, ChronoUnit.DAYS));
        CheckResult r = check(ServicePrincipalInput.withCertificate(EntraFixtures.TENANT_ID,
                EntraFixtures.CLIENT_ID_FULL, Secret.of(cert.pem()), null));
        assertThat(r.category()).isEqualTo(CheckCategory.ENTRA_CERTIFICATE_REJECTED);
        assertThat(step(r, AzureDevOpsChecker.STEP_ENTRA).summary()).contains("AADSTS700027");
        afterEntraNotReached(r);
    }

    @Test
    void workloadIdentitySignsInWithTheTokenFileAndIsRefusedWithoutOne() throws Exception {
        Path file = dir.resolve("azure-identity-token");
        Files.writeString(file, EntraFixtures.federatedAssertion());
        CheckResult r = check(ServicePrincipalInput.federated(EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL),
                file);
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.CONNECTED);

        Files.writeString(file, EntraFixtures.federatedAssertion("https://other.issuer.test",
                EntraFixtures.FEDERATED_SUBJECT, EntraFixtures.FEDERATED_AUDIENCE));
        assertThat(check(ServicePrincipalInput.federated(EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL),
                file).category()).isEqualTo(CheckCategory.ENTRA_FEDERATION_REJECTED);

        CheckResult none = check(ServicePrincipalInput.federated(EntraFixtures.TENANT_ID,
                EntraFixtures.CLIENT_ID_FULL), null);
        assertThat(none.category()).isEqualTo(CheckCategory.FEDERATION_UNAVAILABLE);
        assertThat(ENTRA.tokenRequests()).as("nothing is sent without the token file").isEqualTo(2);
    }

    @Test
    void aPrincipalNotAddedToTheOrganizationIsTF401444WithTheWayToAddIt() {
        CheckResult r = check(secret(EntraFixtures.CLIENT_ID_UNADDED, EntraFixtures.SECRET_UNADDED));
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.PRINCIPAL_NOT_ADDED);
        assertThat(r.category().headline("contoso")).isEqualTo("The service principal has not been added to"
                + " 'contoso'");
        assertThat(r.category().hint("contoso")).contains("Organization settings, Users, Add users")
                .contains("access level Basic");
        assertThat(step(r, AzureDevOpsChecker.STEP_ENTRA).status()).isEqualTo(StepStatus.PASSED);
    }

    @Test
    void stakeholderAccessIsNamedWhenGitSaysNoRepositoryExists() {
        CheckResult r = check(secret(EntraFixtures.CLIENT_ID_STAKEHOLDER, EntraFixtures.SECRET_STAKEHOLDER));
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.STAKEHOLDER_ACCESS);
        assertThat(step(r, AzureDevOpsChecker.STEP_IDENTITY).summary()).contains("InfraKitchen Stakeholder");
        assertThat(r.category().hint("contoso")).contains("access level to Basic");
    }

    @Test
    void noAccessToTheProjectsIsVS800075() {
        CheckResult r = check(secret(EntraFixtures.CLIENT_ID_NO_PROJECT, EntraFixtures.SECRET_NO_PROJECT));
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.PROJECT_ACCESS_DENIED);
        assertThat(step(r, AzureDevOpsChecker.STEP_CODE_READ).http().serverMessage()).contains("VS800075");
    }

    @Test
    void anEntraThatCannotBeReachedIsNamedAsEntras() {
        CheckResult r = checker(null, "http://127.0.0.1:1").check("contoso",
                secret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_FULL), "fp", new Cancellation());
        assertThat(r.category()).isEqualTo(CheckCategory.ENTRA_UNREACHABLE);
        assertThat(step(r, AzureDevOpsChecker.STEP_ENTRA).summary()).contains("127.0.0.1");
    }

    @Test
    void aSecretEndingWithinTwoWeeksIsAWarning() {
        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        CheckResult r = check(ServicePrincipalInput.withSecret(EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL,
                Secret.of(EntraFixtures.SECRET_FULL), soon));
        assertThat(r.category()).isEqualTo(CheckCategory.PRINCIPAL_SECRET_EXPIRING_SOON);
        assertThat(step(r, AzureDevOpsChecker.STEP_SECRET_EXPIRY).summary()).contains("client secret ends on "
                + soon);
    }

    @Test
    void neitherTheClientSecretNorTheAccessTokenIsEverInAResult() {
        List<CheckResult> results = List.of(
                check(secret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_FULL)),
                check(secret(EntraFixtures.CLIENT_ID_UNADDED, EntraFixtures.SECRET_UNADDED)),
                check(secret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_UNADDED)));
        for (CheckResult r : results) {
            String all = r.toString();
            assertThat(all).doesNotContain(EntraFixtures.SECRET_FULL).doesNotContain(EntraFixtures.SECRET_UNADDED)
                    .doesNotContain("eyJ");
        }
    }

    @Test
    void theRepositoriesTabReusesTheTokenUntilShortlyBeforeItExpiresAndATestNeverDoes() {
        EntraProperties entra = new EntraProperties(URI.create(ENTRA.authorityHost()), null, Duration.ofMinutes(5));
        EntraTokenCache cache = new EntraTokenCache(CLOCK, entra);
        EntraTokens tokens = new EntraTokens(http, entra, CLOCK);
        AzureDevOpsProvider provider = new AzureDevOpsProvider(entra);
        PrincipalRepositoryLister lister = new PrincipalRepositoryLister(new PatRepositoryLister(http, 50), tokens,
                cache, http, provider);
        ServicePrincipalInput principal = secret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_FULL);

        var first = lister.list("contoso", principal, null, new Cancellation());
        assertThat(first).as(first.toString())
                .isInstanceOf(com.infrakitchen.console.integration.browse.RepositoryListing.ProjectPage.class);
        lister.list("contoso", principal, null, new Cancellation());
        assertThat(ENTRA.tokenRequests()).as("the second page load reuses the token").isEqualTo(1);

        ServicePrincipalChecker checker = new ServicePrincipalChecker(new AzureDevOpsChecker(http, CLOCK), http,
                tokens, cache, provider, CLOCK);
        checker.check("contoso", principal, "fp", new Cancellation());
        assertThat(ENTRA.tokenRequests()).as("a test always asks Entra").isEqualTo(2);

        ENTRA.reset();
        ENTRA.setTokenLifetime(Duration.ofMinutes(4)); // shorter than the refresh margin: never kept
        ServicePrincipalInput other = secret(EntraFixtures.CLIENT_ID_STAKEHOLDER, EntraFixtures.SECRET_STAKEHOLDER);
        lister.list("contoso", other, null, new Cancellation());
        lister.list("contoso", other, null, new Cancellation());
        assertThat(ENTRA.tokenRequests()).isEqualTo(2);

        var refused = lister.list("contoso", secret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_FULL_EXPIRED),
                null, new Cancellation());
        assertThat(refused).isInstanceOfSatisfying(
                com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure.class,
                f -> assertThat(f.category()).isEqualTo(CheckCategory.ENTRA_SECRET_EXPIRED));
    }
}
