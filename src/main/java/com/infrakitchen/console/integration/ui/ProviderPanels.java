package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.credential.AuthMethod;
import com.vaadin.flow.component.Component;

/**
 * The screens' part of a provider (decision 0013), found by its id: the "How to connect" panel beside the setup form
 * for each kind of credential, and what the indicator says before a first test. Azure DevOps' is in
 * {@code azuredevops.ui}.
 */
public interface ProviderPanels {

    /** The provider these panels are for ({@code provider.IntegrationProvider#id()}). */
    String provider();

    /** A new "How to connect" panel for this kind of credential. */
    Component howToConnect(AuthMethod method);

    /** What the indicator says before the first test of an unsaved form with this kind of credential. */
    String notTestedHint(AuthMethod method);
}
