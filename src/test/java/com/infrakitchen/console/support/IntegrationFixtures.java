package com.infrakitchen.console.support;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.StoredCredentials;
import com.infrakitchen.console.integration.credential.AccessTokenInput;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialSettings;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
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
        return new IntegrationData(name, description, labels, organization);
    }

    // ---- credentials ----------------------------------------------------------------------------------------

    /** A token as typed into the form, without an expiry date. */
    public static AccessTokenInput pat(String token) {
        return new AccessTokenInput(Secret.of(token), null);
    }

    public static AccessTokenInput pat(String token, LocalDate expiresOn) {
        return new AccessTokenInput(Secret.of(token), expiresOn);
    }

    /** An SSH key as pasted (passphrase null when it has none), asking for {@code testRepository}. */
    public static SshKeyInput key(String privateKey, String passphrase, String testRepository) {
        return new SshKeyInput(Secret.of(privateKey), passphrase == null ? null : Secret.of(passphrase), false,
                testRepository);
    }

    /** Keep the stored token; no expiry date. */
    public static CredentialChange keepToken() {
        return keepToken(null);
    }

    public static CredentialChange keepToken(LocalDate expiresOn) {
        return CredentialChange.keep(new CredentialSettings.TokenSettings(expiresOn));
    }

    public static CredentialChange clearToken() {
        return CredentialChange.clear(new CredentialSettings.TokenSettings(null));
    }

    public static CredentialChange replaceToken(Secret token) {
        return CredentialChange.replace(new AccessTokenInput(token, null));
    }

    /** Keep the stored key, asking for {@code testRepository}. */
    public static CredentialChange keepKey(String testRepository) {
        return CredentialChange.keep(new CredentialSettings.SshKeySettings(testRepository));
    }

    /** The old "new key or null" of an SSH save: replace with {@code key} (asking for its repository), or keep. */
    public static CredentialChange sshChange(String testRepository, SshKeyInput key) {
        return key == null ? keepKey(testRepository)
                : CredentialChange.replace(new SshKeyInput(key.privateKey(), key.passphrase(), key.generated(),
                        testRepository));
    }

    // ---- stored credentials, opened ----------------------------------------------------------------------------

    /** The stored token of a PAT integration (null when none). */
    public static Secret tokenOf(StoredCredentials stored) {
        return ((AccessTokenInput) stored.credential()).token();
    }

    /** The stored private key of an SSH integration. */
    public static Secret keyOf(StoredCredentials stored) {
        return ((SshKeyInput) stored.credential()).privateKey();
    }

    public static Secret passphraseOf(StoredCredentials stored) {
        return ((SshKeyInput) stored.credential()).passphrase();
    }

    /**
     * An SSH integration saved as {@link #EDITOR} with Alice's test key, asking for {@code Web/web-app}, its public
     * key added to the provider on {@code keyAddedOn} (null: unknown).
     */
    public static IntegrationDetail savedSsh(IntegrationService service, IntegrationData data, LocalDate keyAddedOn) {
        SshKeyInput key = new SshKeyInput(Secret.of(TestSshKeys.openssh(TestSshKeys.alice(), null, "alice")), null,
                false, "Web/web-app", keyAddedOn);
        return As.user(EDITOR, "EDITOR", () -> service.create(data, key));
    }

    /** Keep the stored key, asking for {@code testRepository}, with this Key added on date. */
    public static CredentialChange keepKey(String testRepository, LocalDate keyAddedOn) {
        return CredentialChange.keep(new CredentialSettings.SshKeySettings(testRepository, keyAddedOn));
    }

    /** A PAT integration saved as {@link #EDITOR}, with a fresh fake token. */
    public static IntegrationDetail savedPat(IntegrationService service, IntegrationData data) {
        return savedPat(service, data, fakeToken(), null);
    }

    /** A PAT integration saved as {@link #EDITOR}; {@code expiresOn} may be null. */
    public static IntegrationDetail savedPat(IntegrationService service, IntegrationData data, String token,
            LocalDate expiresOn) {
        return As.user(EDITOR, "EDITOR", () -> service.create(data, pat(token, expiresOn)));
    }
}
