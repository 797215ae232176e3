package com.infrakitchen.console.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.audit.AuditQuery;
import com.infrakitchen.console.audit.AuditService;
import com.infrakitchen.console.support.As;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** A VIEWER and an EDITOR are denied every admin operation by method security, and each denial is audited. */
@SpringBootTest
class AdminOperationsAuthorizationIT {

    @Autowired
    UserService users;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"VIEWER", "EDITOR"})
    void everyAdminOperationIsDeniedAndAudited(String role) {
        String actor = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
        long someone = 1L;
        Map<String, Runnable> operations = new LinkedHashMap<>();
        operations.put("UserService.list", users::list);
        operations.put("UserService.usernameTaken", () -> users.usernameTaken("x"));
        operations.put("UserService.create", () -> users.create(new NewUser("intruder", "ADMIN", null)));
        operations.put("UserService.changeRole", () -> users.changeRole(someone, "ADMIN"));
        operations.put("UserService.setEnabled", () -> users.setEnabled(someone, false));
        operations.put("UserService.resetPassword", () -> users.resetPassword(someone, null));
        operations.put("UserService.lockedUsernames", users::lockedUsernames);
        operations.put("UserService.unlock", () -> users.unlock(someone));
        operations.put("AuditService.find", () -> audit.find(AuditQuery.ALL, 0, 10));
        operations.put("AuditService.count", () -> audit.count(AuditQuery.ALL));
        operations.put("AuditService.actors", audit::actors);

        operations.forEach((name, op) -> assertThatThrownBy(() -> As.user(actor, role, op))
                .as(name).isInstanceOf(AccessDeniedException.class));

        assertThat(jdbc.queryForList("SELECT target_name FROM audit_event WHERE action = 'ACCESS_DENIED'"
                + " AND actor = ? AND outcome = 'DENIED'", String.class, actor))
                .containsExactlyInAnyOrderElementsOf(operations.keySet());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'intruder'", Long.class))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VIEWER", "EDITOR", "ADMIN"})
    void everyRoleMayKeepItsOwnThemePreference(String role) {
        assertThat(As.user("nobody-" + role, role, users::currentTheme)).isEqualTo("light");
    }
}
