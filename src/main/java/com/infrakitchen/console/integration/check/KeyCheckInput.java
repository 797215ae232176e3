package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.secret.Secret;

/**
 * What an SSH test tests: the organization, the test repository ({@code project/repository}) and the
 * private key with its passphrase (null when it has none), unsaved or as stored. The caller wipes the secrets.
 */
public record KeyCheckInput(String organization, String testRepository, Secret privateKey, Secret passphrase,
        String fingerprint) {
}
