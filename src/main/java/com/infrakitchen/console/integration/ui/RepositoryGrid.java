package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.browse.RepositoryListing.Project;
import com.infrakitchen.console.integration.browse.RepositoryListing.RepositoryInfo;
import com.infrakitchen.console.integration.ui.RepositoryRows.BranchRow;
import com.infrakitchen.console.integration.ui.RepositoryRows.ProjectRow;
import com.infrakitchen.console.integration.ui.RepositoryRows.RepositoryRow;
import com.infrakitchen.console.integration.ui.RepositoryRows.Row;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The grid of the Repositories tab: a row per project (its repository count, its visibility) followed by a row per
 * repository (default branch, size, the Empty, Disabled and In maintenance flags, a link to its page and copy buttons
 * for both clone URLs); or a row per branch of an SSH integration's test repository. All text, nothing as HTML.
 */
class RepositoryGrid extends Grid<Row> {

    RepositoryGrid() {
        setId("repositories-grid");
        addClassName("repositories-grid");
        addColumn(RepositoryGrid::title).setHeader("Project / repository").setFlexGrow(2).setResizable(true)
                .setTooltipGenerator(RepositoryGrid::title);
        addColumn(RepositoryGrid::branch).setHeader("Default branch").setFlexGrow(1).setResizable(true);
        addColumn(RepositoryGrid::size).setHeader("Size").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(RepositoryGrid::flags).setHeader("Flags").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(RepositoryGrid::links).setHeader("Open and clone").setAutoWidth(true).setFlexGrow(0);
        setPartNameGenerator(row -> switch (row) {
            case ProjectRow p -> "project-row";
            case RepositoryRow r -> "repository-row";
            case BranchRow b -> "branch-row";
        });
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setHeight("60vh");
    }

    /** A project with how many repositories it holds; a repository or branch by its name. */
    private static String title(Row row) {
        return row instanceof ProjectRow(Project p) ? p.name() + " · " + (p.listed() ? RepositoryRows.count(
                p.repositories().size(), "repository", "repositories") : "repositories not listed") : row.name();
    }

    private static String branch(Row row) {
        return switch (row) {
            case ProjectRow p -> "";
            case RepositoryRow r -> r.repository().empty() ? "(none: empty)"
                    : RepositoryRows.shortBranch(r.repository().defaultBranch());
            case BranchRow b -> b.isDefault() ? "default (HEAD)" : "";
        };
    }

    private static String size(Row row) {
        return row instanceof RepositoryRow r ? RepositoryRows.size(r.repository().sizeBytes()) : "";
    }

    private static Component flags(Row row) {
        Div flags = new Div();
        flags.addClassName("repository-flags");
        switch (row) {
            case ProjectRow p -> {
                Project project = p.project();
                if (project.visibility() != null) {
                    flags.add(badge(project.visibility().substring(0, 1).toUpperCase(Locale.ROOT)
                            + project.visibility().substring(1), "badge contrast"));
                }
            }
            case RepositoryRow r -> {
                RepositoryInfo repository = r.repository();
                if (repository.empty()) {
                    flags.add(badge("Empty", "badge"));
                }
                if (repository.disabled()) {
                    flags.add(badge("Disabled", "badge error"));
                }
                if (repository.inMaintenance()) {
                    flags.add(badge("In maintenance", "badge warning"));
                }
            }
            case BranchRow b -> {
                if (b.isDefault()) {
                    flags.add(badge("Default", "badge success"));
                }
            }
        }
        return flags;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme + " small");
        return badge;
    }

    private static Component links(Row row) {
        Div links = new Div();
        links.addClassName("repository-links");
        if (row instanceof RepositoryRow(RepositoryInfo r)) {
            if (r.webUrl() != null) {
                Anchor open = new Anchor(r.webUrl(), "Open");
                open.setTarget(AnchorTarget.BLANK);
                open.getElement().setAttribute("rel", "noopener noreferrer");
                open.getElement().setAttribute("title", r.webUrl());
                links.add(open);
            }
            links.add(copy("HTTPS", r.httpsUrl(), "HTTPS clone URL of " + r.name()),
                    copy("SSH", r.sshUrl(), "SSH clone URL of " + r.name()));
        }
        return links;
    }

    /** A button that puts {@code url} on the clipboard (the browser's; nothing leaves the page). */
    static Button copy(String label, @Nullable String url, String what) {
        Button copy = new Button(label);
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        copy.addClassName("copy-" + label.toLowerCase(Locale.ROOT));
        copy.setEnabled(url != null);
        copy.setTooltipText(url == null ? "Azure DevOps sent no " + what : "Copy " + url);
        copy.getElement().setAttribute("aria-label", "Copy the " + what);
        copy.addClickListener(e -> copy.getUI().ifPresent(ui -> {
            ui.getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url);
            Notification.show("Copied the " + what, 3000, Notification.Position.BOTTOM_END);
        }));
        return copy;
    }
}
