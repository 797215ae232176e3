package com.infrakitchen.console.integration.credential.ssh;

import com.infrakitchen.console.secret.Secret;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Makes new RSA key pairs on this server (JDK key generation through JSch), {@link #GENERATED_RSA_BITS} bits by
 * default. The private key comes out in OpenSSH format, not encrypted, as ssh-keygen writes it, and is read back
 * through {@link SshKeyParser} so that a generated key has the same facts as a pasted one.
 */
final class SshKeyGenerator {

    /** The size of a generated key. */
    static final int GENERATED_RSA_BITS = 4096;

    private SshKeyGenerator() {
    }

    /**
     * @param comment the comment of the public key line; control characters are removed, blank means none
     */
    static GeneratedKey generate(@Nullable String comment, int bits) {
        KeyPair pair = null;
        WipeableBuffer out = new WipeableBuffer();
        byte[] bytes = null;
        try {
            pair = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, bits);
            String clean = comment == null ? "" : comment.replaceAll("[\\p{Cntrl}]", "").strip();
            pair.setPublicKeyComment(clean);
            pair.writeOpenSSHv1PrivateKey(out, null);
            bytes = out.toByteArray();
            Secret privateKey = Secret.ofBytes(bytes);
            return new GeneratedKey(privateKey, SshKeyParser.parse(privateKey, null, KeyPolicy.ANY, false));
        } catch (JSchException e) {
            throw new IllegalStateException("RSA key generation failed: " + e.getClass().getSimpleName());
        } finally {
            if (pair != null) {
                pair.dispose();
            }
            out.wipe();
            SshKeys.wipe(bytes);
        }
    }

    /** A byte buffer whose internal array can be zeroed. */
    private static final class WipeableBuffer extends ByteArrayOutputStream {
        void wipe() {
            Arrays.fill(buf, (byte) 0);
            reset();
        }
    }
}
