package com.infrakitchen.console.integration.credential.ssh;

/**
 * What a provider accepts of a private key, applied while it is parsed: the parser reads any key, the policy
 * refuses the kinds and sizes the provider's server would refuse later, with a message that says what to do.
 * Azure DevOps' policy (RSA only, 2048 bits or more) is {@code azuredevops.AzureKeyPolicy}.
 */
public interface KeyPolicy {

    /** Accepts every kind and size the parser reads (for reading back a key this server made). */
    KeyPolicy ANY = new KeyPolicy() {
        @Override
        public void checkType(String type, int bits) {
        }

        @Override
        public void checkRsaSize(int bits) {
        }
    };

    /**
     * Refuses a key of this type, as soon as it is known (before decryption when the file shows it).
     *
     * @param type the kind in words: {@code RSA}, {@code ED25519}, {@code ECDSA}, {@code DSA}, {@code ED448},
     *             or the SSH name of a kind without one
     * @param bits the key's size when the file shows it, else 0
     * @throws SshKeyRuleViolation with {@link SshKeyRuleViolation.Problem#UNSUPPORTED_TYPE}
     */
    void checkType(String type, int bits);

    /**
     * Refuses an RSA key of this size.
     *
     * @throws SshKeyRuleViolation with {@link SshKeyRuleViolation.Problem#TOO_SMALL}
     */
    void checkRsaSize(int bits);
}
