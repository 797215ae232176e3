package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.base.ui.MainLayout;
import com.infrakitchen.console.integration.AccessTokenInput;
import com.infrakitchen.console.integration.AuthMethod;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.IntegrationRules;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.SshKeyService;
import com.infrakitchen.console.integration.check.CheckFingerprint;
import com.infrakitchen.console.integration.check.CheckRun;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /integrations/azure_devops/setup} (the path of the guide): set up an Azure DevOps integration with a
 * personal access token or an SSH key. Test Connection checks the unsaved values; Save works with or without
 * a test.
 */
@Route("integrations/azure_devops/setup")
@PageTitle("Set up Azure DevOps" + MainLayout.TITLE_SUFFIX)
@RolesAllowed({Roles.EDITOR, Roles.ADMIN})
class IntegrationSetupView extends HorizontalLayout {

    private final transient IntegrationService integrations;
    private final transient CheckService checks;
    private final transient SshKeyService keys;
    final IntegrationForm form;
    final Tabs methods = new Tabs();
    final Tab patTab = new Tab("Personal access token");
    final Tab sshTab = new Tab("SSH key");
    final H2 title = new H2();
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    final ConnectionTestControl connection;
    private final Div side = new Div();
    private final String formKey = UUID.randomUUID().toString();

    public IntegrationSetupView(IntegrationService integrations, CheckService checks, SshKeyService keys,
            Clock clock) {
        this.integrations = integrations;
        this.checks = checks;
        this.keys = keys;
        addClassName("page");
        addClassName("setup-page");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.START);

        form = new IntegrationForm(integrations.labelsInUse(), name -> integrations.nameTaken(name, null), keys);
        Paragraph intro = new Paragraph("Connect InfraKitchen to an Azure DevOps organization with a personal access"
                + " token or an SSH key. Secrets are stored encrypted and never shown again.");
        intro.addClassName("page-intro");
        patTab.setId("method-pat");
        sshTab.setId("method-ssh");
        methods.add(patTab, sshTab);
        methods.addSelectedChangeListener(e -> showMethod(e.getSelectedTab() == sshTab ? AuthMethod.SSH
                : AuthMethod.PAT));

        connection = new ConnectionTestControl(this::startTest, this::valuesKey, clock);
        form.organization.addValueChangeListener(e -> connection.valuesChanged());
        form.testRepository.addValueChangeListener(e -> connection.valuesChanged());
        form.token.addChangeListener(connection::valuesChanged);
        form.sshKey.addChangeListener(connection::valuesChanged);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save");
        save.addClickListener(e -> save());
        cancel.setId("cancel");
        cancel.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(IntegrationsView.class)));
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        buttons.addClassName("form-buttons");

        VerticalLayout main = new VerticalLayout(title, intro, methods, form, connection, buttons);
        main.setPadding(false);
        main.addClassName("setup-main");
        side.addClassName("setup-side");
        add(main, side);
        setFlexGrow(1, main);
        showMethod(AuthMethod.PAT);
    }

    private void showMethod(AuthMethod method) {
        form.showMethod(method);
        title.setText("Azure DevOps · " + (method == AuthMethod.SSH ? "SSH key" : "Personal access token"));
        side.removeAll();
        side.add(method == AuthMethod.SSH ? new HowToConnectSshPanel(keys.trustedHost()) : new HowToConnectPanel());
        connection.indicator.setNotTestedHint(method == AuthMethod.SSH
                ? "Test Connection asks Azure DevOps for the test repository with this key before you save."
                : "Test Connection checks the organization and token against Azure DevOps before you save.");
        connection.valuesChanged();
    }

    private Optional<CheckRun> startTest() {
        if (form.method() == AuthMethod.SSH) {
            if (!form.sshKey.hasNewKey()) {
                form.sshKey.showRequired("Paste, upload or generate a key first (and its passphrase if it has one)");
                return Optional.empty();
            }
            return Optional.of(checks.test(TestRequest.ofForm(formKey, form.name.getValue(), organization(),
                    form.testRepositoryValue(), form.sshKey.input().orElseThrow())));
        }
        return Optional.of(checks.test(TestRequest.ofForm(formKey, form.name.getValue(), organization(), null,
                new AccessTokenInput(Secret.of(token()), form.tokenExpiresOn.getValue()))));
    }

    private String valuesKey() {
        if (form.method() == AuthMethod.SSH) {
            return "ssh|" + form.sshKey.valuesKey(organization(), form.testRepositoryValue());
        }
        Secret typed = Secret.of(token());
        try {
            return CheckFingerprint.of(organization(), typed);
        } finally {
            typed.wipe();
        }
    }

    private String organization() {
        String value = form.organization.getValue();
        return value == null ? "" : value.strip();
    }

    private String token() {
        return IntegrationRules.normaliseToken(form.token.typed());
    }

    void save() {
        var data = form.writeData();
        if (data.isEmpty()) {
            return;
        }
        try {
            IntegrationDetail created;
            if (form.method() == AuthMethod.SSH) {
                var key = form.sshKey.input();
                if (key.isEmpty()) {
                    form.sshKey.showRequired("SSH Private Key is required: paste, upload or generate one");
                    return;
                }
                created = integrations.createSsh(data.get(), form.testRepositoryValue(), key.get());
            } else {
                created = integrations.create(data.get(), form.token.typed());
            }
            var tested = connection.currentResult();
            boolean kept = tested.isPresent() && checks.keepFormResult(created.id(), tested.get());
            Notification.show("Integration " + created.data().name() + " saved." + (kept
                    ? " Its test result was kept." : " It has not been tested with these values yet."), 5000,
                    Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(IntegrationDetailView.class,
                    new RouteParameters("id", created.id().toString())));
        } catch (IntegrationRuleViolation e) {
            if (!form.showViolation(e)) {
                Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }
}
