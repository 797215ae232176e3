package com.infrakitchen.console.security;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * What a browser tab does when its session is gone: the instance that held it stopped or died (a cluster behind a
 * load balancer sends the next request to another instance, which does not know the session), or it timed out.
 * Instead of Vaadin's generic "Session Expired" box, the tab goes straight to the sign-in page, which says why and
 * that nothing saved is lost ({@link LoginView#SESSION_ENDED}).
 */
@Component
class SessionEndedMessages implements VaadinServiceInitListener {

    /** The sign-in page's query parameter that makes it say the session ended. */
    static final String PARAMETER = "session-ended";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(SessionEndedMessages::messages);
    }

    static CustomizedSystemMessages messages(SystemMessagesInfo info) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        String contextPath = info.getRequest() == null || info.getRequest().getContextPath() == null ? ""
                : info.getRequest().getContextPath();
        messages.setSessionExpiredURL(contextPath + "/login?" + PARAMETER);
        return messages;
    }
}
