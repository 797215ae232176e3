package com.infrakitchen.console.integration.credential;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Entra's identifiers and client secrets as a form takes them (docs/product.md 4.1), for the form and the
 * service alike: what a paste becomes (whitespace and braces dropped, a sign-in URL reduced to its tenant, GUIDs in
 * lower case) and why a value cannot be right. A tenant is its Directory (tenant) ID, a GUID, or one of its verified
 * domains ({@code contoso.onmicrosoft.com}); the application is its Application (client) ID, a GUID. The shared
 * tenants ({@code common}, {@code organizations}, {@code consumers}) cannot issue an application token.
 */
public final class EntraIds {

    public static final int TENANT_MAX = 253;
    public static final int CLIENT_SECRET_MAX = 1024;

    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern SIGN_IN_URL = Pattern.compile(
            "^https?://login\\.(microsoftonline\\.com|microsoftonline\\.us|partner\\.microsoftonline\\.cn)/([^/?#]+)");
    private static final Set<String> SHARED = Set.of("common", "organizations", "consumers");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u200b\\u200c\\u200d\\ufeff]+");

    private EntraIds() {
    }

    /** The tenant from what was typed or pasted: no whitespace, lower case, a sign-in URL's tenant segment. */
    public static String tenantFrom(@Nullable String typed) {
        String s = typed == null ? "" : WHITESPACE.matcher(typed).replaceAll("");
        var url = SIGN_IN_URL.matcher(s);
        if (url.find()) {
            s = url.group(2);
        }
        return unbraced(s).toLowerCase(Locale.ROOT);
    }

    /** The application (client) id from what was typed or pasted: no whitespace or braces, lower case. */
    public static String clientIdFrom(@Nullable String typed) {
        String s = typed == null ? "" : WHITESPACE.matcher(typed).replaceAll("");
        return unbraced(s).toLowerCase(Locale.ROOT);
    }

    /** Why this tenant (as {@link #tenantFrom} made it) cannot be one; empty when it can. */
    public static Optional<String> tenantProblem(String tenant) {
        if (tenant.isEmpty()) {
            return Optional.of("Tenant ID is required: the Directory (tenant) ID from the app registration's"
                    + " Overview, or a verified domain such as contoso.onmicrosoft.com");
        }
        if (SHARED.contains(tenant)) {
            return Optional.of("\"" + tenant + "\" is not a tenant an application signs in to: use the Directory"
                    + " (tenant) ID from the app registration's Overview");
        }
        if (GUID.matcher(tenant).matches() || DOMAIN.matcher(tenant).matches()) {
            return Optional.empty();
        }
        if (tenant.length() > TENANT_MAX) {
            return Optional.of("Tenant ID is too long: a GUID or a domain name has at most " + TENANT_MAX
                    + " characters");
        }
        return Optional.of(looksLikeGuid(tenant)
                ? "Tenant ID is not a valid GUID: it has 32 hexadecimal digits in groups of 8-4-4-4-12"
                : "Tenant ID must be a GUID (the Directory (tenant) ID) or a verified domain such as"
                        + " contoso.onmicrosoft.com");
    }

    /** Why this application id (as {@link #clientIdFrom} made it) cannot be one; empty when it can. */
    public static Optional<String> clientIdProblem(String clientId) {
        if (clientId.isEmpty()) {
            return Optional.of("Client ID is required: the Application (client) ID from the app registration's"
                    + " Overview");
        }
        return GUID.matcher(clientId).matches() ? Optional.empty()
                : Optional.of("Client ID must be the Application (client) ID, a GUID such as"
                        + " 00000000-0000-0000-0000-000000000000 (not the app's name or its Object ID URL)");
    }

    /**
     * Why this (trimmed) client secret cannot be one; empty when it can. A GUID is the secret's ID, which the portal
     * shows next to its value: a frequent mix-up Entra only reports as "invalid client secret".
     */
    public static Optional<String> clientSecretProblem(String secret) {
        if (secret.isEmpty()) {
            return Optional.of("Client Secret is required: the secret's Value from Certificates & secrets");
        }
        if (secret.length() > CLIENT_SECRET_MAX) {
            return Optional.of("Client Secret is too long (at most " + CLIENT_SECRET_MAX + " characters)");
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.of("Client Secret contains spaces, line breaks or control characters: paste the"
                        + " Value exactly as the portal showed it");
            }
        }
        if (GUID.matcher(secret.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.of("This is the client secret's Secret ID, not its Value: copy the Value column under"
                    + " Certificates & secrets (it is shown only right after the secret is created)");
        }
        return Optional.empty();
    }

    private static boolean looksLikeGuid(String s) {
        return s.chars().allMatch(c -> c == '-' || Character.digit(c, 16) >= 0);
    }

    private static String unbraced(String s) {
        return s.length() > 2 && s.startsWith("{") && s.endsWith("}") ? s.substring(1, s.length() - 1) : s;
    }
}
