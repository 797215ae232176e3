package com.infrakitchen.console.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Sign-in. One generic message for every failure: unknown user, wrong password, disabled, throttled. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · InfraKitchen")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String FAILURE_TITLE = "Sign-in failed";
    static final String FAILURE_MESSAGE = "Check your username and password and try again. After repeated"
            + " failures, further attempts are delayed for a while.";

    /** Shown above the form when a tab's session ended (SessionEndedMessages sends it here). */
    static final String SESSION_ENDED = "Your session ended: the console server you were using stopped, or you were"
            + " away for a long time. Sign in again. Everything you saved is kept; values typed into a form you had not"
            + " saved are lost.";

    private final LoginForm login = new LoginForm();
    final Paragraph sessionEnded = new Paragraph(SESSION_ENDED);

    LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setSubmit("Sign in");
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        error.setTitle(FAILURE_TITLE);
        error.setMessage(FAILURE_MESSAGE);
        i18n.setErrorMessage(error);
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        H1 title = new H1("InfraKitchen");
        title.addClassName("login-brand");
        Paragraph subtitle = new Paragraph("Integrations Console: connect InfraKitchen to Azure DevOps");
        subtitle.addClassName("login-subtitle");
        Paragraph hint = new Paragraph("Forgot your password? Ask an administrator to reset it.");
        hint.addClassName("login-hint");
        sessionEnded.setId("session-ended");
        sessionEnded.addClassName("login-notice");
        sessionEnded.getElement().setAttribute("role", "status");
        sessionEnded.setVisible(false);
        Div card = new Div(title, subtitle, sessionEnded, login, hint);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        login.setError(parameters.containsKey("error"));
        sessionEnded.setVisible(parameters.containsKey(SessionEndedMessages.PARAMETER) && !parameters.containsKey("error"));
    }

    LoginForm form() {
        return login;
    }
}
