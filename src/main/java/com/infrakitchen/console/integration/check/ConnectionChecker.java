package com.infrakitchen.console.integration.check;

/**
 * Runs one connection test and says what it found; blocking, called off the UI thread by {@link CheckService}.
 * One implementation per kind of credential, typed by what it tests: {@link CheckInput} (a token over HTTPS),
 * {@link KeyCheckInput} (an SSH key). A further kind (a service principal) is a further implementation.
 *
 * @param <I> what one test of this kind needs: organization, credential and its settings, fingerprint
 */
public interface ConnectionChecker<I> {

    CheckResult check(I input, Cancellation cancellation);
}
