package com.infrakitchen.console.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;

/** The body of the "not found / no access" page. */
abstract class UnavailablePage extends VerticalLayout {

    static final String TITLE = "Page not available";
    static final String MESSAGE = "This page does not exist, or your role does not give you access to it.";

    private final Paragraph path = new Paragraph();

    UnavailablePage() {
        addClassName("unavailable-page");
        setPadding(true);
        path.addClassName("unavailable-path");
        add(new H2(TITLE), new Paragraph(MESSAGE), path,
                new RouterLink("Back to integrations", FeatureRoutes.target(FeatureRoutes.INTEGRATIONS)));
    }

    void show(String requestedPath) {
        path.setText("Requested: " + requestedPath);
    }
}
