package com.infrakitchen.console.integration.azuredevops.ui;

import com.infrakitchen.console.integration.azuredevops.ssh.TrustedHostKeys;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** "How to connect" for SSH keys (docs/azure-devops.md 8): RSA only, add the public key, test a real repository. */
public class HowToConnectSshPanel extends Details {

    public final Paragraph trouble;

    HowToConnectSshPanel(TrustedHostKeys.Trusted host) {
        setSummaryText("How to connect with SSH");
        setOpened(true);
        addClassName("how-to-connect");
        OrderedList steps = new OrderedList(
                new ListItem(new Span("Use an RSA key of 2048 bits or more (Azure DevOps accepts no other type):"
                        + " paste or upload one, or press Generate key pair and the console makes an RSA 4096 key"
                        + " whose private half never leaves the server. To make one yourself: "),
                        new Code("ssh-keygen -t rsa -b 4096")),
                new ListItem(new Span("Add the public key in Azure DevOps: User settings → SSH public keys → New"
                        + " Key. Compare the MD5 fingerprint shown here with the one listed there.")),
                new ListItem(new Span("Enter the organization and a repository the key's user may read, as "),
                        new Code("project/repository"),
                        new Span(" (pasting the SSH clone URL fills both in).")),
                new ListItem(new Span("Test Connection asks Azure DevOps for that repository with the key: only a"
                        + " real answer counts, because Azure DevOps accepts any key until a repository is asked"
                        + " for.")));
        trouble = new Paragraph(hostKeyText(host) + " Uploaded SSH public keys expire after a year in Azure DevOps.");
        trouble.addClassName("how-to-hint");
        add(new Div(steps, trouble));
    }

    /** The host and fingerprints the check actually trusts (app.azure-devops.ssh.known-hosts), never a fixed one. */
    private static String hostKeyText(TrustedHostKeys.Trusted host) {
        if (host.problem() != null) {
            return "Host " + host.endpoint() + ": " + host.problem() + "; the SSH check will fail until an"
                    + " administrator fixes it.";
        }
        if (host.fingerprints().isEmpty()) {
            return "No host key is trusted for " + host.endpoint() + " (app.azure-devops.ssh.known-hosts): the SSH"
                    + " check will refuse the server until an administrator adds its key.";
        }
        return "Host key" + (host.fingerprints().size() == 1 ? "" : "s") + " of " + host.endpoint() + ": "
                + String.join(", ", host.fingerprints()) + " (pinned).";
    }
}
