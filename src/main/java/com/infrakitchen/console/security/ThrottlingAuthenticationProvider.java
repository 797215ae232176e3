package com.infrakitchen.console.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with throttling in front. Every failure, whatever its cause (unknown user, wrong
 * password, disabled account, throttled), leaves as the same {@link BadCredentialsException}, so the
 * login page shows one generic message and reveals nothing.
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    static final String GENERIC_FAILURE = "Sign-in failed";

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    public ThrottlingAuthenticationProvider(UserDetailsService userDetails, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, ApplicationEventPublisher events) {
        this.delegate = new DaoAuthenticationProvider(userDetails);
        this.delegate.setPasswordEncoder(passwordEncoder);
        this.delegate.setHideUserNotFoundExceptions(false);
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        try {
            return throttled(authentication);
        } catch (DataAccessException e) {
            // The throttle's counts are in the database (decision 0017): without them nobody signs in, as without the
            // user table; a plain failure page, never a stack trace.
            throw new InternalAuthenticationServiceException(GENERIC_FAILURE, e);
        }
    }

    private Authentication throttled(Authentication authentication) {
        String account = authentication.getName() == null ? ""
                : authentication.getName().strip().toLowerCase(Locale.ROOT);
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
                : null;
        if (throttle.blockedUntil(account, address).isPresent()) {
            events.publishEvent(new LoginAttempt(null, null, address, LoginAttempt.Result.THROTTLED, null));
            throw new BadCredentialsException(GENERIC_FAILURE);
        }
        UsernamePasswordAuthenticationToken normalised = UsernamePasswordAuthenticationToken.unauthenticated(account,
                authentication.getCredentials());
        normalised.setDetails(authentication.getDetails());
        try {
            Authentication result = delegate.authenticate(normalised);
            throttle.recordSuccess(account, address);
            events.publishEvent(new LoginAttempt(account, CurrentUser.strongestRole(result).orElse(null), address,
                    LoginAttempt.Result.SUCCEEDED, null));
            return result;
        } catch (AuthenticationException e) {
            boolean known = !(e instanceof UsernameNotFoundException);
            Optional<Duration> lock = throttle.recordFailure(account, address);
            LoginAttempt.Result result = e instanceof DisabledException ? LoginAttempt.Result.DISABLED
                    : LoginAttempt.Result.BAD_CREDENTIALS;
            events.publishEvent(new LoginAttempt(known ? account : null, null, address, result, lock.orElse(null)));
            throw new BadCredentialsException(GENERIC_FAILURE);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
