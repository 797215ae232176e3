package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.base.ui.MainLayout;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.CheckRun;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialInput;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.infrakitchen.console.integration.provider.IntegrationProviders;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
    private final transient IntegrationProvider provider;
    private final transient ProviderPanels panels;
    final IntegrationForm form;
    final Tabs methods = new Tabs();
    private final Map<AuthMethod, Tab> tabs = new EnumMap<>(AuthMethod.class);
    final H2 title = new H2();
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    final ConnectionTestControl connection;
    private final Div side = new Div();
    private final String formKey = UUID.randomUUID().toString();

    public IntegrationSetupView(IntegrationService integrations, CheckService checks, CredentialTools tools,
            IntegrationProviders providers, List<ProviderPanels> panels, Clock clock) {
        this.integrations = integrations;
        this.checks = checks;
        this.provider = providers.defaultProvider();
        this.panels = panels.stream().filter(p -> p.provider().equals(provider.id())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No panels for provider " + provider.id()));
        addClassName("page");
        addClassName("setup-page");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.START);

        form = new IntegrationForm(provider, integrations.labelsInUse(), name -> integrations.nameTaken(name, null),
                tools, false, clock);
        Paragraph intro = new Paragraph("Connect InfraKitchen to an " + provider.displayName() + " organization with "
                + either(provider.methods().stream().map(m -> form.editor(m).phrase()).toList())
                + ". Secrets are stored encrypted and never shown again.");
        intro.addClassName("page-intro");
        for (AuthMethod method : provider.methods()) {
            Tab tab = new Tab(form.editor(method).title());
            tab.setId("method-" + method.name().toLowerCase(Locale.ROOT));
            tabs.put(method, tab);
            methods.add(tab);
        }
        methods.addSelectedChangeListener(e -> tabs.forEach((method, tab) -> {
            if (tab == e.getSelectedTab()) {
                showMethod(method);
            }
        }));

        connection = new ConnectionTestControl(this::startTest, this::valuesKey, clock);
        form.organization.addValueChangeListener(e -> connection.valuesChanged());
        form.addCredentialChangeListener(connection::valuesChanged);

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
        showMethod(provider.methods().getFirst());
    }

    /** The tab of one kind of credential. */
    @Nullable Tab tab(AuthMethod method) {
        return tabs.get(method);
    }

    private void showMethod(AuthMethod method) {
        form.showMethod(method);
        title.setText(provider.displayName() + " · " + form.editor().title());
        side.removeAll();
        side.add(panels.howToConnect(method));
        connection.indicator.setNotTestedHint(panels.notTestedHint(method));
        connection.valuesChanged();
    }

    private Optional<CheckRun> startTest() {
        return form.editor().forTest(true).map(change -> checks.test(request(change)));
    }

    private String valuesKey() {
        return checks.valuesKey(request(form.editor().forTest(false).orElse(null)));
    }

    private TestRequest request(@Nullable CredentialChange change) {
        return TestRequest.ofForm(formKey, form.name.getValue(), form.organizationValue(), change);
    }

    void save() {
        var data = form.writeData();
        if (data.isEmpty()) {
            return;
        }
        try {
            var change = form.editor().forSave();
            if (!(change.orElse(null) instanceof CredentialChange.Replace(CredentialInput credential))) {
                return;
            }
            IntegrationDetail created = integrations.create(data.get(), credential);
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

    /** "a, b or c". */
    private static String either(List<String> phrases) {
        return phrases.size() == 1 ? phrases.getFirst() : String.join(", ", phrases.subList(0, phrases.size() - 1))
                + " or " + phrases.getLast();
    }
}
