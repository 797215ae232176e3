package com.infrakitchen.console.health.ui;

import com.infrakitchen.console.base.ui.MainLayout;
import com.infrakitchen.console.health.Attention;
import com.infrakitchen.console.health.HealthCounts;
import com.infrakitchen.console.health.HealthItem;
import com.infrakitchen.console.health.HealthReport;
import com.infrakitchen.console.health.HealthService;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.security.Roles;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code /health} (docs/product.md 8): counts of failing, warning, expiring, never tested and stale integrations,
 * then one stacked row per enabled integration that needs attention, worst first, each a link to its detail page;
 * when nothing does, a state that says all is well and when the newest test ran. Rows stack (no wide grid), so
 * name and status fit a phone's 390 px. Times are relative to the application {@link Clock}.
 */
@Route("health")
@Menu(title = "Health", order = 15, icon = "vaadin:heart")
@PageTitle("Health" + MainLayout.TITLE_SUFFIX)
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
class HealthView extends VerticalLayout {

    final Div counts = new Div();
    final Div rows = new Div();
    final List<Anchor> links = new ArrayList<>();
    @Nullable Div emptyState;
    final Paragraph schedule;

    HealthView(HealthService health, Clock clock) {
        addClassName("page");
        addClassName("health-page");
        H2 title = new H2("Health");
        title.addClassName("view-title");
        HealthReport report = health.report();
        Instant now = clock.instant();
        Paragraph intro = new Paragraph("Enabled integrations that need attention, worst first, from their newest"
                + " stored tests.");
        intro.addClassName("page-intro");
        schedule = new Paragraph(schedule(report.schedule(), now));
        schedule.setId("health-schedule");
        schedule.addClassName("page-intro");
        add(title, intro, schedule);

        LocalDate today = LocalDate.now(clock);

        counts.addClassName("health-counts");
        HealthCounts c = report.counts();
        counts.add(count("failing", c.failing(), "Failing", "error"),
                count("warning", c.warning(), "Warning", "warning"),
                count("expiring", c.expiring(), "Expiring", "warning"),
                count("never-tested", c.neverTested(), "Never tested", "contrast"),
                count("stale", c.stale(), "Not checked recently", "contrast"));
        add(counts);

        if (report.allWell()) {
            emptyState = emptyState(report, now);
            add(emptyState);
            return;
        }
        rows.addClassName("health-rows");
        // A bounded page (HealthService.MAX_ROWS): the worst first, then the grid's filters for the rest (a phone
        // cannot hold thousands).
        for (HealthItem item : report.items()) {
            Anchor row = row(item, now, today);
            links.add(row);
            rows.add(row);
        }
        add(rows);
        long more = report.total() - report.items().size();
        if (more > 0) {
            Paragraph rest = new Paragraph("and " + more + " more: the Integrations page filters by connection"
                    + " status and by Expiring soon.");
            rest.setId("health-more");
            add(rest);
        }
    }

    /** How the scheduler keeps these results fresh, and when its newest re-check finished. */
    static String schedule(HealthReport.Schedule schedule, Instant now) {
        if (!schedule.on()) {
            return "Scheduled re-checks are off on this instance (app.health.scheduled-checks=false): the results"
                    + " are those of the tests people ran.";
        }
        String every = "Every enabled integration is re-tested every " + IntegrationTimes.span(schedule.interval())
                + ", each at its own time within that interval.";
        if (schedule.lastFinished() == null) {
            return every + " No scheduled re-check has finished yet.";
        }
        return every + " The newest scheduled re-check finished " + IntegrationTimes.format(schedule.lastFinished())
                + " (" + IntegrationTimes.ago(schedule.lastFinished(), now) + ").";
    }

    private static Div count(String id, long n, String label, String tone) {
        Span number = new Span(Long.toString(n));
        number.addClassName("health-count-number");
        Span text = new Span(label);
        text.addClassName("health-count-label");
        Div box = new Div(number, text);
        box.addClassName("health-count");
        box.setId("health-count-" + id);
        if (n > 0) {
            box.getElement().setAttribute("data-tone", tone);
        }
        return box;
    }

