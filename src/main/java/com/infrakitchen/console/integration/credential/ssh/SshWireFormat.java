package com.infrakitchen.console.integration.credential.ssh;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads the SSH wire format (RFC 4251 section 5: a 4-byte length, then the bytes) and the public key blobs made of
 * it: the type name at their start, and their size in bits. Malformed input gives null or 0, never an exception,
 * except {@link #rsaBits(byte[])}, which refuses a damaged key.
 */
final class SshWireFormat {

    private SshWireFormat() {
    }

    /** The type name at the start of an SSH public key blob ({@code ssh-rsa}, {@code ssh-ed25519}, …). */
    static @Nullable String blobType(byte[] blob) {
        return sshString(ByteBuffer.wrap(blob));
    }

    /** The size of a public key blob of any type, for messages; 0 when unknown. */
    static int blobBits(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        String type = sshString(buffer);
        if (type == null) {
            return 0;
        }
        if (type.equals("ssh-rsa")) {
            return rsaBits(blob);
        }
        if (type.equals("ssh-dss")) {
            byte[] p = sshBytes(buffer);
            return p == null ? 0 : new BigInteger(1, p).bitLength();
        }
        if (type.startsWith("ecdsa-sha2-nistp")) {
            try {
                return Integer.parseInt(type.substring("ecdsa-sha2-nistp".length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return type.equals("ssh-ed25519") ? 256 : 0;
    }

    /** The modulus length of an {@code ssh-rsa} blob ({@code string type, mpint e, mpint n}). */
    static int rsaBits(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        sshBytes(buffer);
        sshBytes(buffer);
        byte[] n = sshBytes(buffer);
        if (n == null) {
            throw SshKeyRules.damaged();
        }
        return new BigInteger(1, n).bitLength();
    }

    static @Nullable String sshString(ByteBuffer buffer) {
        byte[] bytes = sshBytes(buffer);
        return bytes == null ? null : new String(bytes, StandardCharsets.US_ASCII);
    }

    private static byte @Nullable [] sshBytes(ByteBuffer buffer) {
        if (buffer.remaining() < 4) {
            return null;
        }
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }
}
