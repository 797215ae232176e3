package com.infrakitchen.demo;

import com.infrakitchen.console.Application;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import com.infrakitchen.console.support.fakeentra.EntraFixtures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * {@code ./mvnw spring-boot:test-run}: the console wired to the fake Azure DevOps (and the test
 * configuration: in-memory database, admin password {@code admin-test-password}), so anyone can try every
 * diagnosis without an Azure DevOps account. The annotation only lets the Maven plugin pick this class
 * among the test classes' main methods; the application is {@link Application}. It lives outside the
 * console's packages so that neither component scanning nor the tests ever see it.
 */
@SpringBootApplication
public class DemoApplication {

    private static final Logger log = LoggerFactory.getLogger(DemoApplication.class);

    /**
     * A certificate the fake Entra knows for the InfraKitchen application, made at start (never committed), written
     * with its private key to {@code target/demo-entra/infrakitchen-demo.pem} for the Certificate way of the Service
     * principal tab.
     */
    private static void demoCertificate(com.infrakitchen.console.support.fakeentra.FakeEntra entra) {
        try {
            var cert = com.infrakitchen.console.support.fakeentra.TestCertificates.create("CN=InfraKitchen demo",
                    java.time.Instant.now().plus(java.time.Duration.ofDays(365)));
            entra.registerCertificate(EntraFixtures.CLIENT_ID_FULL, cert.certificate());
            java.nio.file.Path file = java.nio.file.Path.of("target", "demo-entra", "infrakitchen-demo.pem");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, cert.pem());
            log.info("Demo certificate of {} (a test certificate made now): {}", EntraFixtures.CLIENT_ID_FULL,
                    file.toAbsolutePath());
        } catch (java.io.IOException e) {
            log.warn("The demo certificate could not be written: {}", e.toString());
        }
    }

    public static void main(String[] args) {
        var fake = FakeAzureDevOpsInitializer.shared();
        FakeAzureDevOpsInitializer.sharedSsh().setRegisterOnFirstUse(true);
        log.info("Fake Azure DevOps at {}: organizations contoso, fabrikam, bigorg; try the tokens listed in the"
                + " README (PAT_FULL starts with {}…)", fake.baseUrl(), FakeTokens.PAT_FULL.substring(0, 12));
        var entra = FakeAzureDevOpsInitializer.sharedEntra();
        log.info("Fake Microsoft Entra at {}: tenant {} (or {}); service principals (client id / secret): {} / {}"
                + " (InfraKitchen, full access), {} / {} (not added to any organization), {} / {} (Stakeholder), {} / {}"
                + " (no project); the expired secret of the first is {}. Test values, not secrets.",
                entra.authorityHost(), EntraFixtures.TENANT_ID, EntraFixtures.TENANT_DOMAIN,
                EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_FULL, EntraFixtures.CLIENT_ID_UNADDED,
                EntraFixtures.SECRET_UNADDED, EntraFixtures.CLIENT_ID_STAKEHOLDER, EntraFixtures.SECRET_STAKEHOLDER,
                EntraFixtures.CLIENT_ID_NO_PROJECT, EntraFixtures.SECRET_NO_PROJECT, EntraFixtures.SECRET_FULL_EXPIRED);
        demoCertificate(entra);
        // The test configuration turns scheduled re-checks off; the demo shows them, every 5 minutes (arguments given
        // on the command line come later and win).
        String[] withSchedule = new String[args.length + 2];
        withSchedule[0] = "--app.health.scheduled-checks=true";
        withSchedule[1] = "--app.health.check-interval=PT5M";
        System.arraycopy(args, 0, withSchedule, 2, args.length);
        SpringApplication.run(Application.class, withSchedule);
    }
}
