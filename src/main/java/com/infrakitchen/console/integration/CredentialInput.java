package com.infrakitchen.console.integration;

/**
 * A credential as a form holds it before anything is stored: the secret typed, pasted or generated, with the
 * settings that belong to it. One kind per way of connecting; a switch over this sealed type is where the kinds
 * differ. Whoever receives one wipes it when done.
 */
public sealed interface CredentialInput permits AccessTokenInput, SshKeyInput {

    /** The way of connecting this credential is for. */
    AuthMethod method();

    /** Overwrites the secrets it holds. */
    void wipe();
}
