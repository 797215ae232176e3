package com.infrakitchen.console.secret;

/**
 * The key set the console needs to start cannot be had: none configured where generating one is off, a file that
 * cannot be read, a value that is not a Tink key set. Says what is wrong ({@link #getMessage()}) and what the
 * operator should do ({@link #action()}); {@link KeysetFailureAnalyzer} shows both as Spring Boot's start-up report
 * instead of a stack trace. Never carries key material.
 */
public class KeysetUnavailableException extends IllegalStateException {

    private final String action;

    public KeysetUnavailableException(String description, String action) {
        super(description);
        this.action = action;
    }

    public KeysetUnavailableException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
