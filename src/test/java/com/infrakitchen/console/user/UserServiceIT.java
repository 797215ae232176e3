package com.infrakitchen.console.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.security.Roles;
import com.infrakitchen.console.support.As;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest
class UserServiceIT {

    private static final String OPERATOR = "operator-admin";

    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    private String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private <T> T asAdmin(java.util.function.Supplier<T> action) {
        return As.user(OPERATOR, Roles.ADMIN, action);
    }

    @BeforeEach
    void onlyTheBootstrapAdminIsAnEnabledAdmin() {
        asAdmin(() -> {
            UserSummary admin = users.list().stream().filter(u -> "admin".equals(u.username())).findFirst()
                    .orElseThrow();
            users.setEnabled(admin.id(), true);
            users.changeRole(admin.id(), Roles.ADMIN);
            users.list().stream()
                    .filter(u -> u.enabled() && Roles.ADMIN.equals(u.role()) && !"admin".equals(u.username()))
                    .forEach(u -> users.changeRole(u.id(), Roles.VIEWER));
            return null;
        });
    }

    @Test
    void createdUserGetsAGeneratedPasswordThatIsStoredOnlyAsAHash() {
        String name = unique("viewer");
        PasswordIssued issued = asAdmin(() -> users.create(new NewUser("  " + name.toUpperCase() + " ", "VIEWER",
                null)));

        assertThat(issued.user().username()).isEqualTo(name);
        assertThat(issued.generatedPassword()).hasSizeGreaterThanOrEqualTo(UserRules.PASSWORD_MIN);
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class,
                name);
        assertThat(hash).doesNotContain(issued.generatedPassword()).startsWith("{bcrypt}");
        assertThat(encoder.matches(issued.generatedPassword(), hash)).isTrue();
        String details = jdbc.queryForObject(
                "SELECT details FROM audit_event WHERE action = 'USER_CREATED' AND target_name = ?", String.class,
                name);
        assertThat(details).contains("\"role\":\"VIEWER\"").doesNotContain(issued.generatedPassword());
    }

    @Test
    void usernamesAreCaseInsensitiveAndUnique() {
        String name = unique("dup");
        asAdmin(() -> users.create(new NewUser(name, "EDITOR", "a-long-enough-password")));
        assertThatThrownBy(() -> asAdmin(() -> users.create(new NewUser(name.toUpperCase(), "VIEWER", null))))
                .isInstanceOf(UserRuleViolation.class)
                .hasMessageContaining("already in use")
                .satisfies(e -> assertThat(((UserRuleViolation) e).field()).isEqualTo("username"));
    }

    @Test
    void badUsernamesAndPasswordsAreRefusedWithTheRule() {
        for (String bad : List.of("", "ab", "9lives", "has space", "x".repeat(33), "semi;colon", "\u212Aate",
                "k\u0430te", "\u0130lker")) {
            assertThatThrownBy(() -> asAdmin(() -> users.create(new NewUser(bad, "VIEWER", null))))
                    .as(bad).isInstanceOf(UserRuleViolation.class)
                    .satisfies(e -> assertThat(((UserRuleViolation) e).field()).isEqualTo("username"));
        }
        String name = unique("pw");
        assertThatThrownBy(() -> asAdmin(() -> users.create(new NewUser(name, "VIEWER", "short"))))
                .isInstanceOf(UserRuleViolation.class).hasMessageContaining("at least 12")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> asAdmin(() -> users.create(new NewUser(name, "ROOT", null))))
                .isInstanceOf(UserRuleViolation.class).hasMessageContaining("Role must be one of");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Long.class, name))
                .isZero();
    }

    @Test
    void theLastEnabledAdminCanNeitherBeDemotedNorDisabled() {
        long adminId = adminId();
        assertThatThrownBy(() -> asAdmin(() -> users.changeRole(adminId, Roles.EDITOR)))
                .isInstanceOf(UserRuleViolation.class).hasMessageContaining("last enabled administrator");
        assertThatThrownBy(() -> asAdmin(() -> users.setEnabled(adminId, false)))
                .isInstanceOf(UserRuleViolation.class).hasMessageContaining("last enabled administrator");
        assertThat(jdbc.queryForObject("SELECT role FROM app_user WHERE id = ?", String.class, adminId))
                .isEqualTo("ADMIN");
    }

    @Test
    void anAdminCanBeDemotedOnceAnotherAdminExists() {
        PasswordIssued second = asAdmin(() -> users.create(new NewUser(unique("second"), "ADMIN", null)));
        UserSummary demoted = asAdmin(() -> users.changeRole(second.user().id(), Roles.EDITOR));
        assertThat(demoted.role()).isEqualTo(Roles.EDITOR);
        String details = jdbc.queryForObject("SELECT details FROM audit_event WHERE action = 'USER_ROLE_CHANGED'"
                + " AND target_id = ? ORDER BY id DESC LIMIT 1", String.class, Long.toString(second.user().id()));
        assertThat(details).isEqualTo("{\"role\":{\"from\":\"ADMIN\",\"to\":\"EDITOR\"}}");
    }

    @Test
    void twoConcurrentDemotionsNeverLeaveZeroAdmins() throws Exception {
        long adminId = adminId();
        long otherId = asAdmin(() -> users.create(new NewUser(unique("race"), "ADMIN", null))).user().id();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> demotions = new ArrayList<>();
            for (long id : new long[] {adminId, otherId}) {
                demotions.add(() -> {
                    try {
                        asAdmin(() -> users.changeRole(id, Roles.VIEWER));
                        return true;
                    } catch (UserRuleViolation e) {
                        return false;
                    }
                });
            }
            int succeeded = 0;
            for (Future<Boolean> f : pool.invokeAll(demotions)) {
                succeeded += f.get() ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE",
                Long.class)).isEqualTo(1);
    }

    @Test
    void anAdminCannotDisableTheirOwnAccount() {
        PasswordIssued self = asAdmin(() -> users.create(new NewUser(unique("self"), "ADMIN", null)));
        assertThatThrownBy(() -> As.user(self.user().username(), Roles.ADMIN,
                () -> users.setEnabled(self.user().id(), false)))
                .isInstanceOf(UserRuleViolation.class).hasMessageContaining("your own account");
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        PasswordIssued created = asAdmin(() -> users.create(new NewUser(unique("reset"), "VIEWER",
                "the-first-password")));
        PasswordIssued reset = asAdmin(() -> users.resetPassword(created.user().id(), null));
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class,
                created.user().id());
        assertThat(encoder.matches("the-first-password", hash)).isFalse();
        assertThat(encoder.matches(reset.generatedPassword(), hash)).isTrue();
    }

    @Test
    void disabledUsersAreMarkedAndCanBeEnabledAgain() {
        PasswordIssued created = asAdmin(() -> users.create(new NewUser(unique("off"), "EDITOR", null)));
        assertThat(asAdmin(() -> users.setEnabled(created.user().id(), false)).enabled()).isFalse();
        assertThat(asAdmin(() -> users.setEnabled(created.user().id(), true)).enabled()).isTrue();
    }

    private long adminId() {
        return asAdmin(() -> users.list()).stream().filter(u -> "admin".equals(u.username())).findFirst()
                .orElseThrow().id();
    }
}
