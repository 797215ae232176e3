package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.StoredChecks;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The integrations grid's cells, read from their Lit renderers' properties (GridRows): the name and its link to the
 * detail page, the label chips, the Connection, Token expiry and Status badges with their themes and tooltips, and
 * the row actions by role: a viewer has none, an editor tests, edits, enables or disables, an admin also deletes,
 * and an action the menu does not offer the user does nothing. How the browser renders them: GridCellsE2E.
 */
@SpringBootTest
class IntegrationsGridViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;
    @Autowired
    CheckRecordStore checks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private IntegrationsView gridOf(String name) {
        UI.getCurrent().navigate("integrations", QueryParameters.simple(Map.of("q", name)));
        IntegrationsView view = $(IntegrationsView.class).single();
        assertThat(test(view.grid).size()).as("rows for %s", name).isEqualTo(1);
        return view;
    }

    private IntegrationDetail savedWithLabels(String name, LocalDate expiresOn) {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name, "", List.of("prod",
                "team-payments"), "contoso"), IntegrationFixtures.fakeToken(), expiresOn);
    }

    @Test
    @WithMockUser(username = "cells-viewer", roles = "VIEWER")
    void aRowSaysItsNameLinkLabelsConnectionExpiryAndStatusAndAViewerHasNoActions() {
        String name = IntegrationFixtures.uniqueName("cells");
        LocalDate today = LocalDate.now(clock);
        IntegrationDetail d = savedWithLabels(name, today.plusDays(5));
        var setAt = jdbc.queryForObject("SELECT pat_set_at FROM integration WHERE id = ?", OffsetDateTime.class,
                d.id()).toInstant();
        checks.insert(StoredChecks.result(d.id(), clock.instant().minus(Duration.ofMinutes(3)), "CONNECTED",
                "cells-test", setAt));

        IntegrationsView view = gridOf(name);
        assertThat(GridRows.name(view, 0)).isEqualTo(name);
        assertThat(GridRows.href(view, 0)).isEqualTo("integrations/" + d.id());
        assertThat(GridRows.labels(view, 0)).containsExactly("prod", "team-payments");
        GridCells.Connection connection = GridRows.connection(view, 0);
        assertThat(connection.badge()).isEqualTo(new Badge("Connected", "badge success",
                "Connected to contoso", null));
        assertThat(connection.age()).isEqualTo("checked 3 min ago");
        assertThat(connection.title()).isEqualTo("Connected to contoso");
        assertThat(GridRows.expiry(view, 0)).isEqualTo(new Badge("in 5 days", "badge error",
                "Expires on " + today.plusDays(5), null));
        assertThat(GridRows.status(view, 0)).isEqualTo(new Badge("Enabled", "badge success", null, null));
        assertThat(GridRows.actionsColumn(view)).as("a viewer's grid has no actions column").isEqualTo(-1);
        assertThat(view.grid.getColumns()).hasSize(8);
    }

    @Test
    @WithMockUser(username = "cells-viewer", roles = "VIEWER")
    void aDisabledNeverTestedRowAndAnOutdatedResultSayWhatTheyAre() {
        String never = IntegrationFixtures.uniqueName("cells-never");
        IntegrationDetail n = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(never));
        As.user("cells-editor", "EDITOR", () -> integrations.setEnabled(n.id(), n.version(), false));
        IntegrationsView view = gridOf(never);
        assertThat(GridRows.labels(view, 0)).containsExactly("test");
        assertThat(GridRows.connection(view, 0)).isEqualTo(new GridCells.Connection(
                new Badge("Never tested", "badge contrast", null, null), null, null));
        assertThat(GridRows.connectionText(view, 0)).isEqualTo("Never tested");
        assertThat(GridRows.expiry(view, 0)).isEqualTo(new Badge("Not entered", null, null, "muted"));
        assertThat(GridRows.status(view, 0)).isEqualTo(new Badge("Disabled", "badge contrast", null, null));

        String outdated = IntegrationFixtures.uniqueName("cells-outdated");
        IntegrationDetail o = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(outdated));
        var setAt = jdbc.queryForObject("SELECT pat_set_at FROM integration WHERE id = ?", OffsetDateTime.class,
                o.id()).toInstant();
        // a result of the token before the stored one
        checks.insert(StoredChecks.result(o.id(), clock.instant().minus(Duration.ofHours(2)), "azure_devops:"
                + "TOKEN_EXPIRED", "cells-test", setAt.minus(Duration.ofDays(1))));
        GridCells.Connection c = GridRows.connection(gridOf(outdated), 0);
        assertThat(c.badge().text()).isEqualTo("Outdated");
        assertThat(c.badge().theme()).isEqualTo("badge contrast");
        assertThat(c.badge().title()).isEqualTo("The access token has expired");
        assertThat(c.age()).isEqualTo("checked 2 h ago");
        assertThat(c.title()).isEqualTo("Outdated (the organization or token changed since). Last result: The access"
                + " token has expired");
    }

    @Test
    @WithMockUser(username = "cells-editor", roles = "EDITOR")
    void anEditorTestsEditsAndDisablesFromTheRowMenuButCannotDelete() {
        String name = IntegrationFixtures.uniqueName("cells-editor");
        IntegrationDetail d = savedWithLabels(name, LocalDate.now(clock).plusDays(90));
        IntegrationsView view = gridOf(name);
        assertThat(GridRows.actionsLabel(view, 0)).isEqualTo("Actions for " + name);
        assertThat(GridRows.actions(view, 0)).containsExactly("Test connection", "Edit", "Disable");

        GridRows.act(view, 0, "Test connection");
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText()).contains("Testing " + name + "…");

        GridRows.act(view, 0, "Disable");
        assertThat(integrations.get(d.id()).orElseThrow().enabled()).isFalse();
        assertThat(GridRows.status(view, 0).text()).isEqualTo("Disabled");
        assertThat(GridRows.actions(view, 0)).containsExactly("Test connection", "Edit", "Enable");

        GridRows.act(view, 0, "Delete…"); // not offered to an editor: nothing happens
        assertThat($(DeleteIntegrationDialog.class).all()).isEmpty();
        assertThat(integrations.get(d.id())).isPresent();
        GridRows.act(view, 0, "Disable"); // stale (the row is disabled now): nothing happens
        assertThat(integrations.get(d.id()).orElseThrow().enabled()).isFalse();

        GridRows.act(view, 0, "Enable");
        assertThat(integrations.get(d.id()).orElseThrow().enabled()).isTrue();

        GridRows.act(view, 0, "Edit");
        assertThat($(IntegrationDetailView.class).single()).isNotNull();
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("integrations/" + d.id());
    }

    @Test
    @WithMockUser(username = "cells-admin", roles = "ADMIN")
    void anAdminAlsoDeletesAfterTypingTheName() {
        String name = IntegrationFixtures.uniqueName("cells-admin");
        IntegrationDetail d = savedWithLabels(name, LocalDate.now(clock).plusDays(90));
        IntegrationsView view = gridOf(name);
        assertThat(GridRows.actions(view, 0)).containsExactly("Test connection", "Edit", "Disable", "Delete…");

        GridRows.act(view, 0, "Delete…");
        DeleteIntegrationDialog dialog = $(DeleteIntegrationDialog.class).single();
        test(dialog.confirmation).setValue(name);
        test(dialog.delete).click();
        assertThat(integrations.get(d.id())).isEmpty();
        assertThat(view.noMatches.isVisible()).as("the grid refreshed without the row").isTrue();
    }
}
