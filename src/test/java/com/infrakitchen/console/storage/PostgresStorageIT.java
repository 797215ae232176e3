package com.infrakitchen.console.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.audit.AuditQuery;
import com.infrakitchen.console.audit.AuditService;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.Postgres;
import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.UserRuleViolation;
import com.infrakitchen.console.user.UserService;
import com.infrakitchen.console.user.UserSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on PostgreSQL (profile "postgres"): bootstrap admin, user rules, the
 * last-admin lock and audit paging work against the real server, not only H2.
 */
@SpringBootTest
@ActiveProfiles("postgres")
@EnabledIfSystemProperty(named = "postgres", matches = "true", disabledReason = Postgres.DISABLED_REASON)
class PostgresStorageIT {

    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = Postgres.useOwnDatabase(registry);
    }

    @AfterAll
    static void drop() {
        Postgres.dropDatabase(url);
    }

    @Autowired
    UserService users;
    @Autowired
    AuditService audit;

    @Test
    void usersAndTheirAuditTrailAreStoredInPostgresql() {
        Instant start = Instant.now().minus(1, ChronoUnit.MINUTES);
        As.user("pg-admin", "ADMIN", () -> {
            assertThat(users.list()).extracting(UserSummary::username).containsExactly("admin");
            users.create(new NewUser("pg-editor", "EDITOR", "a-long-enough-password"));
            assertThatThrownBy(() -> users.create(new NewUser("PG-EDITOR", "VIEWER", null)))
                    .isInstanceOf(UserRuleViolation.class).hasMessageContaining("already in use");
            long adminId = users.list().stream().filter(u -> u.username().equals("admin")).findFirst()
                    .orElseThrow().id();
            assertThatThrownBy(() -> users.changeRole(adminId, "VIEWER"))
                    .hasMessageContaining("last enabled administrator");

            var created = audit.find(new AuditQuery("pg-admin", AuditAction.USER_CREATED, start, null), 0, 50);
            assertThat(created).hasSize(1);
            assertThat(created.get(0).targetName()).isEqualTo("pg-editor");
            assertThat(created.get(0).occurredAt()).isAfter(start);
            assertThat(audit.count(new AuditQuery("pg-admin", null, null, null))).isEqualTo(1);
        });
    }
}
