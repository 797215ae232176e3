package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.ui.RepositoryRows.BranchRow;
import com.infrakitchen.console.integration.ui.RepositoryRows.ProjectRow;
import com.infrakitchen.console.integration.ui.RepositoryRows.RepositoryRow;
import com.infrakitchen.console.integration.ui.RepositoryRows.Row;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.tabs.TabSheet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The Repositories tab of the detail page, browserless, against the shared fakes: nothing is asked at page open, the
 * first page when the tab is selected, Load more follows the continuation token, the search filters what is loaded,
 * an SSH integration shows its test repository's branches, and a failure shows Test Connection's headline.
 */
@SpringBootTest
class RepositoriesViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;

    final FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();

    @AfterEach
    void resetFakes() {
        fake.reset();
        FakeAzureDevOpsInitializer.sharedSsh().reset();
    }

    IntegrationDetail saved(String organization, String token) {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(IntegrationFixtures.uniqueName(
                "repos-view"), organization), token, null);
    }

    RepositoriesPanel openTab(IntegrationDetail d) {
        fake.awaitRequestsRecorded(Duration.ofSeconds(5));
        int before = fake.requestCount();
        IntegrationDetailView view = navigate("integrations/" + d.id(), IntegrationDetailView.class);
        roundTrip();
        fake.awaitRequestsRecorded(Duration.ofSeconds(5));
        assertThat(fake.requestCount()).as("nothing is asked at page open").isEqualTo(before);
        assertThat(view.repositoriesPanel.status.getText()).isEqualTo("Not loaded yet.");
        TabSheet tabs = $(TabSheet.class).single();
        tabs.setSelectedIndex(2);
        assertThat(tabs.getSelectedTab().getLabel()).isEqualTo("Repositories");
        awaitLoaded(view.repositoriesPanel);
        return view.repositoriesPanel;
    }

    static void awaitLoaded(RepositoriesPanel panel) {
        long deadline = System.nanoTime() + PushedResults.DEFAULT_WAIT.toNanos();
        while (panel.status.getText().startsWith("Loading") && System.nanoTime() < deadline) {
            PushedResults.runPushedUpdates(SpringBrowserlessTest::roundTrip);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(panel.status.getText()).doesNotStartWith("Loading");
    }

    static List<Row> rows(RepositoriesPanel panel) {
        return panel.grid.getListDataView().getItems().toList();
    }

    @Test
    @WithMockUser(username = "repo-viewer", roles = "VIEWER")
    void aViewerLoadsBigorgsProjectsPageByPageAndSearchesThem() {
        RepositoriesPanel panel = openTab(As.user("setup", "EDITOR", () -> saved("bigorg", FakeTokens.PAT_FULL)));

        assertThat(rows(panel)).hasSize(50).allMatch(r -> r instanceof ProjectRow);
        assertThat(panel.status.getText()).isEqualTo("50 projects, 0 repositories loaded; Azure DevOps has more");
        assertThat(panel.more.isVisible()).isTrue();
        test(panel.more).click();
        awaitLoaded(panel);
        test(panel.more).click();
        awaitLoaded(panel);

        assertThat(rows(panel)).hasSize(150);
        assertThat(rows(panel).get(149).name()).isEqualTo("Project 150");
        assertThat(panel.status.getText()).isEqualTo("150 projects, 0 repositories loaded");
        assertThat(panel.more.isVisible()).isFalse();
        test(panel.search).setValue("project 14");
        assertThat(rows(panel)).extracting(Row::name).hasSize(10).allMatch(n -> n.startsWith("Project 14"));
        assertThat(panel.status.getText()).isEqualTo("150 projects, 0 repositories loaded; 10 rows match the search");
        assertThat(fake.requests()).filteredOn(c -> c.path().equals("/bigorg/_apis/projects")).hasSize(3);
    }

    @Test
    @WithMockUser(username = "repo-editor", roles = "EDITOR")
    void contosoShowsItsRepositoriesUnderTheirProjectsWithTheirFlags() {
        RepositoriesPanel panel = openTab(saved("contoso", FakeTokens.PAT_FULL));

        assertThat(rows(panel)).extracting(Row::name).containsExactly("Web", "web-app", "empty-repo", "old",
                "Fabrikam Fiber");
        assertThat(panel.status.getText()).isEqualTo("2 projects, 3 repositories loaded");
        RepositoryRow empty = (RepositoryRow) rows(panel).get(2);
        RepositoryRow old = (RepositoryRow) rows(panel).get(3);
        assertThat(empty.repository().empty()).isTrue();
        assertThat(old.repository().disabled()).isTrue();
        assertThat(panel.more.isVisible()).isFalse();
        assertThat(panel.problem.isVisible()).isFalse();

        test(panel.search).setValue("EMPTY");
        assertThat(rows(panel)).extracting(Row::name).containsExactly("Web", "empty-repo");
        test(panel.search).setValue("fabrikam");
        assertThat(rows(panel)).extracting(Row::name).containsExactly("Fabrikam Fiber");
        test(panel.search).setValue("web");
        assertThat(rows(panel)).extracting(Row::name).containsExactly("Web", "web-app", "empty-repo", "old");
    }

    @Test
    @WithMockUser(username = "repo-ssh", roles = "VIEWER")
    void anSshIntegrationShowsTheTestRepositorysBranchesAndSaysListingNeedsAToken() {
        FakeAzureDevOpsInitializer.sharedSsh().registerKey(TestSshKeys.alice().getPublic());
        IntegrationDetail d = As.user("setup", "EDITOR", () -> integrations.create(IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("repos-ssh")), IntegrationFixtures.key(TestSshKeys.pkcs8(
                        TestSshKeys.alice()), null, "Web/web-app")));

        RepositoriesPanel panel = openTab(d);

        assertThat(panel.note.isVisible()).isTrue();
        assertThat(panel.note.getText()).contains("An SSH key cannot list projects or repositories")
                .contains("personal access token");
        assertThat(rows(panel)).extracting(Row::name).containsExactly("develop", "feature/login", "main");
        assertThat(((BranchRow) rows(panel).get(2)).isDefault()).isTrue();
        assertThat(panel.status.getText()).isEqualTo("3 branches and 1 tag in Web/web-app; default main");
    }

    @Test
    @WithMockUser(username = "repo-failed", roles = "VIEWER")
    void aRejectedTokenShowsTheHeadlineAndHintOfTestConnection() {
        RepositoriesPanel panel = openTab(As.user("setup", "EDITOR", () -> saved("contoso",
                FakeTokens.PAT_REVOKED)));

        assertThat(panel.problem.isVisible()).isTrue();
        assertThat(panel.problem.getElement().getAttribute("data-category")).isEqualTo("TOKEN_REJECTED");
        assertThat(panel.problem.getElement().getTextRecursively())
                .contains("Azure DevOps does not accept this token for 'contoso'")
                .contains("Ensure your PAT hasn't expired")
                .doesNotContain(FakeTokens.PAT_REVOKED);
        assertThat(rows(panel)).isEmpty();
        assertThat(panel.status.getText()).isEqualTo("Nothing loaded.");
    }
}
