package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.security.Roles;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * {@code /integrations}: the grid of saved integrations (product.md section 6). Until the integrations
 * feature lands, it shows the empty state only.
 */
@Route("integrations")
@PageTitle("Integrations · InfraKitchen")
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
public class IntegrationsView extends VerticalLayout {

    public IntegrationsView() {
        addClassName("page");
        Div empty = new Div(VaadinIcon.CONNECT_O.create(), new H2("No integrations yet"),
                new Paragraph("Azure DevOps integrations you set up will be listed here with their connection"
                        + " health. Setting them up is not available in this version yet."));
        empty.addClassName("empty-state");
        add(empty);
    }
}
