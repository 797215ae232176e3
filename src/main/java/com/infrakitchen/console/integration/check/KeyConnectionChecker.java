package com.infrakitchen.console.integration.check;

/** Runs one SSH connection test; blocking, called off the UI thread by {@link CheckService}. */
public interface KeyConnectionChecker {

    CheckResult check(KeyCheckInput input, Cancellation cancellation);
}
