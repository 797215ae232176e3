package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.credential.ssh.KeyPolicy;
import com.infrakitchen.console.integration.credential.ssh.SshKeyRuleViolation.Problem;
import com.infrakitchen.console.integration.credential.ssh.SshKeyRuleViolation;

/**
 * The keys Azure DevOps accepts for SSH (docs/azure-devops.md 8.2): RSA only, {@link #MIN_RSA_BITS} bits or more.
 * Refused early, with what to do instead, so that nothing is saved that the server would refuse at sign-in.
 */
public final class AzureKeyPolicy implements KeyPolicy {

    public static final AzureKeyPolicy INSTANCE = new AzureKeyPolicy();

    /** Azure DevOps refuses smaller RSA keys. */
    public static final int MIN_RSA_BITS = 2048;

    private static final String CREATE_RSA = " Create an RSA key (ssh-keygen -t rsa -b 4096) or use Generate key pair.";

    private AzureKeyPolicy() {
    }

    @Override
    public void checkType(String type, int bits) {
        if ("RSA".equals(type)) {
            return;
        }
        String article = type.startsWith("E") || type.startsWith("R") || type.startsWith("u") ? "an " : "a ";
        String size = bits > 0 && !type.equals("ED25519") && !type.equals("ED448") ? " (" + bits + " bits)" : "";
        String extra = type.equals("DSA") ? " DSA keys are not supported:" : "";
        throw new SshKeyRuleViolation(Problem.UNSUPPORTED_TYPE, "This is " + article + type + " key" + size + ";"
                + extra + " Azure DevOps accepts only RSA keys." + CREATE_RSA);
    }

    @Override
    public void checkRsaSize(int bits) {
        if (bits < MIN_RSA_BITS) {
            throw new SshKeyRuleViolation(Problem.TOO_SMALL, "This RSA key has " + bits
                    + " bits; Azure DevOps needs at least " + MIN_RSA_BITS + "." + CREATE_RSA);
        }
    }
}
