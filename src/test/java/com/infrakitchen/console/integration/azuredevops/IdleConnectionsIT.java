package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9 item 1: a server closes idle keep-alive connections (here after 1 s, as an unkind front end does), and
 * a check that reused such a connection reported "the connection to Azure DevOps was cut". Each check opens its
 * own connections, so pauses between checks never make a working integration look broken, and nothing is ever
 * sent twice. Over HTTP/1.1 (plain and TLS, as behind most proxies) the client cannot see the server's FIN on an
 * idle connection; over HTTP/2 it can.
 */
class IdleConnectionsIT {

    enum Transport { HTTP1_PLAIN, HTTP1_TLS, HTTP2_TLS }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void tenChecksWithIdlePausesOfUpToThreeSecondsAreAllConnectedAndSendEachRequestOnce(Transport transport)
            throws Exception {
        FakeAzureDevOps fake = new FakeAzureDevOps();
        if (transport != Transport.HTTP1_PLAIN) {
            fake.useSelfSignedTls();
        }
        if (transport != Transport.HTTP2_TLS) {
            fake.useHttp1Only();
        }
        fake.start();
        fake.setIdleTimeout(Duration.ofSeconds(1));
        Path ca = transport == Transport.HTTP1_PLAIN ? null
                : Files.writeString(dir.resolve("fake-ca.pem"), fake.certificatePem());
        AzureDevOpsHttp http = new AzureDevOpsHttp(new AzureDevOpsProperties(URI.create(fake.baseUrl()), true, ca,
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), 65536,
                AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES));
        try {
            List<Long> pausesMillis = List.of(0L, 1500L, 0L, 3000L, 200L, 1100L, 0L, 2500L, 900L, 1800L);
            AzureDevOpsChecker checker = new AzureDevOpsChecker(http, Clock.systemUTC());
            for (int i = 0; i < pausesMillis.size(); i++) {
                Thread.sleep(pausesMillis.get(i));
                int connectionsBefore = fake.connectionCount();
                CheckResult r = checker.check(new CheckInput("contoso", Secret.of(FakeTokens.PAT_FULL), null, "fp"),
                        new Cancellation());
                assertThat(r.category()).as("check %d after %d ms idle: %s", i + 1, pausesMillis.get(i), r.steps())
                        .isEqualTo(CheckCategory.CONNECTED);
                Map<String, Integer> perTarget = new HashMap<>();
                fake.takeRequests().forEach(c -> perTarget.merge(c.method() + " " + c.target(), 1, Integer::sum));
                assertThat(perTarget).as("check %d", i + 1).hasSize(5)
                        .allSatisfy((target, n) -> assertThat(n).as(target).isEqualTo(1));
                if (transport != Transport.HTTP2_TLS) {
                    // HTTP/1.1: one fresh connection per request, none left over from an earlier check
                    assertThat(fake.connectionCount() - connectionsBefore).as("connections of check %d", i + 1)
                            .isEqualTo(5);
                }
            }
        } finally {
            http.shutdown();
            fake.close();
        }
    }
}
