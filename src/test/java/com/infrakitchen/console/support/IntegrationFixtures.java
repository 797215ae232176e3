package com.infrakitchen.console.support;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Shared test values and saved integrations: unique names, tokens that are obviously fake (never a real token in a
 * fixture), the form's fields, and integrations saved through the real service (as an editor). Tests build
 * integrations here rather than by hand, so that an API change is one change.
 */
public final class IntegrationFixtures {

    /** Who saves the fixtures' integrations. */
    public static final String EDITOR = "fixture-editor";

    private static final SecureRandom RANDOM = new SecureRandom();

    private IntegrationFixtures() {
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** 52 characters, like an Azure PAT, starting with FAKE so nobody mistakes it for one. */
    public static String fakeToken() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("FAKE");
        while (sb.length() < 52) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** The form's fields: a description, the label {@code test}, organization {@code contoso}. */
    public static IntegrationData data(String name) {
        return data(name, "contoso");
    }

    public static IntegrationData data(String name, String organization) {
        return data(name, "test integration", List.of("test"), organization);
    }

    public static IntegrationData data(String name, String description, List<String> labels, String organization) {
        return new IntegrationData(name, description, labels, organization, null);
    }

    /** A PAT integration saved as {@link #EDITOR}, with a fresh fake token. */
    public static IntegrationDetail savedPat(IntegrationService service, IntegrationData data) {
        return savedPat(service, data, fakeToken(), null);
    }

    /** A PAT integration saved as {@link #EDITOR}; {@code expiresOn} may be null. */
    public static IntegrationDetail savedPat(IntegrationService service, IntegrationData data, String token,
            LocalDate expiresOn) {
        IntegrationData withExpiry = new IntegrationData(data.name(), data.description(), data.labels(),
                data.organization(), expiresOn);
        return As.user(EDITOR, "EDITOR", () -> service.create(withExpiry, token));
    }
}
