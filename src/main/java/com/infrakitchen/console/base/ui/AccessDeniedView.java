package com.infrakitchen.console.base.ui;

import com.infrakitchen.console.audit.AuditTrail.Target;
import com.infrakitchen.console.audit.AuditTrail;
import com.infrakitchen.console.security.CurrentUser;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown when a signed-in user opens a view their role may not use. Says the same as "not found", so
 * the page does not reveal whether the route exists; the attempt is audited.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends UnavailablePage implements HasErrorParameter<AccessDeniedException> {

    private final transient AuditTrail audit;

    public AccessDeniedView(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        String path = "/" + event.getLocation().getPath();
        show(path);
        audit.recordDenied(CurrentUser.username(), CurrentUser.role().orElse(null), Target.view(path));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
