package com.infrakitchen.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;

/**
 * Issue 14: a tab whose session ended (its instance died behind the load balancer, or it timed out) lands on the
 * sign-in page, which says why and that nothing saved is lost, instead of Vaadin's generic "Session Expired" box.
 */
@WithAnonymousUser
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    void aTabWhoseSessionEndedIsSentToTheSignInPageWithoutTheGenericBox() {
        CustomizedSystemMessages messages = SessionEndedMessages.messages(new SystemMessagesInfo(Locale.ENGLISH,
                VaadinRequest.getCurrent(), VaadinService.getCurrent()));
        assertThat(messages.isSessionExpiredNotificationEnabled()).isFalse();
        assertThat(messages.getSessionExpiredURL()).endsWith("/login?session-ended");
    }

    LoginView open(Map<String, String> query) {
        UI.getCurrent().navigate("login", QueryParameters.simple(query));
        return $(LoginView.class).single();
    }

    @Test
    void theSignInPageSaysTheSessionEndedAndThatSavedWorkIsKept() {
        LoginView view = open(Map.of("session-ended", ""));
        assertThat(view.sessionEnded.isVisible()).isTrue();
        assertThat(view.sessionEnded.getText()).isEqualTo("Your session ended: the console server you were using"
                + " stopped, or you were away for a long time. Sign in again. Everything you saved is kept; values typed"
                + " into a form you had not saved are lost.");
        assertThat(view.form().isError()).isFalse();
    }

    @Test
    void aPlainVisitAndAFailedSignInDoNotSayIt() {
        assertThat(open(Map.of()).sessionEnded.isVisible()).isFalse();
        LoginView failed = open(Map.of("error", ""));
        assertThat(failed.sessionEnded.isVisible()).isFalse();
        assertThat(failed.form().isError()).isTrue();
    }
}
