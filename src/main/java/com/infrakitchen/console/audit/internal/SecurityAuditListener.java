package com.infrakitchen.console.audit.internal;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.audit.AuditDetails;
import com.infrakitchen.console.audit.AuditOutcome;
import com.infrakitchen.console.audit.AuditTrail.Target;
import com.infrakitchen.console.audit.AuditTrail;
import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.security.LoginAttempt;
import com.infrakitchen.console.security.ScrapeRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Turns security events (sign-in attempts, denied calls, sign-out) into audit events. */
@Component
class SecurityAuditListener {

    static final String UNKNOWN_ACCOUNT = "(unknown account)";

    private final AuditTrail audit;

    SecurityAuditListener(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void onLoginAttempt(LoginAttempt attempt) {
        String actor = attempt.username() == null ? UNKNOWN_ACCOUNT : attempt.username();
        Target target = attempt.username() == null ? Target.NONE : Target.account(attempt.username());
        if (attempt.result() == LoginAttempt.Result.SUCCEEDED) {
            audit.recordIndependently(actor, attempt.role(), AuditAction.LOGIN_SUCCEEDED, AuditOutcome.SUCCESS,
                    target, AuditDetails.of());
            return;
        }
        audit.recordIndependently(actor, null, AuditAction.LOGIN_FAILED, AuditOutcome.FAILURE, target,
                AuditDetails.of().put("reason", attempt.result().name().toLowerCase(Locale.ROOT)));
        if (attempt.lockedFor() != null && attempt.username() != null) {
            audit.recordIndependently(actor, null, AuditAction.ACCOUNT_LOCKED, AuditOutcome.FAILURE, target,
                    AuditDetails.of().put("lockedSeconds", attempt.lockedFor().toSeconds())
                            .put("from", attempt.address() == null ? "(unknown address)" : attempt.address()));
        }
    }

    @EventListener
    void onAuthorizationDenied(AuthorizationDeniedEvent<?> event) {
        Authentication auth = event.getAuthentication().get();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return; // anonymous requests are sent to the login page; nothing to audit
        }
        String what = event.getSource() instanceof MethodInvocation mi
                ? mi.getMethod().getDeclaringClass().getSimpleName() + "." + mi.getMethod().getName()
                : event.getSource() instanceof HttpServletRequest request
                        ? request.getMethod() + " " + request.getRequestURI()
                        : event.getSource().getClass().getSimpleName();
        audit.recordDenied(auth.getName(), CurrentUser.strongestRole(auth).orElse(null), Target.operation(what));
    }

    /**
     * A refused scrape credential on /actuator/prometheus: a denied access, under one fixed actor so the denied-access
     * limits hold however many names a scanner tries (what it presented is never recorded).
     */
    @EventListener
    void onScrapeRefused(ScrapeRefused event) {
        audit.recordDenied(ScrapeRefused.ACTOR, null, Target.operation(event.method() + " " + event.path()));
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        audit.recordIndependently(auth.getName(), CurrentUser.strongestRole(auth).orElse(null), AuditAction.LOGOUT,
                AuditOutcome.SUCCESS, Target.account(auth.getName()), AuditDetails.of());
    }
}
