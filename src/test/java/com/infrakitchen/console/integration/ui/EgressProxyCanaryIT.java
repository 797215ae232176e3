package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import com.infrakitchen.console.support.proxy.Tinyproxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The proxy password is a canary (decision 0018, docs/security.md S-05): the console configured with it
 * ({@code app.outbound.*}, as an administrator would), a test through the real proxy (Debian's Tinyproxy, which
 * refuses it), and the password, or its Basic encoding, is nowhere: not in the log, not in the result, not in the
 * audit trail, not in the copied report, whose ladder shows the proxy hop that failed.
 *
 * <p>Skipped, with the reason, when Tinyproxy is not installed ({@code .ci/run} installs it).
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@EnabledIf(value = "installed", disabledReason = Tinyproxy.NOT_INSTALLED)
class EgressProxyCanaryIT {

    static final String CANARY = "CANARY-console-proxy-0a77c";
    static final String BASIC = Base64.getEncoder().encodeToString(("alice:" + CANARY)
            .getBytes(StandardCharsets.UTF_8));

    static Path dir;
    static Tinyproxy proxy;

    @Autowired
    CheckService checks;
    @Autowired
    JdbcTemplate jdbc;

    static boolean installed() {
        return Tinyproxy.installed();
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createDirectories(Path.of("target").toAbsolutePath()
                .resolve("tinyproxy-canary-" + ProcessHandle.current().pid()));
        proxy = Tinyproxy.start(dir, "canary", "alice", "the-right-one");
        registry.add("app.outbound.proxy", proxy::url);
        registry.add("app.outbound.proxy-username", () -> "alice");
        registry.add("app.outbound.proxy-password", () -> CANARY);
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        Tinyproxy.delete(dir);
    }

    @Test
    void theProxyPasswordIsNeverInTheLogTheResultTheAuditOrTheReport(CapturedOutput output) throws Exception {
        String user = "canary-" + System.nanoTime();
        CheckResult r = As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm("form-canary", "proxied",
                "contoso", CredentialChange.replace(new SshKeyInput(Secret.of(TestSshKeys.pkcs8(TestSshKeys.alice())),
                        null, false, "Web/web-app"))))).result().get(30, TimeUnit.SECONDS);

        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.PROXY_AUTHENTICATION_FAILED);
        String report = DiagnosisReport.of(new DiagnosisReport.Subject("proxied", "contoso", "SSH", "Azure DevOps",
                "test"), Diagnosis.unstored(r));
        assertThat(report).contains("Proxy 127.0.0.1:" + proxy.port() + ": failed")
                .contains(CheckCategory.PROXY_AUTHENTICATION_FAILED.headline("contoso"));
        List<String> audit = jdbc.queryForList("SELECT COALESCE(details, '') FROM audit_event WHERE actor = ?",
                String.class, user);
        assertThat(audit).isNotEmpty();
        for (String shown : List.of(report, r.toString(), String.join("\n", audit), output.getAll())) {
            assertThat(shown).doesNotContain(CANARY).doesNotContain(BASIC);
        }
    }
}
