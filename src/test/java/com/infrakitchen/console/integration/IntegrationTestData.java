package com.infrakitchen.console.integration;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/** Test values: unique names, and tokens that are obviously fake (never a real token in a fixture). */
final class IntegrationTestData {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IntegrationTestData() {
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** 52 characters, like an Azure PAT, starting with FAKE so nobody mistakes it for one. */
    static String fakeToken() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("FAKE");
        while (sb.length() < 52) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static IntegrationData data(String name) {
        return new IntegrationData(name, "test integration", List.of("test"), "contoso", null);
    }
}
