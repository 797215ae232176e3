package com.infrakitchen.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.UserService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The README's "Events are written in the same transaction as the change they describe", both ways: a change whose
 * audit event cannot be written is not stored (the database refuses that one event: a CHECK constraint on its
 * action and target name, added for the test and dropped after it), and a change that is rolled back leaves no
 * event.
 */
@SpringBootTest
class AuditTransactionIT {

    @Autowired
    IntegrationService integrations;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs {@code action} while the database refuses the audit events {@code refused} about {@code targetName}. */
    private void whileTheAuditRefuses(AuditAction refused, String targetName, Runnable action) {
        // the names come from uniqueName/suffix: letters, digits and hyphens only, safe in a literal
        assertThat(targetName).matches("[a-z0-9-]+");
        String constraint = "test_audit_refuses_" + suffix().replace('-', '_');
        jdbc.execute("ALTER TABLE audit_event ADD CONSTRAINT " + constraint
                + " CHECK (action <> '" + refused.name() + "' OR target_name IS NULL OR target_name <> '"
                + targetName + "')");
        try {
            action.run();
        } finally {
            jdbc.execute("ALTER TABLE audit_event DROP CONSTRAINT " + constraint);
        }
    }

    private long integrationsNamed(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM integration WHERE name = ?", Long.class, name);
    }

    private long eventsAbout(String targetName) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE target_name = ?", Long.class, targetName);
    }

    @Test
    void anIntegrationWhoseCreationCannotBeAuditedIsNotCreated() {
        String name = IntegrationFixtures.uniqueName("audit-create");
        whileTheAuditRefuses(AuditAction.INTEGRATION_CREATED, name, () -> assertThatThrownBy(
                () -> IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name)))
                .isInstanceOf(DataAccessException.class));
        assertThat(integrationsNamed(name)).isZero();
        assertThat(eventsAbout(name)).isZero();
    }

    @Test
    void anIntegrationWhoseDisablingCannotBeAuditedStaysEnabled() {
        String name = IntegrationFixtures.uniqueName("audit-disable");
        IntegrationDetail saved = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name));
        long events = eventsAbout(name);
        whileTheAuditRefuses(AuditAction.INTEGRATION_DISABLED, name, () -> assertThatThrownBy(
                () -> As.user("audit-editor", "EDITOR", () -> integrations.setEnabled(saved.id(), saved.version(),
                        false))).isInstanceOf(DataAccessException.class));
        assertThat(jdbc.queryForObject("SELECT enabled FROM integration WHERE id = ?", Boolean.class, saved.id()))
                .isTrue();
        assertThat(eventsAbout(name)).isEqualTo(events);
    }

    @Test
    void aUserWhoseCreationCannotBeAuditedIsNotCreated() {
        String username = "audit-" + suffix();
        whileTheAuditRefuses(AuditAction.USER_CREATED, username, () -> assertThatThrownBy(
                () -> As.user("audit-admin", "ADMIN", () -> users.create(new NewUser(username, "VIEWER", null))))
                .isInstanceOf(DataAccessException.class));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Long.class, username))
                .isZero();
    }

    @Test
    void aChangeRolledBackLeavesNoAuditEvent() {
        String name = IntegrationFixtures.uniqueName("audit-rollback");
        String username = "audit-" + suffix();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name));
            As.user("audit-admin", "ADMIN", () -> users.create(new NewUser(username, "VIEWER", null)));
            assertThat(eventsAbout(name)).as("written inside the transaction").isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(integrationsNamed(name)).isZero();
        assertThat(eventsAbout(name)).isZero();
        assertThat(eventsAbout(username)).isZero();
    }
}
