package com.infrakitchen.console.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Unknown routes: the same page as access denied, so neither reveals which routes exist. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class NotFoundView extends UnavailablePage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("/" + event.getLocation().getPath());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
