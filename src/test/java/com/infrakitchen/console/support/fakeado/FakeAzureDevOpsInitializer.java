package com.infrakitchen.console.support.fakeado;

import com.infrakitchen.console.support.fakeentra.FakeEntra;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every application started from the test classpath (Spring tests, browser tests and the
 * {@code ./mvnw spring-boot:test-run} demo) at one fake Azure DevOps, one fake SSH endpoint and one fake Microsoft
 * Entra token endpoint per JVM, so no test ever calls dev.azure.com or login.microsoftonline.com. Registered in {@code META-INF/spring.factories}.
 */
public class FakeAzureDevOpsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static volatile FakeAzureDevOps shared;
    private static volatile com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh sharedSsh;
    private static volatile FakeEntra sharedEntra;

    /** The fake every test context talks to; started on first use, stopped with the JVM. */
    public static synchronized FakeAzureDevOps shared() {
        if (shared == null) {
            FakeAzureDevOps fake = new FakeAzureDevOps().start();
            Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-azure-devops-stop"));
            shared = fake;
        }
        return shared;
    }

    /** The fake SSH endpoint every test context talks to (docs/azure-devops.md 12.4). */
    public static synchronized com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh sharedSsh() {
        if (sharedSsh == null) {
            var fake = com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh.start();
            Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-azure-devops-ssh-stop"));
            sharedSsh = fake;
        }
        return sharedSsh;
    }

    /** The fake Microsoft Entra token endpoint every test context talks to (docs/azure-devops.md 12.6). */
    public static synchronized FakeEntra sharedEntra() {
        if (sharedEntra == null) {
            FakeEntra fake = new FakeEntra().start();
            Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-entra-stop"));
            sharedEntra = fake;
        }
        return sharedEntra;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        FakeAzureDevOps fake = shared();
        var ssh = sharedSsh();
        var entra = sharedEntra();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-azure-devops", Map.of(
                "app.azure-devops.base-url", fake.baseUrl(),
                "app.azure-devops.allow-private-addresses", "true",
                "app.azure-devops.ssh.host", ssh.host(),
                "app.azure-devops.ssh.port", String.valueOf(ssh.port()),
                "app.azure-devops.ssh.known-hosts", ssh.knownHostsLine(),
                "app.entra.authority-host", entra.authorityHost())));
    }
}
