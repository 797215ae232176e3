package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationSummary;
import com.infrakitchen.console.integration.IntegrationTimes;
import com.vaadin.flow.component.JsonSerializable;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The integrations grid's cells as Lit templates: the browser renders each row from a few properties, so the server
 * keeps no component per row (issue 14, Memory; a component renderer held about 30 state nodes a row). The markup is
 * what the components made: the name a link to the detail page, label chips, the badges with their themes and
 * tooltips (console.css styles them alike).
 */
final class GridCells {

    private GridCells() {
    }

    /** The name, a link to {@code integrations/<id>} that the router follows without reloading the page. */
    static LitRenderer<IntegrationSummary> name() {
        return LitRenderer.<IntegrationSummary>of(
                "<a class=\"integration-link\" href=\"${item.href}\" router-link>${item.name}</a>")
                .withProperty("href", GridCells::href)
                .withProperty("name", IntegrationSummary::name);
    }

    /** The detail page's URL of a row, relative to the application's base as a RouterLink says it. */
    static String href(IntegrationSummary i) {
        return RouteConfiguration.forApplicationScope().getUrl(IntegrationDetailView.class,
                new RouteParameters("id", i.id().toString()));
    }

    static LitRenderer<IntegrationSummary> labels() {
        return LitRenderer.<IntegrationSummary>of("<div class=\"label-chips\">${item.labels.map(label => html`<span"
                + " theme=\"" + IntegrationBadges.LABEL_THEME + "\">${label}</span>`)}</div>")
                .withProperty("labels", IntegrationSummary::labels);
    }

    /** What the Connection cell says: the newest result's badge, how long ago it ran, and its tooltip. */
    record Connection(Badge badge, @Nullable String age, @Nullable String title) implements JsonSerializable {

        @Override
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode().put("age", age).put("title", title);
            json.set("badge", badge.toJson());
            return json;
        }

        @Override
        public JsonSerializable readJson(JsonNode value) {
            throw new UnsupportedOperationException("A cell is sent to the browser, never read from it");
        }
    }

    static Connection connection(IntegrationSummary i, Clock clock) {
        IntegrationSummary.LastCheck last = i.lastCheck();
        if (last == null) {
            return new Connection(IntegrationBadges.neverTested(), null, null);
        }
        String headline = last.headline(LocalDate.now(clock));
        return new Connection(ConnectionBadges.of(last.outcome(), headline, last.outdated()),
                "checked " + IntegrationTimes.ago(last.checkedAt(), clock.instant()), (last.outdated()
                        ? "Outdated (the organization or token changed since). Last result: " : "") + headline);
    }

    static LitRenderer<IntegrationSummary> connection(Clock clock) {
        return LitRenderer.<IntegrationSummary>of("${item.connection.age ? html`<div class=\"connection-cell\""
                + " title=\"${item.connection.title}\">" + badge("item.connection.badge") + "<span"
                + " class=\"connection-age\">${item.connection.age}</span></div>` : html`"
                + badge("item.connection.badge") + "`}")
                .withProperty("connection", i -> connection(i, clock));
    }

    static LitRenderer<IntegrationSummary> expiry(Clock clock) {
        return LitRenderer.<IntegrationSummary>of(badge("item.expiry"))
                .withProperty("expiry", i -> IntegrationBadges.expiryBadge(i, LocalDate.now(clock)));
    }

    static LitRenderer<IntegrationSummary> status() {
        return LitRenderer.<IntegrationSummary>of(badge("item.status"))
                .withProperty("status", i -> IntegrationBadges.statusBadge(i.enabled()));
    }

    /** The markup of the {@link Badge} the template expression {@code badge} names (an absent part: empty). */
    private static String badge(String badge) {
        return "<span theme=\"${" + badge + ".theme ?? ''}\" title=\"${" + badge + ".title ?? ''}\" class=\"${"
                + badge + ".className ?? ''}\">${" + badge + ".text}</span>";
    }
}
