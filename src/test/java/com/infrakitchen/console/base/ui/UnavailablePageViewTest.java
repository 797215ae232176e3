package com.infrakitchen.console.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.audit.internal.DeniedAccessLimiter;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** The "Page not available" view for unknown routes and denied ones, and one audit event per repeated denial. */
@SpringBootTest
class UnavailablePageViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeniedAccessLimiter deniedLimiter;

    @BeforeEach
    void freshLimits() {
        deniedLimiter.reset();
    }

    @Test
    @WithMockUser(username = "unknown-url-viewer", roles = "VIEWER")
    void anUnknownRouteShowsPageNotAvailableAndIsNotAudited() {
        navigate(FeatureViews.INTEGRATIONS);
        navigate("no-such-page", NotFoundView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Page not available");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("Requested: /no-such-page");
        assertThat(denied("unknown-url-viewer")).isZero();
    }

    @Test
    @WithMockUser(username = "back-link-viewer", roles = "VIEWER")
    void theBackLinkLeadsToTheIntegrationsGrid() {
        navigate(FeatureViews.INTEGRATIONS);
        navigate("no-such-page", NotFoundView.class);
        RouterLink back = $(RouterLink.class).withText("Back to integrations").single();
        assertThat(back.getHref()).isEqualTo("integrations");
    }

    @Test
    @WithMockUser(username = "repeating-viewer", roles = "VIEWER")
    void aHundredDeniedNavigationsShowThePageEachTimeAndAddOneAuditEvent() {
        navigate(FeatureViews.INTEGRATIONS);
        for (int i = 0; i < 100; i++) {
            navigate("users", AccessDeniedView.class);
            assertThat($(FeatureViews.USERS).all()).isEmpty();
            assertThat($(H2.class).single().getText()).isEqualTo("Page not available");
        }
        assertThat(denied("repeating-viewer")).isEqualTo(1);
    }

    private long denied(String actor) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ?",
                Long.class, actor);
    }
}
