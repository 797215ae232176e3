package com.infrakitchen.console.integration;

import static com.infrakitchen.console.integration.IntegrationTestData.data;
import static com.infrakitchen.console.integration.IntegrationTestData.fakeToken;
import static com.infrakitchen.console.integration.IntegrationTestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** docs/security.md A-01 (and A-05 for key rotation): method security refuses and audits. */
@SpringBootTest
class IntegrationAccessIT {

    @Autowired
    IntegrationService integrations;
    @Autowired
    SecretRotationService rotation;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a01AViewerIsDeniedEveryChangeAndEachDenialIsAudited() {
        IntegrationDetail existing = As.user("setup", "EDITOR", () -> integrations.create(data(uniqueName("a01")), IntegrationFixtures.pat(fakeToken())));
        String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Runnable> changes = new LinkedHashMap<>();
        changes.put("IntegrationService.create", () -> integrations.create(data(uniqueName("x")), IntegrationFixtures.pat(fakeToken())));
        changes.put("IntegrationService.update", () -> integrations.update(existing.id(), existing.version(),
                existing.data(), IntegrationFixtures.clearToken()));
        changes.put("IntegrationService.setEnabled", () -> integrations.setEnabled(existing.id(), existing.version(),
                false));
        changes.put("IntegrationService.delete", () -> integrations.delete(existing.id(), existing.version(),
                existing.data().name()));
        changes.put("IntegrationService.nameTaken", () -> integrations.nameTaken("x", null));
        changes.put("SecretRotationService.reencryptSecrets", rotation::reencryptSecrets);
        changes.put("SecretRotationService.status", rotation::status);
        changes.forEach((name, call) -> assertThatThrownBy(() -> As.user(viewer, "VIEWER", call)).as(name)
                .isInstanceOf(AccessDeniedException.class));

        assertThat(jdbc.queryForList("SELECT target_name FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ?",
                String.class, viewer)).containsExactlyInAnyOrderElementsOf(changes.keySet());
        IntegrationDetail after = As.user(viewer, "VIEWER", () -> integrations.get(existing.id())).orElseThrow();
        assertThat(after.version()).isEqualTo(existing.version());
        assertThat(after.credentialConfigured()).isTrue();
    }

    @Test
    void aViewerMayReadTheGridAndTheDetail() {
        IntegrationDetail existing = As.user("setup", "EDITOR", () -> integrations.create(data(uniqueName("read")), IntegrationFixtures.pat(fakeToken())));
        assertThat(As.user("v", "VIEWER", () -> integrations.get(existing.id()))).isPresent();
        assertThat(As.user("v", "VIEWER", () -> integrations.count(null))).isPositive();
    }

    @Test
    void onlyAdminsDeleteAndRotateKeys() {
        IntegrationDetail existing = As.user("setup", "EDITOR", () -> integrations.create(data(uniqueName("adm")), IntegrationFixtures.pat(fakeToken())));
        assertThatThrownBy(() -> As.user("ed", "EDITOR", () -> integrations.delete(existing.id(), existing.version(),
                existing.data().name()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.user("ed", "EDITOR", () -> rotation.reencryptSecrets()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.user("root", "ADMIN", () -> integrations.delete(existing.id(), existing.version(),
                "not the name"))).isInstanceOf(IntegrationRuleViolation.class).hasMessageContaining("to confirm");
        As.user("root", "ADMIN", () -> integrations.delete(existing.id(), existing.version(), existing.data().name()));
        assertThat(As.user("root", "ADMIN", () -> integrations.get(existing.id()))).isEmpty();
    }
}
