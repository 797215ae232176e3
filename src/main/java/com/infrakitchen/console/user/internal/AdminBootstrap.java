package com.infrakitchen.console.user.internal;

import com.infrakitchen.console.security.Roles;
import com.infrakitchen.console.user.PasswordGenerator;
import com.infrakitchen.console.user.UserRules;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On an empty database, creates user {@code admin} (ADMIN) with the password from
 * {@code APP_ADMIN_PASSWORD}, or a random one written once to the log (docs/product.md section 2).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String configuredPassword;

    AdminBootstrap(AppUserRepository users, PasswordEncoder passwordEncoder, Clock clock,
            @Value("${APP_ADMIN_PASSWORD:${app.admin-password:}}") String configuredPassword) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        String password = generated ? PasswordGenerator.generate() : configuredPassword;
        String problem = UserRules.passwordProblem(password, ADMIN_USERNAME);
        if (problem != null) {
            throw new IllegalStateException("APP_ADMIN_PASSWORD is not acceptable: " + problem
                    + ". Set a longer password, or unset it to have one generated.");
        }
        Instant now = clock.instant();
        try {
            users.save(new AppUser(null, ADMIN_USERNAME, passwordEncoder.encode(password), Roles.ADMIN, true,
                    "light", now, now, "system", null));
        } catch (DuplicateKeyException e) {
            log.info("Another instance created the bootstrap administrator first.");
            return;
        }
        if (generated) {
            log.warn("Created the bootstrap administrator '{}' with the generated password: {}"
                    + "  (shown once; sign in and reset it under Users, or set APP_ADMIN_PASSWORD before the"
                    + " first start)", ADMIN_USERNAME, password);
        } else {
            log.info("Created the bootstrap administrator '{}' with the password from APP_ADMIN_PASSWORD.",
                    ADMIN_USERNAME);
        }
    }
}
