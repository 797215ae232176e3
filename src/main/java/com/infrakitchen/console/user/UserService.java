package com.infrakitchen.console.user;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.audit.AuditDetails;
import com.infrakitchen.console.audit.AuditOutcome;
import com.infrakitchen.console.audit.AuditTrail.Target;
import com.infrakitchen.console.audit.AuditTrail;
import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.security.LoginThrottle;
import com.infrakitchen.console.security.Roles;
import com.infrakitchen.console.user.internal.AppUser;
import com.infrakitchen.console.user.internal.AppUserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing console users (ADMIN) and a user's own preferences. Every rule is checked here, whatever
 * the UI did: username and password rules, and that the last enabled administrator can never be
 * removed, disabled or demoted.
 */
@Service
@Transactional
public class UserService {

    public static final String THEME_LIGHT = "light";
    public static final String THEME_DARK = "dark";

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final LoginThrottle throttle;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, AuditTrail audit, Clock clock,
            LoginThrottle throttle) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        this.throttle = throttle;
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    @Transactional(readOnly = true)
    public List<UserSummary> list() {
        return users.findAllOrderByUsername().stream().map(UserService::summary).toList();
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    @Transactional(readOnly = true)
    public boolean usernameTaken(String username) {
        return users.existsByUsername(UserRules.normaliseUsername(username));
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    public PasswordIssued create(NewUser data) {
        String username = UserRules.normaliseUsername(data.username());
        String problem = UserRules.usernameProblem(username);
        if (problem != null) {
            throw new UserRuleViolation("username", problem);
        }
        requireKnownRole(data.role());
        boolean generate = data.initialPassword() == null || data.initialPassword().isEmpty();
        String password = generate ? PasswordGenerator.generate() : data.initialPassword();
        requireValidPassword(password, username);
        if (users.existsByUsername(username)) {
            throw usernameInUse(username);
        }
        Instant now = clock.instant();
        AppUser saved;
        try {
            saved = users.save(new AppUser(null, username, passwordEncoder.encode(password), data.role(), true,
                    THEME_LIGHT, now, now, CurrentUser.username(), null));
        } catch (DuplicateKeyException e) {
            // two admins created the same name at once: the constraint decides
            throw usernameInUse(username);
        }
        audit.record(AuditAction.USER_CREATED, AuditOutcome.SUCCESS, Target.user(saved.id(), username),
                AuditDetails.of().put("role", data.role()).put("passwordGenerated", generate));
        return new PasswordIssued(summary(saved), generate ? password : null);
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    public UserSummary changeRole(long userId, String newRole) {
        requireKnownRole(newRole);
        AppUser user = load(userId);
        if (user.role().equals(newRole)) {
            return summary(user);
        }
        if (Roles.ADMIN.equals(user.role()) && user.enabled()) {
            requireAnotherEnabledAdmin("role", "demoted");
        }
        AppUser saved = users.save(user.withRole(newRole, clock.instant(), CurrentUser.username()));
        audit.record(AuditAction.USER_ROLE_CHANGED, AuditOutcome.SUCCESS, Target.user(userId, user.username()),
                AuditDetails.of().change("role", user.role(), newRole));
        return summary(saved);
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    public UserSummary setEnabled(long userId, boolean enabled) {
        AppUser user = load(userId);
        if (user.enabled() == enabled) {
            return summary(user);
        }
        if (!enabled) {
            if (user.username().equals(CurrentUser.username())) {
                throw new UserRuleViolation("user", "You cannot disable your own account.");
            }
            if (Roles.ADMIN.equals(user.role())) {
                requireAnotherEnabledAdmin("user", "disabled");
            }
        }
        AppUser saved = users.save(user.withEnabled(enabled, clock.instant(), CurrentUser.username()));
        audit.record(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, AuditOutcome.SUCCESS,
                Target.user(userId, user.username()), AuditDetails.of().change("enabled", !enabled, enabled));
        return summary(saved);
    }

    /** Sets a new password; null or empty generates one, returned once. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public PasswordIssued resetPassword(long userId, @Nullable String newPassword) {
        AppUser user = load(userId);
        boolean generate = newPassword == null || newPassword.isEmpty();
        String password = generate ? PasswordGenerator.generate() : newPassword;
        requireValidPassword(password, user.username());
        AppUser saved = users.save(user.withPasswordHash(passwordEncoder.encode(password), clock.instant(),
                CurrentUser.username()));
        audit.record(AuditAction.USER_PASSWORD_RESET, AuditOutcome.SUCCESS, Target.user(userId, user.username()),
                AuditDetails.of().secretChanged("password", true).put("passwordGenerated", generate));
        return new PasswordIssued(summary(saved), generate ? password : null);
    }

    /**
     * The usernames whose sign-in is refused right now from at least one address, after repeated failures
     * there (docs/decisions/0004-login-throttling.md).
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    @Transactional(readOnly = true)
    public Set<String> lockedUsernames() {
        Set<String> locked = throttle.lockedAccounts();
        if (locked.isEmpty()) {
            return Set.of();
        }
        return users.findAllOrderByUsername().stream().map(AppUser::username).filter(locked::contains)
                .collect(Collectors.toSet());
    }

    /**
     * Lifts every sign-in lock of a user, from every address, and forgets its failure counts. Audited with
     * the addresses that were locked.
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public int unlock(long userId) {
        AppUser user = load(userId);
        List<LoginThrottle.Lock> released = throttle.unlock(user.username());
        String from = released.stream().map(l -> l.address().isEmpty() ? "(unknown address)" : l.address())
                .collect(Collectors.joining(", "));
        audit.record(AuditAction.ACCOUNT_UNLOCKED, AuditOutcome.SUCCESS, Target.user(userId, user.username()),
                AuditDetails.of().put("addresses", released.size()).put("from", from.isEmpty() ? "(none)" : from));
        return released.size();
    }

    /** The signed-in user's theme ("light" or "dark"). */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    @Transactional(readOnly = true)
    public String currentTheme() {
        return users.findByUsername(CurrentUser.username()).map(AppUser::theme).orElse(THEME_LIGHT);
    }

    /** Remembers the signed-in user's theme. Not audited: a preference, not a change to the system. */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public void rememberTheme(String theme) {
        if (!THEME_LIGHT.equals(theme) && !THEME_DARK.equals(theme)) {
            throw new UserRuleViolation("theme", "Theme must be light or dark");
        }
        users.findByUsername(CurrentUser.username())
                .filter(u -> !theme.equals(u.theme()))
                .ifPresent(u -> users.save(u.withTheme(theme)));
    }

    private AppUser load(long userId) {
        return users.findById(userId)
                .orElseThrow(() -> new UserRuleViolation("user", "This user no longer exists. Reload the list."));
    }

    private void requireAnotherEnabledAdmin(String field, String verb) {
        // lock the admin rows first: two concurrent demotions must not both see "another admin left"
        if (users.lockEnabledAdmins().size() <= 1) {
            throw new UserRuleViolation(field,
                    "This is the last enabled administrator: it cannot be " + verb + ". Make another user an"
                            + " administrator first.");
        }
    }

    private void requireValidPassword(String password, String username) {
        String problem = UserRules.passwordProblem(password, username);
        if (problem != null) {
            throw new UserRuleViolation("password", problem);
        }
    }

    private static void requireKnownRole(String role) {
        if (!Roles.isKnown(role)) {
            throw new UserRuleViolation("role", "Role must be one of " + String.join(", ", Roles.ALL));
        }
    }

    private static UserRuleViolation usernameInUse(String username) {
        return new UserRuleViolation("username", "Username \"" + username + "\" is already in use");
    }

    static UserSummary summary(AppUser u) {
        return new UserSummary(u.id(), u.username(), u.role(), u.enabled(), u.createdAt(), u.updatedAt(),
                u.updatedBy());
    }
}
