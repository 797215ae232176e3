package com.infrakitchen.console.integration.check;

/**
 * Runs one connection test and says what it found; blocking, called off the UI thread by
 * {@link CheckService}. Implemented per transport (HTTPS with a token; SSH with a key).
 */
public interface ConnectionChecker {

    CheckResult check(CheckInput input, Cancellation cancellation);
}
