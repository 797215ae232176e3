package com.infrakitchen.console.integration.credential.ssh;

import com.infrakitchen.console.shared.RuleViolation;

/**
 * An SSH private key (field {@code sshKey}) or its passphrase (field {@code passphrase}) was refused. The message
 * is written for the user and never contains key material or the passphrase; {@link #problem()} says which rule
 * was broken, so the connection test can pick its category.
 */
public class SshKeyRuleViolation extends RuleViolation {

    public static final String FIELD_KEY = "sshKey";
    public static final String FIELD_PASSPHRASE = "passphrase";

    /** Which rule was broken. */
    public enum Problem {
        /** Nothing was given. */
        MISSING(FIELD_KEY),
        /** More than {@link SshKeys#MAX_KEY_BYTES}. */
        TOO_LARGE(FIELD_KEY),
        /** A public key was pasted into the private key field. */
        PUBLIC_KEY(FIELD_KEY),
        /** A PuTTY .ppk file: it must be exported to OpenSSH first. */
        PUTTY(FIELD_KEY),
        /** Not a private key, or a damaged or incomplete one. */
        INVALID(FIELD_KEY),
        /** Encrypted with a cipher or scheme that cannot be read here. */
        UNSUPPORTED_ENCRYPTION(FIELD_KEY),
        /** A kind the provider does not accept (Azure DevOps: anything but RSA). */
        UNSUPPORTED_TYPE(FIELD_KEY),
        /** RSA, but smaller than the provider accepts (Azure DevOps: 2048 bits). */
        TOO_SMALL(FIELD_KEY),
        /** Encrypted, and no passphrase was given. */
        PASSPHRASE_REQUIRED(FIELD_PASSPHRASE),
        /** Encrypted, and the passphrase does not decrypt it. */
        WRONG_PASSPHRASE(FIELD_PASSPHRASE);

        private final String field;

        Problem(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Problem problem;

    public SshKeyRuleViolation(Problem problem, String message) {
        super(problem.field(), message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
