package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationTimes;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The detail page's heading: the name with its status, what it is and who changed it last, and the lifecycle
 * buttons (Disable or Enable, Delete). The page wires the buttons and decides who sees them.
 */
final class DetailHeader extends HorizontalLayout {

    final H2 title = new H2();
    final Span subtitle = new Span();
    final Div statusBadge = new Div();
    final Button toggle = new Button();
    final Button delete = new Button("Delete");

    DetailHeader() {
        toggle.setId("toggle-enabled");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setId("delete");
        subtitle.addClassName("page-intro");
        HorizontalLayout heading = new HorizontalLayout(title, statusBadge);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout text = new VerticalLayout(heading, subtitle);
        text.setPadding(false);
        text.setSpacing(false);
        add(text, new HorizontalLayout(toggle, delete));
        setWidthFull();
        setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        setAlignItems(FlexComponent.Alignment.CENTER);
    }

    /** Shows {@code detail}; {@code providerName} as the screens name its provider ("Azure DevOps"). */
    void show(IntegrationDetail detail, String providerName) {
        title.setText(detail.data().name());
        subtitle.setText(providerName + " · " + detail.method().label() + " · organization "
                + detail.data().organization() + " · updated " + IntegrationTimes.format(detail.updatedAt()) + " by "
                + detail.updatedBy());
        statusBadge.removeAll();
        statusBadge.add(IntegrationBadges.status(detail.enabled()));
        toggle.setText(detail.enabled() ? "Disable" : "Enable");
    }
}