    private static Div emptyState(HealthReport report, Instant now) {
        Div state = new Div();
        state.addClassName("empty-state");
        state.add(VaadinIcon.CHECK_CIRCLE.create(), new H2("All is well"));
        String detail;
        if (!report.anyEnabled()) {
            detail = "No integration is enabled, so nothing needs attention.";
        } else if (report.newestCheck() != null) {
            detail = "No enabled integration needs attention. The newest test ran "
                    + IntegrationTimes.format(report.newestCheck()) + " ("
                    + IntegrationTimes.ago(report.newestCheck(), now) + ").";
        } else {
            detail = "No enabled integration needs attention.";
        }
        Paragraph p = new Paragraph(detail);
        p.addClassName("health-newest");
        state.add(p);
        return state;
    }

    private static Anchor row(HealthItem item, Instant now, LocalDate today) {
        Span name = new Span(item.name());
        name.addClassName("health-name");
        Div top = new Div(name, badge(item));
        top.addClassName("health-row-top");

        Div row = new Div(top);
        Span headline = new Span(item.headline() != null ? item.headline() : "No stored test yet");
        headline.addClassName("health-headline");
        row.add(headline);
        Span when = new Span(when(item, now, today));
        when.addClassName("health-when");
        row.add(when);
        for (String note : notes(item, now, today)) {
            Span extra = new Span(note);
            extra.addClassName("health-note");
            row.add(extra);
        }
        Anchor link = new Anchor("integrations/" + item.id() + "?tab=connection", row);
        link.addClassName("health-row");
        return link;
    }

    private static Span badge(HealthItem item) {
        Attention attention = item.attention();
        // "Token expiring" or "SSH key expiring": what the user has to replace
        Span badge = new Span(attention == Attention.EXPIRING ? item.expiringCredential() + " expiring"
                : attention.label());
        badge.getElement().getThemeList().add(switch (attention) {
            case FAILING -> "badge error";
            case WARNING, EXPIRING -> "badge warning";
            case NEVER_TESTED, STALE -> "badge contrast";
        });
        badge.addClassName("health-badge");
        return badge;
    }

    /** Since when, and how long ago, for the row's own reason. */
    static String when(HealthItem item, Instant now, LocalDate today) {
        return switch (item.attention()) {
            case FAILING -> item.failingSince() == null ? checked(item, now)
                    : "Failing since " + IntegrationTimes.format(item.failingSince()) + " ("
                            + IntegrationTimes.ago(item.failingSince(), now) + ")";
            case WARNING, STALE -> checked(item, now);
            case EXPIRING -> expiry(item, today);
            case NEVER_TESTED -> "Never tested; added " + IntegrationTimes.ago(item.createdAt(), now);
        };
    }

    /** The other reasons of an integration, below its own. */
    private static List<String> notes(HealthItem item, Instant now, LocalDate today) {
        List<String> notes = new ArrayList<>();
        if (item.attention() == Attention.FAILING && item.failingSince() != null && item.lastChecked() != null
                && !item.lastChecked().equals(item.failingSince())) {
            notes.add(checked(item, now));
        }
        if (item.expiring() && item.attention() != Attention.EXPIRING) {
            notes.add(expiry(item, today));
        }
        if (item.stale() && item.attention() != Attention.STALE) {
            notes.add("Not checked recently");
        }
        return notes;
    }

    private static String checked(HealthItem item, Instant now) {
        Instant at = item.lastChecked();
        return at == null ? "Never tested"
                : "Last checked " + IntegrationTimes.format(at) + " (" + IntegrationTimes.ago(at, now) + ")";
    }

    /** "Token expires in 5 days (2030-03-06)", "SSH key expires today (…)", "Token expired 3 days ago (…)". */
    static String expiry(HealthItem item, LocalDate today) {
        LocalDate on = item.expiresOn();
        if (on == null) {
            return "";
        }
        String countdown = CredentialExpiry.countdown(on, today);
        return item.expiringCredential() + (CredentialExpiry.level(on, today) == CredentialExpiry.Level.EXPIRED
                ? " " : " expires ") + countdown + " (" + on + ")";
    }
}
