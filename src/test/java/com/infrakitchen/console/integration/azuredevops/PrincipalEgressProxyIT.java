package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.outbound.OutboundProperties;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeentra.EntraFixtures;
import com.infrakitchen.console.support.fakeentra.FakeEntra;
import com.infrakitchen.console.support.proxy.Tinyproxy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A service principal's check through a real egress proxy, Debian's Tinyproxy (decision 0018, issue 14: the proxy
 * applies to the Entra token endpoint too): both the token request and the Azure DevOps requests tunnel through it,
 * TLS end to end with each fake; a proxy whose policy lets only Azure DevOps through names the refusal at the
 * Microsoft Entra token step, as the proxy's, not as Entra's.
 */
@EnabledIf(value = "installed", disabledReason = Tinyproxy.NOT_INSTALLED)
class PrincipalEgressProxyIT {

    static Path dir;
    static FakeAzureDevOps ado;
    static FakeEntra entra;
    static Path ca;
    static Tinyproxy both;
    static Tinyproxy adoOnly;

    static boolean installed() {
        return Tinyproxy.installed();
    }

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createDirectories(Path.of("target").toAbsolutePath()
                .resolve("tinyproxy-entra-" + ProcessHandle.current().pid()));
        ado = new FakeAzureDevOps().useSelfSignedTls().start();
        entra = new FakeEntra().useSelfSignedTls().start();
        ca = Files.writeString(dir.resolve("ca.pem"), ado.certificatePem() + "\n" + entra.certificatePem());
        both = Tinyproxy.start(dir, "both", null, null, ado.port(), entra.port());
        adoOnly = Tinyproxy.start(dir, "ado-only", null, null, ado.port());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {both, adoOnly, ado, entra}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // stopping anyway
            }
        }
        Tinyproxy.delete(dir);
    }

    static CheckResult check(Tinyproxy proxy) {
        AzureDevOpsHttp http = new AzureDevOpsHttp(new AzureDevOpsProperties(URI.create(ado.baseUrl()), true, ca,
                Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10), 65536,
                AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES),
                new OutboundProxy(new OutboundProperties(proxy.url(), null, null, "")), Dns.SYSTEM);
        try {
            Clock clock = Clock.systemUTC();
            EntraProperties properties = new EntraProperties(URI.create(entra.authorityHost()), null,
                    Duration.ofMinutes(5));
            return new ServicePrincipalChecker(new AzureDevOpsChecker(http, clock), http,
                    new EntraTokens(http, properties, clock), new EntraTokenCache(clock, properties),
                    new AzureDevOpsProvider(properties), clock).check("contoso", ServicePrincipalInput.withSecret(
                            EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL,
                            Secret.of(EntraFixtures.SECRET_FULL), null), "fp", new Cancellation());
        } finally {
            http.shutdown();
        }
    }

    static CheckStep step(CheckResult r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + r.steps()));
    }

    @Test
    void theTokenRequestAndAzureDevOpsBothGoThroughTheProxy() {
        CheckResult r = check(both);
        assertThat(r.category()).as(r.steps() + "\n" + both.log()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(both.log()).contains("CONNECT 127.0.0.1:" + entra.port())
                .contains("CONNECT 127.0.0.1:" + ado.port());
        assertThat(step(r, "Proxy 127.0.0.1:" + both.port()).status()).isEqualTo(StepStatus.PASSED);
    }

    @Test
    void aProxyThatRefusesEntrasHostIsNamedAtTheTokenStepAsTheProxys() {
        CheckResult r = check(adoOnly);
        assertThat(r.category()).as(r.steps() + "\n" + adoOnly.log()).isEqualTo(CheckCategory.PROXY_CONNECT_DENIED);
        assertThat(step(r, AzureDevOpsChecker.STEP_ENTRA).status()).isEqualTo(StepStatus.FAILED);
        assertThat(step(r, AzureDevOpsChecker.STEP_ENTRA).summary())
                .startsWith("Could not reach Microsoft Entra at 127.0.0.1 through the egress proxy");
    }
}
