package com.infrakitchen.console.base.ui;

import com.vaadin.flow.component.Component;

/**
 * The feature views the {@code base.ui} tests visit. They are package-private in their features (only
 * their own package and Vaadin's router see them), so these tests name them the way {@code MainLayout}
 * cannot: by class name. A rename fails here, at class loading.
 */
final class FeatureViews {

    static final Class<? extends Component> INTEGRATIONS = named("com.infrakitchen.console.integration.ui.IntegrationsView");
    static final Class<? extends Component> AUDIT = named("com.infrakitchen.console.audit.ui.AuditView");
    static final Class<? extends Component> USERS = named("com.infrakitchen.console.user.ui.UsersView");

    private FeatureViews() {
    }

    private static Class<? extends Component> named(String className) {
        try {
            return Class.forName(className).asSubclass(Component.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The view " + className + " has moved; update FeatureViews", e);
        }
    }
}
