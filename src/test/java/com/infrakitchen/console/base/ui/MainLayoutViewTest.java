package com.infrakitchen.console.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
class MainLayoutViewTest extends SpringBrowserlessTest {

    private List<String> navEntries() {
        return $(SideNav.class).single().getItems().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    @WithMockUser(username = "vic", roles = "VIEWER")
    void aViewerSeesIntegrationsAndHealth() {
        navigate(FeatureViews.INTEGRATIONS);
        assertThat(navEntries()).containsExactly("Integrations", "Health");
    }

    @Test
    @WithMockUser(username = "eddie", roles = "EDITOR")
    void anEditorSeesIntegrationsAndHealth() {
        navigate(FeatureViews.INTEGRATIONS);
        assertThat(navEntries()).containsExactly("Integrations", "Health");
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void anAdminSeesIntegrationsAuditAndUsers() {
        navigate(FeatureViews.INTEGRATIONS);
        assertThat(navEntries()).containsExactly("Integrations", "Health", "Audit", "Users", "Encryption keys");
    }

    @Test
    @WithMockUser(username = "vic", roles = "VIEWER")
    void theRootOpensTheIntegrationsGrid() {
        navigate("", FeatureViews.INTEGRATIONS);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("integrations");
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void eachEntryLinksToItsRouteWithItsIcon() {
        navigate(FeatureViews.INTEGRATIONS);
        assertThat($(SideNav.class).single().getItems()).extracting(SideNavItem::getLabel, SideNavItem::getPath,
                item -> ((Icon) item.getPrefixComponent()).getIcon()).containsExactly(
                        tuple("Integrations", "integrations", "vaadin:connect"),
                        tuple("Health", "health", "vaadin:heart"),
                        tuple("Audit", "audit", "vaadin:list-ul"),
                        tuple("Users", "users", "vaadin:users"),
                        tuple("Encryption keys", "keys", "vaadin:key"));
    }

    @Test
    @WithMockUser(username = "vic", roles = "VIEWER")
    void aViewerWhoOpensTheUsersRouteGetsTheNotAvailablePageAndNoUsersView() {
        navigate(FeatureViews.INTEGRATIONS);
        navigate("users", AccessDeniedView.class);
        assertThat($(FeatureViews.USERS).all()).isEmpty();
        assertThat($(AccessDeniedView.class).all()).hasSize(1);
    }

    @Test
    @WithMockUser(username = "vic", roles = "VIEWER")
    void aViewerWhoOpensTheAuditRouteGetsTheNotAvailablePage() {
        navigate(FeatureViews.INTEGRATIONS);
        navigate("audit", AccessDeniedView.class);
        assertThat($(FeatureViews.AUDIT).all()).isEmpty();
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void theNavbarShowsTheTitleOfTheCurrentView() {
        navigate(FeatureViews.USERS);
        assertThat($(H1.class).single().getText()).isEqualTo("Users");
    }

    @Autowired
    UserService users;
    @Autowired
    AuthenticationContext authenticationContext;

    @Test
    @WithMockUser(username = "remembers-theme", roles = "EDITOR")
    void theChosenThemeIsRememberedForTheNextVisit() {
        As.user("setup-admin", "ADMIN", () -> {
            if (!users.usernameTaken("remembers-theme")) {
                users.create(new NewUser("remembers-theme", "EDITOR", null));
            }
        });
        users.rememberTheme(UserService.THEME_LIGHT);
        navigate(FeatureViews.INTEGRATIONS);
        test($(Button.class).id("theme-toggle")).click();

        assertThat(users.currentTheme()).isEqualTo(UserService.THEME_DARK);

        // a later visit: a new layout reads the remembered theme when it is attached
        UI.getCurrent().getPage().setColorScheme(ColorScheme.Value.LIGHT);
        MainLayout nextVisit = new MainLayout(authenticationContext, users, List.of());
        UI.getCurrent().add(nextVisit);
        assertThat(nextVisit.isDark()).isTrue();
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);
    }

    @Test
    @WithMockUser(username = "theme-tester", roles = "VIEWER")
    void theThemeSwitchTogglesDarkAndIsLabelledWithTheOtherTheme() {
        navigate(FeatureViews.INTEGRATIONS);
        MainLayout layout = $(MainLayout.class).single();
        Button toggle = $(Button.class).id("theme-toggle");
        assertThat(layout.isDark()).isFalse();
        assertThat(toggle.getText()).isEqualTo("Dark theme");
        test(toggle).click();
        assertThat(layout.isDark()).isTrue();
        assertThat(toggle.getText()).isEqualTo("Light theme");
        assertThat(layout.getUI().orElseThrow().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);
    }
}
