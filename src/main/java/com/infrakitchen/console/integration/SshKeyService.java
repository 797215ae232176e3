package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.credential.ssh.GeneratedKey;
import com.infrakitchen.console.integration.credential.ssh.ParsedKey;
import com.infrakitchen.console.integration.credential.ssh.SshKeyRuleViolation;
import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.infrakitchen.console.integration.provider.IntegrationProviders;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * SSH keys for the forms: inspect a pasted or uploaded key at once (every key rule, with a message that
 * says what is wrong and never contains key material), and generate a key pair on the server. Nothing is
 * stored here; {@link IntegrationService} parses again before it stores.
 */
@Service
public class SshKeyService {

    /** What the form shows of a key: public facts only. */
    public record KeyFacts(String description, String fingerprintSha256, String fingerprintMd5, String publicKey,
            boolean encrypted) {
    }

    /** A key pair made here: the private key stays on the server, the facts are for the user. */
    public record NewKeyPair(Secret privateKey, KeyFacts facts) {
    }

    private final IntegrationProviders providers;

    SshKeyService(IntegrationProviders providers) {
        this.providers = providers;
    }

    /**
     * The facts of a private key, or an {@link IntegrationRuleViolation} on {@code sshKey} or {@code passphrase}
     * (encrypted without passphrase, wrong passphrase, public key pasted, not RSA, too small, unreadable…).
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public KeyFacts inspect(Secret privateKey, @Nullable Secret passphrase) {
        ParsedKey parsed;
        try {
            parsed = SshKeys.parse(privateKey, passphrase == null || passphrase.length() == 0 ? null : passphrase,
                    providers.defaultProvider().keyPolicy());
        } catch (SshKeyRuleViolation v) {
            throw new IntegrationRuleViolation(v.field(), v.getMessage());
        }
        try {
            return facts(parsed);
        } finally {
            parsed.wipe();
        }
    }

    /** An RSA 4096 key pair; the comment names it in Azure DevOps' SSH public keys list. */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public NewKeyPair generate(String comment) {
        GeneratedKey key = SshKeys.generate(comment);
        KeyFacts facts = facts(key.key());
        key.key().wipe(); // the parsed copy; the pair's own private key goes to the caller
        return new NewKeyPair(key.privateKey(), facts);
    }

    private static KeyFacts facts(ParsedKey k) {
        return new KeyFacts(k.description(), k.sha256Fingerprint(), k.md5Fingerprint(), k.publicKeyLine(),
                k.encrypted());
    }
}
