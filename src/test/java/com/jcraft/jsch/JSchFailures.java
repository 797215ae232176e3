package com.jcraft.jsch;

/**
 * Test-only access to JSch's package-private exception constructors, so that each row of the SSH failure table
 * can be tested with the very exception JSch throws.
 */
public final class JSchFailures {

    private JSchFailures() {
    }

    public static JSchException algorithmNegotiation(String algorithm, String jsch, String server) {
        return new JSchAlgoNegoFailException(0, jsch, server) {
            @Override
            public String getAlgorithmName() {
                return algorithm;
            }
        };
    }

    public static JSchException changedHostKey() {
        return new JSchChangedHostKeyException("HostKey has been changed: [127.0.0.1]:2222");
    }

    public static JSchException revokedHostKey() {
        return new JSchRevokedHostKeyException("revoked HostKey: [127.0.0.1]:2222");
    }

    public static JSchException unknownHostKey() {
        return new JSchUnknownHostKeyException("UnknownHostKey: [127.0.0.1]:2222. RSA key fingerprint is SHA256:x");
    }
}
