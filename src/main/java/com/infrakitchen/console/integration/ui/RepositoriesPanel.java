package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.browse.RepositoryListing.BranchList;
import com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure;
import com.infrakitchen.console.integration.browse.RepositoryListing.Project;
import com.infrakitchen.console.integration.browse.RepositoryListing.ProjectPage;
import com.infrakitchen.console.integration.browse.RepositoryListing;
import com.infrakitchen.console.integration.browse.RepositoryService;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The Repositories tab (docs/product.md 7): the projects the stored credential can see and their repositories, a
 * page at a time ({@code Load more} follows Azure DevOps' continuation token), with a search over what is loaded.
 * Nothing is asked until the tab is first opened ({@link #open()}): each load calls Azure DevOps with the stored
 * credential and counts as a test for the per-user limits. A failure shows the headline, hint and details Test
 * Connection gives the same answer. An SSH integration shows its test repository's branches and says that listing
 * needs a token.
 */
class RepositoriesPanel extends VerticalLayout {

    private final transient Clock clock;

    private final transient RepositoryService service;
    private final UUID integrationId;
    final Span status = new Span("Not loaded yet.");
    final TextField search = new TextField();
    final Button more = new Button("Load more");
    final Button reload = new Button("Reload", VaadinIcon.REFRESH.create());
    final Div problem = new Div();
    final Paragraph note = new Paragraph();
    final RepositoryGrid grid = new RepositoryGrid();
    private final List<Project> projects = new ArrayList<>();
    private @Nullable BranchList branches;
    private @Nullable String nextToken;
    private boolean opened;
    private @Nullable CompletableFuture<RepositoryListing> loading;

    RepositoriesPanel(RepositoryService service, UUID integrationId, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.integrationId = integrationId;
        setPadding(false);
        setId("repositories-panel");
        addClassName("repositories-panel");
        status.setId("repositories-status");
        status.addClassName("repositories-status");
        search.setId("repositories-search");
        search.setPlaceholder("Search the loaded projects and repositories");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("25rem");
        search.addValueChangeListener(e -> showRows());
        more.setId("repositories-more");
        more.setVisible(false);
        more.addClickListener(e -> load(nextToken));
        reload.setId("repositories-reload");
        reload.addClickListener(e -> load(null));
        problem.setId("repositories-problem");
        problem.setVisible(false);
        note.setId("repositories-note");
        note.addClassName("repositories-note");
        note.setVisible(false);
        HorizontalLayout toolbar = new HorizontalLayout(search, status, more, reload);
        toolbar.addClassName("repositories-toolbar");
        toolbar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        toolbar.setWidthFull();
        add(toolbar, problem, note, grid);
        setWidthFull();
    }

    /** Loads the first page when {@code tab}, this panel's, is first selected in {@code tabs}; not before. */
    void loadWhenSelected(TabSheet tabs, Tab tab) {
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == tab) {
                open();
            }
        });
    }

    /** The tab was selected: loads the first page the first time, and never again by itself. */
    void open() {
        if (!opened) {
            opened = true;
            load(null);
        }
    }

    /** Loads the page after {@code continuation}, or from the start (forgetting what was loaded) when it is null. */
    void load(@Nullable String continuation) {
        if (loading != null) {
            return;
        }
        opened = true;
        CompletableFuture<RepositoryListing> started;
        try {
            started = service.page(integrationId, continuation);
        } catch (RuntimeException e) {
            status.setText("This integration no longer exists.");
            return;
        }
        loading = started;
        more.setEnabled(false);
        reload.setEnabled(false);
        status.setText("Loading from Azure DevOps…");
        UI ui = UI.getCurrent();
        started.thenAccept(listing -> Push.access(ui, () -> {
            if (loading == started) {
                loading = null;
                show(listing, continuation == null);
            }
        }));
    }

    private void show(RepositoryListing listing, boolean fromStart) {
        more.setEnabled(true);
        reload.setEnabled(true);
        switch (listing) {
            case ProjectPage page -> {
                if (fromStart) {
                    projects.clear();
                    branches = null;
                }
                projects.addAll(page.projects());
                nextToken = page.nextToken();
                showProblem(page.problem());
            }
            case BranchList list -> {
                projects.clear();
                branches = list;
                nextToken = null;
                showProblem(null);
            }
            case ListingFailure failure -> {
                if (fromStart) {
                    // a Reload that fails shows the failure alone, not the rows of an earlier load under it
                    projects.clear();
                    branches = null;
                    nextToken = null;
                }
                showProblem(failure);
            }
        }
        more.setVisible(nextToken != null);
        note.setVisible(branches != null);
        note.setText(branches == null ? "" : branches.note());
        showRows();
    }

    private void showRows() {
        List<RepositoryRows.Row> rows = branches != null ? RepositoryRows.of(branches, search.getValue())
                : RepositoryRows.of(projects, search.getValue());
        grid.setItems(rows);
        status.setText(summary() + (search.getValue().isBlank() || loading != null ? ""
                : "; " + RepositoryRows.count(rows.size(), "row matches", "rows match") + " the search"));
    }

    /** What is loaded: "50 projects, 120 repositories; more in Azure DevOps", or the test repository's branches. */
    String summary() {
        if (loading != null) {
            return "Loading from Azure DevOps…";
        }
        if (branches != null) {
            return RepositoryRows.count(branches.branches().size(), "branch", "branches") + (branches.truncated()
                    ? " (the first ones)" : "") + " and " + RepositoryRows.count(branches.tags(), "tag", "tags")
                    + " in " + branches.repository() + (branches.defaultBranch() == null ? ""
                            : "; default " + RepositoryRows.shortBranch(branches.defaultBranch()));
        }
        if (projects.isEmpty() && problem.isVisible()) {
            return "Nothing loaded.";
        }
        int repositories = projects.stream().mapToInt(p -> p.repositories().size()).sum();
        return RepositoryRows.count(projects.size(), "project", "projects") + ", "
                + RepositoryRows.count(repositories, "repository", "repositories") + " loaded"
                + (nextToken != null ? "; Azure DevOps has more" : "");
    }

    /** The failure as the connection indicator shows one: headline, hint and the details of the exchange. */
    private void showProblem(@Nullable ListingFailure failure) {
        problem.removeAll();
        problem.setVisible(failure != null);
        if (failure == null) {
            return;
        }
        problem.setClassName("connection-indicator repositories-problem state-"
                + failure.category().outcome().name().toLowerCase(Locale.ROOT));
        problem.getElement().setAttribute("data-category", failure.category().name());
        Span headline = new Span(failure.headline(LocalDate.now(clock)));
        headline.setId("repositories-headline");
        headline.addClassName("connection-headline");
        Span hint = new Span(failure.hint(LocalDate.now(clock)));
        hint.addClassName("connection-hint");
        Span summary = new Span(failure.summary());
        summary.addClassName("connection-summary");
        StepStatus stepStatus = failure.category().outcome() == CheckOutcome.WARNING ? StepStatus.WARNING
                : StepStatus.FAILED;
        DiagnosisDetails details = new DiagnosisDetails(new CheckResult(failure.category(), failure.organization(),
                null, null, null, List.of(new CheckStep("Repositories", stepStatus, failure.summary(),
                        failure.durationMillis(), failure.details())), failure.details(), Instant.EPOCH,
                failure.durationMillis(), null));
        details.setId("repositories-details");
        Div text = new Div(headline, summary, hint, details);
        text.addClassName("connection-text");
        problem.add(text);
    }


    @Override
    protected void onDetach(DetachEvent event) {
        CompletableFuture<RepositoryListing> pending = loading;
        if (pending != null) {
            pending.cancel(true);
            loading = null;
        }
        super.onDetach(event);
    }
}
