package com.infrakitchen.console.integration;

import com.infrakitchen.console.support.IntegrationFixtures;

/** The shared {@link IntegrationFixtures}, under the short names this package's tests use. */
final class IntegrationTestData {

    private IntegrationTestData() {
    }

    static String uniqueName(String prefix) {
        return IntegrationFixtures.uniqueName(prefix);
    }

    static String fakeToken() {
        return IntegrationFixtures.fakeToken();
    }

    static IntegrationData data(String name) {
        return IntegrationFixtures.data(name);
    }
}
