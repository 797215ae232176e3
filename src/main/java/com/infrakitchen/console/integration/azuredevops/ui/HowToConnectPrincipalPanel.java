package com.infrakitchen.console.integration.azuredevops.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * "How to connect" with a Microsoft Entra service principal: the Azure side step by step (app registration, its
 * secret or certificate, adding it to the organization and the projects), beside the form.
 */
public class HowToConnectPrincipalPanel extends Details {

    HowToConnectPrincipalPanel() {
        setSummaryText("How to connect with a service principal");
        setOpened(true);
        addClassName("how-to-connect");
        OrderedList steps = new OrderedList(
                new ListItem(new Span("Azure portal → Microsoft Entra ID → App registrations → New registration."
                        + " Name it, for example "), new Code("InfraKitchen"),
                        new Span("; single tenant; no redirect URI.")),
                new ListItem(new Span("From its Overview, copy the Directory (tenant) ID into Tenant ID and the"
                        + " Application (client) ID into Client ID.")),
                new ListItem(new Span("Certificates & secrets: either New client secret (copy its Value at once,"
                        + " not its Secret ID, and note its expiry for Secret Expires On), or upload a certificate's"
                        + " public part (.cer/.pem) and give the console the certificate with its private key"
                        + " (PEM, or .pfx/.p12 with its password). On Kubernetes with workload identity, add a"
                        + " federated credential instead.")),
                new ListItem(new Span("In Azure DevOps: Organization settings → Users → Add users: search the"
                        + " service principal by its name, access level Basic (Stakeholder cannot read code).")),
                new ListItem(new Span("In each project InfraKitchen should use: Project settings → Permissions →"
                        + " Contributors → Members → Add the service principal.")),
                new ListItem(new Span("Enter the organization name, then Test Connection: the console gets a token"
                        + " from Microsoft Entra and checks it against Azure DevOps.")));
        Paragraph why = new Paragraph("No personal token is involved: nothing stops working when a person leaves,"
                + " and Azure DevOps no longer accepts global tokens since 2026-12-01.");
        why.addClassName("how-to-hint");
        add(new Div(steps, why));
    }
}
