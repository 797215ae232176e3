package com.infrakitchen.console.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** {@code /} sends a signed-in user to the integrations grid. */
@Route(value = "", autoLayout = false)
@PermitAll
class RootView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(FeatureRoutes.INTEGRATIONS);
    }
}
