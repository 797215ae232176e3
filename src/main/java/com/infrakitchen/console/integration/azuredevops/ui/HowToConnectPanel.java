package com.infrakitchen.console.integration.azuredevops.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** "How to connect": the steps of InfraKitchen's Azure DevOps guide, beside the form. */
public class HowToConnectPanel extends Details {

    HowToConnectPanel() {
        setSummaryText("How to connect");
        setOpened(true);
        addClassName("how-to-connect");
        OrderedList steps = new OrderedList(
                new ListItem(new Span("Sign in to "), new Code("https://dev.azure.com"),
                        new Span(" (or your organization's link).")),
                new ListItem(new Span("Your organization name is in the address bar: "),
                        new Code("https://dev.azure.com/<organization-name>/"),
                        new Span(". Paste the whole URL into Azure Organization if you like: the name is taken"
                                + " from it.")),
                new ListItem(new Span("Create a token: User settings → Personal access tokens → New Token.")),
                new ListItem(new Span("Name it, for example "), new Code("InfraKitchen Integration Token"),
                        new Span(", and set an expiration of 90 or 180 days.")),
                new ListItem(new Span("Scope: Code (Read, write and manage). Create it and copy it at once:"
                        + " Azure DevOps shows it only once.")),
                new ListItem(new Span("Paste it into Azure Access Token and enter the same expiry date in Token"
                        + " Expires On, so the console can warn you before it runs out.")));
        Paragraph trouble = new Paragraph("If it fails later: ensure your PAT hasn't expired and includes the"
                + " required scopes, and verify that the Organization Name matches exactly as shown in the URL.");
        trouble.addClassName("how-to-hint");
        add(new Div(steps, trouble));
    }
}
