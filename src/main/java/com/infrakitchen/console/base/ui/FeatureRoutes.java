package com.infrakitchen.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;

/**
 * The feature routes {@code base.ui} leads to, by path. {@code base} imports no feature (the features
 * depend on it), so it names the path as a literal, not a feature's class or constant; an unknown path
 * fails here rather than as a dead link. {@code MainLayoutViewTest} and {@code UnavailablePageViewTest} check
 * that each path still opens its view.
 */
final class FeatureRoutes {

    /** The integrations grid: where {@code /} and "Back to integrations" lead. */
    static final String INTEGRATIONS = "integrations";

    private FeatureRoutes() {
    }

    /** The view registered for {@code path}, for components that want a class (a {@code RouterLink}). */
    static Class<? extends Component> target(String path) {
        return RouteConfiguration.forApplicationScope().getRoute(path)
                .orElseThrow(() -> new IllegalStateException("No view is registered for the route '" + path + "'"));
    }
}
