package com.infrakitchen.console.integration.credential.certificate;

/** A client certificate refused, with the form field it concerns and a message that never contains the secret. */
public class CertificateRuleViolation extends RuntimeException {

    private final String field;

    public CertificateRuleViolation(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** {@code certificate} or {@code certificatePassword}. */
    public String field() {
        return field;
    }
}
