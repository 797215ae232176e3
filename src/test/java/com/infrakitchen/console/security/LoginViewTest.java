package com.infrakitchen.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import java.util.Locale;
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
        assertThat(VaadinService.getCurrent().getSystemMessages(Locale.ENGLISH, VaadinRequest.getCurrent())
                .getSessionExpiredURL()).as("the provider the application registers").endsWith("/login?session-ended");
    }

    @Test
    void theSignInPageSaysTheSessionEndedAndThatSavedWorkIsKept() {
        LoginView view = navigate("login?session-ended", LoginView.class);
        assertThat(view.sessionEnded.isVisible()).isTrue();
        assertThat(view.sessionEnded.getText()).isEqualTo("Your session ended: the console server you were using"
                + " stopped, or you were away for a long time. Sign in again. Everything you saved is kept; values typed"
                + " into a form you had not saved are lost.");
        assertThat(view.form().isError()).isFalse();
    }

    @Test
    void aPlainVisitAndAFailedSignInDoNotSayIt() {
        assertThat(navigate("login", LoginView.class).sessionEnded.isVisible()).isFalse();
        LoginView failed = navigate("login?error", LoginView.class);
        assertThat(failed.sessionEnded.isVisible()).isFalse();
        assertThat(failed.form().isError()).isTrue();
    }
}
