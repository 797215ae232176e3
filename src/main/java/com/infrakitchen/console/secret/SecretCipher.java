package com.infrakitchen.console.secret;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts secrets with AES-256-GCM (Tink AEAD). Every ciphertext is bound to where it is stored by
 * associated data ("integration/{id}/{column}/v1"): a ciphertext copied to another row or column does
 * not decrypt. Tink prefixes each ciphertext with the id of the key that made it, so old ciphertexts
 * keep working after a new primary key is promoted, and {@link #keyIdOf} tells which key a row uses.
 *
 * <p>The only class that holds key material (with {@link KeysetProvider}).
 */
public class SecretCipher {

    private static final byte TINK_START_BYTE = 0x01;

    private final KeysetHandle keyset;
    private final Aead aead;

    public SecretCipher(KeysetHandle keyset) {
        try {
            AeadConfig.register();
            this.keyset = keyset;
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key set cannot be used for AES-GCM encryption: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    public byte[] seal(Secret secret, String associatedData) {
        byte[] plain = secret.bytes();
        try {
            return aead.encrypt(plain, associatedData.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed for " + associatedData, e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts a secret stored at {@code associatedData}.
     *
     * @throws SecretUnreadableException with the {@link SecretUnreadableException.Reason reason}: the key set lacks
     *                                   the key, or the ciphertext does not belong to this place
     */
    public Secret open(byte @Nullable [] ciphertext, String associatedData) {
        if (ciphertext == null) {
            throw new SecretUnreadableException(associatedData, SecretUnreadableException.Reason.NOT_A_CIPHERTEXT,
                    null);
        }
        try {
            byte[] plain = aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8));
            try {
                return Secret.ofBytes(plain);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw unreadable(ciphertext, associatedData);
        }
    }

    /**
     * Why {@code ciphertext} did not decrypt: its Tink prefix names the key that made it, so a key id missing
     * from the key set is told apart from a key that is present but whose authentication failed. AES-GCM binds
     * the associated data (the row and column), so with the key present the ciphertext belongs to another place
     * (or was altered; GCM cannot tell the two apart).
     */
    private SecretUnreadableException unreadable(byte[] ciphertext, String associatedData) {
        int keyId;
        try {
            keyId = keyIdOf(ciphertext);
        } catch (IllegalArgumentException notTink) {
            return new SecretUnreadableException(associatedData, SecretUnreadableException.Reason.NOT_A_CIPHERTEXT,
                    null);
        }
        if (!enabledKeyIds().contains(keyId)) {
            return new SecretUnreadableException(associatedData, SecretUnreadableException.Reason.KEY_NOT_IN_KEY_SET,
                    keyId);
        }
        return new SecretUnreadableException(associatedData, SecretUnreadableException.Reason.NOT_FOR_THIS_PLACE,
                keyId);
    }

    /** The key id a ciphertext was made with (its 5-byte Tink prefix). */
    public static int keyIdOf(byte @Nullable [] ciphertext) {
        if (ciphertext == null || ciphertext.length < 5 || ciphertext[0] != TINK_START_BYTE) {
            throw new IllegalArgumentException("not a Tink ciphertext");
        }
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    public int primaryKeyId() {
        return keyset.getPrimary().getId();
    }

    public Set<Integer> keyIds() {
        Set<Integer> ids = new TreeSet<>();
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(keyset.getAt(i).getId());
        }
        return ids;
    }

    /**
     * The ids of the keys that can decrypt: the {@link KeyStatus#ENABLED enabled} ones. A disabled (retired) key
     * is listed by {@link #keyIds()} but opens nothing.
     */
    public Set<Integer> enabledKeyIds() {
        Set<Integer> ids = new TreeSet<>();
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getStatus() == KeyStatus.ENABLED) {
                ids.add(keyset.getAt(i).getId());
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        return "SecretCipher[primaryKeyId=" + primaryKeyId() + ", keys=" + keyIds() + "]";
    }
}
