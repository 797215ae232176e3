package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.base.ui.AccessDeniedView;
import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
class IntegrationViewsTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String token(String prefix) {
        return (prefix + "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefgh").substring(0, 52);
    }

    private IntegrationDetail existing(String name, String token) {
        return As.user("setup", "EDITOR", () -> integrations.create(new IntegrationData(name, "existing",
                List.of("views"), "contoso"), IntegrationFixtures.pat(token)));
    }

    private IntegrationDetailView openDetail(IntegrationDetail d) {
        IntegrationDetailView view = navigate("integrations/" + d.id(), IntegrationDetailView.class);
        roundTrip(); // the tab sheet attaches the selected tab's content before the response
        return view;
    }

    @Test
    @WithMockUser(username = "eddie", roles = "EDITOR")
    void theSetupFormShowsEveryRuleOnItsFieldAndSavesNothingUntilValid() {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        long before = integrations.count(null);
        test(view.form.name).setValue("x");
        test(view.form.organization).setValue("my_org");
        test(view.form.token.input).setValue("short token");
        test(view.save).click();

        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage()).contains("2 to 64 characters");
        assertThat(view.form.organization.isInvalid()).isTrue();
        assertThat(view.form.organization.getErrorMessage()).contains("1 to 50 letters, digits or hyphens");
        assertThat(view.form.token.input.isInvalid()).isTrue();
        assertThat(view.form.token.input.getErrorMessage()).contains("must not contain spaces")
                .doesNotContain("short token");
        assertThat(integrations.count(null)).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "eddie", roles = "EDITOR")
    void pastingAnOrganizationUrlFillsInTheName() {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        for (Map.Entry<String, String> e : Map.of("https://dev.azure.com/contoso/Project/_git/repo", "contoso",
                "https://fabrikam.visualstudio.com/", "fabrikam", "git@ssh.dev.azure.com:v3/tailspin/proj/repo",
                "tailspin", "  plain-name ", "plain-name").entrySet()) {
            test(view.form.organization).setValue(e.getKey());
            assertThat(view.form.organization.getValue()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    @WithMockUser(username = "eddie", roles = "EDITOR")
    void aNameInUseIsReportedWhileTypingAndAnUnusualTokenLengthIsAWarningNotAnError() {
        String taken = unique("taken");
        existing(taken, token("T"));
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        test(view.form.name).setValue(taken.toUpperCase());
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage()).contains("already in use");

        test(view.form.token.input).setValue("abcdefghijklmnopqrstuvwxyz0123456789");
        assertThat(view.form.token.input.isInvalid()).isFalse();
        assertThat(view.form.token.input.getHelperText()).contains("Unusual length (36 characters");
    }

    @Test
    @WithMockUser(username = "eddie", roles = "EDITOR")
    void savingAValidFormCreatesTheIntegrationAndOpensItsDetail() {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        String name = unique("saved");
        test(view.form.name).setValue(name);
        test(view.form.organization).setValue("https://dev.azure.com/contoso/");
        view.form.labels.add("Prod");
        test(view.form.token.input).setValue(token("S") + "\n");
        test(view.save).click();
        IntegrationDetailView detail = $(IntegrationDetailView.class).single();
        assertThat(detail.title.getText()).isEqualTo(name);
        assertThat(detail.form.labels.labels()).containsExactly("prod");
        assertThat(detail.form.token.configured.getText()).startsWith("Configured on ");
    }

    @Test
    @WithMockUser(username = "eddie", roles = "EDITOR")
    void s01TheStoredTokenIsInNoComponentOfTheDetailPage() {
        String canary = token("CANARY");
        IntegrationDetail d = existing(unique("canary"), canary);
        IntegrationDetailView view = openDetail(d);
        test(view.form.token.replace).click();
        assertThat(view.form.token.input.isVisible()).isTrue();
        assertThat(view.form.token.input.getValue()).isEmpty();
        List<String> everything = new ArrayList<>();
        collect(view.getUI().orElseThrow().getElement(), everything);
        assertThat(everything).isNotEmpty().noneMatch(s -> s.contains("CANARY"));
        assertThat(everything).anyMatch(s -> s.contains(d.data().name()));
    }

    @Test
    @WithMockUser(username = "vic", roles = "VIEWER")
    void a02AViewerCannotOpenTheSetupForm() {
        navigate("integrations/azure_devops/setup", AccessDeniedView.class);
        assertThat($(IntegrationSetupView.class).all()).isEmpty();
    }

    @Test
    @WithMockUser(username = "vic", roles = "VIEWER")
    void a03AViewerSeesTheDetailReadOnlyAndForcingSaveIsStillDenied() {
        IntegrationDetail d = existing(unique("ro"), token("R"));
        IntegrationDetailView view = openDetail(d);
        assertThat(view.save.isVisible()).isFalse();
        assertThat(view.toggle.isVisible()).isFalse();
        assertThat(view.delete.isVisible()).isFalse();
        assertThat(view.form.name.isReadOnly()).isTrue();
        assertThat(view.form.token.replace.isVisible()).isFalse();

        view.form.description.setReadOnly(false);
        view.form.description.setValue("viewer was here");
        assertThatThrownBy(view::save).isInstanceOf(AccessDeniedException.class);
        assertThat(As.user("vic", "VIEWER", () -> integrations.get(d.id())).orElseThrow().data().description())
                .isEqualTo("existing");
    }

    @Test
    @WithMockUser(username = "bob", roles = "EDITOR")
    void c01InTheUiAStaleSaveShowsWhoChangedItAndKeepsTheUsersInput() {
        IntegrationDetail d = existing(unique("stale"), token("C"));
        IntegrationDetailView view = openDetail(d);
        As.user("alice", "EDITOR", () -> integrations.update(d.id(), d.version(), new IntegrationData(
                d.data().name(), "alice was first", d.data().labels(), "contoso"), IntegrationFixtures.keepToken()));
        test(view.form.description).setValue("bob's change");
        test(view.save).click();
        assertThat(view.conflict.isVisible()).isTrue();
        assertThat(view.conflict.getElement().getTextRecursively()).contains("changed by alice at");
        assertThat(view.form.description.getValue()).isEqualTo("bob's change");
    }

    @Test
    @WithMockUser(username = "vic", roles = "VIEWER")
    void theGridReadsItsFiltersFromTheUrlAndShowsWhenNothingMatches() {
        String label = "only-" + UUID.randomUUID().toString().substring(0, 6);
        As.user("setup", "EDITOR", () -> integrations.create(new IntegrationData(unique("url"), "", List.of(label),
                "contoso"), IntegrationFixtures.pat(token("U"))));
        IntegrationsView view = openGrid(Map.of("label", label));
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(view.labelFilter.getValue()).containsExactly(label);
        assertThat(view.total.getText()).isEqualTo("1 integration");

        view = openGrid(Map.of("q", "no-such-integration-anywhere"));
        assertThat(view.noMatches.isVisible()).isTrue();
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.emptyState.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "vic", roles = "VIEWER")
    void theConnectionFilterComesFromTheUrlAndFiltersByTheNewestCheck() {
        String label = "conn-" + UUID.randomUUID().toString().substring(0, 6);
        As.user("setup", "EDITOR", () -> integrations.create(new IntegrationData(unique("conn"), "", List.of(label),
                "contoso"), IntegrationFixtures.pat(token("C"))));
        IntegrationsView view = openGrid(Map.of("label", label, "connection", "never-tested"));
        assertThat(view.connectionFilter.getValue()).isEqualTo("never-tested");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(view.total.getText()).isEqualTo("1 integration");

        view = openGrid(Map.of("label", label, "connection", "failed"));
        assertThat(view.connectionFilter.getValue()).isEqualTo("failed");
        assertThat(view.noMatches.isVisible()).isTrue();

        view.connectionFilter.setValue(""); // "Any connection"
        assertThat(test(view.grid).size()).isEqualTo(1);

        view = openGrid(Map.of("label", label, "connection", "no-such-status"));
        assertThat(view.connectionFilter.getValue()).isEmpty();
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    private IntegrationsView openGrid(Map<String, String> query) {
        com.vaadin.flow.component.UI.getCurrent().navigate("integrations",
                com.vaadin.flow.router.QueryParameters.simple(query));
        return $(IntegrationsView.class).single();
    }

    /** Every value, property, attribute and text under an element: what could reach the browser. */
    private static void collect(Element element, List<String> out) {
        element.getComponent().filter(c -> c instanceof HasValue<?, ?>)
                .map(c -> String.valueOf(((HasValue<?, ?>) c).getValue())).ifPresent(out::add);
        element.getPropertyNames().forEach(p -> out.add(String.valueOf(element.getProperty(p))));
        element.getAttributeNames().forEach(a -> out.add(String.valueOf(element.getAttribute(a))));
        if (element.isTextNode()) {
            out.add(element.getText());
        }
        element.getChildren().forEach(c -> collect(c, out));
        element.getComponent().ifPresent(c -> {
            if (c instanceof Component comp) {
                comp.getChildren().map(Component::getElement).filter(e -> e.getParent() != element)
                        .forEach(e -> collect(e, out));
            }
        });
    }
}
