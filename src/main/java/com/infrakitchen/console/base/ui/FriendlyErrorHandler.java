package com.infrakitchen.console.base.ui;

import com.infrakitchen.console.shared.RuleViolation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Component;

/**
 * One session-wide handler for what no view caught: the stack trace goes to the log under a short
 * reference, the user sees a plain message with that reference and nothing else.
 */
@Component
class FriendlyErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    static final String DENIED = "Your role does not allow this action.";
    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable cause = rootOf(event.getThrowable());
        String message;
        if (cause instanceof AccessDeniedException || cause instanceof AuthorizationDeniedException) {
            message = DENIED;
            log.info("Denied action in the UI: {}", cause.getClass().getSimpleName());
        } else if (cause instanceof RuleViolation violation) {
            message = violation.getMessage(); // written for the user, safe to show
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error in the UI (reference {})", reference, event.getThrowable());
            message = "Something went wrong (reference " + reference + "). Nothing was changed by the failed"
                    + " step; the details are in the server log.";
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> {
                Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }

    private static Throwable rootOf(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof AccessDeniedException)) {
            current = current.getCause();
        }
        return current;
    }
}
