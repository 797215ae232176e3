package com.infrakitchen.console.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.UserService;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "auditor", roles = "ADMIN")
class AuditViewTest extends SpringBrowserlessTest {

    @Autowired
    UserService users;

    @Test
    void filteringByActorAndActionShowsOnlyMatchingEventsNewestFirst() {
        String actor = "audit-actor-" + UUID.randomUUID().toString().substring(0, 6);
        As.user(actor, "ADMIN", () -> {
            users.create(new NewUser(actor + "-a", "VIEWER", null));
            users.create(new NewUser(actor + "-b", "VIEWER", null));
        });
        AuditView view = navigate(AuditView.class);
        view.actor.setValue(actor);
        view.action.setValue(AuditAction.USER_CREATED);

        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getRow(0).targetName()).isEqualTo(actor + "-b");
        assertThat(grid.getRow(1).targetName()).isEqualTo(actor + "-a");
        assertThat(view.total.getText()).isEqualTo("2 events");
        assertThat(grid.getCellText(0, 2)).isEqualTo("User created");
    }

    @Test
    void aTimeRangeInThePastHidesTodaysEvents() {
        String actor = "audit-range-" + UUID.randomUUID().toString().substring(0, 6);
        As.user(actor, "ADMIN", () -> users.create(new NewUser(actor + "-x", "EDITOR", null)));
        AuditView view = navigate(AuditView.class);
        view.actor.setValue(actor);
        assertThat(test(view.grid).size()).isEqualTo(1);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        view.from.setValue(today.minusDays(10));
        view.to.setValue(today.minusDays(1));
        assertThat(test(view.grid).size()).isZero();
        view.to.setValue(today);
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    @Test
    void anEndBeforeTheStartIsShownOnTheFieldAndTheListIsKept() {
        AuditView view = navigate(AuditView.class);
        int before = test(view.grid).size();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        view.from.setValue(today);
        view.to.setValue(today.minusDays(3));
        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("Must not be before From");
        assertThat(test(view.grid).size()).isEqualTo(before);
    }
}
