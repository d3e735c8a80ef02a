package io.sigil.auth.token;

import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.EnumSet;
import java.util.Set;

/**
 * A private RSA key that decrypts the content encryption keys of encrypted tokens (JWE), bound to
 * the {@link JweAlgorithm}s it may be used with and optionally named by a {@code kid}. A token's
 * {@code alg} header is only compared with {@link #algorithms()}. Immutable and thread-safe.
 *
 * <p>Created with {@link #of} or read from key text with {@link DecryptionKeys#read}. The modulus
 * must have at least {@value #MINIMUM_RSA_BITS} bits (MicroProfile JWT 2.1 asks for 2048 or more,
 * and no setting lowers it here).
 */
public final class DecryptionKey {

    /** The smallest RSA modulus accepted for decryption, in bits. */
    public static final int MINIMUM_RSA_BITS = 2048;

    private final String keyId;
    private final RSAPrivateKey key;
    private final Set<JweAlgorithm> algorithms;

    private DecryptionKey(String keyId, RSAPrivateKey key, Set<JweAlgorithm> algorithms) {
        this.keyId = keyId;
        this.key = key;
        this.algorithms = Set.copyOf(algorithms);
    }

    /**
     * @param keyId       the {@code kid}, or {@code null}
     * @param key         an RSA private key of at least {@value #MINIMUM_RSA_BITS} bits
     * @param algorithms  the algorithms tokens for this key may use, at least one
     * @return the key
     * @throws InvalidKeyMaterialException if the key is not RSA, too small, or no algorithm is given
     */
    public static DecryptionKey of(String keyId, PrivateKey key, Set<JweAlgorithm> algorithms) {
        if (!(key instanceof RSAPrivateKey rsa)) {
            throw new InvalidKeyMaterialException("encrypted tokens need an RSA private key");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MINIMUM_RSA_BITS) {
            throw new InvalidKeyMaterialException("the RSA key has " + bits + " bits; at least "
                    + MINIMUM_RSA_BITS + " are required");
        }
        if (algorithms == null || algorithms.isEmpty()) {
            throw new InvalidKeyMaterialException("a decryption key needs an algorithm");
        }
        return new DecryptionKey(keyId, rsa, EnumSet.copyOf(algorithms));
    }

    /** @return the key id, or {@code null} when the key has none */
    public String keyId() {
        return keyId;
    }

    /** @return the algorithms tokens for this key may name in {@code alg} */
    public Set<JweAlgorithm> algorithms() {
        return algorithms;
    }

    /** @return the private key */
    RSAPrivateKey privateKey() {
        return key;
    }

    /** @return the length in bytes of an encrypted key for this key: the modulus length */
    int modulusBytes() {
        return (key.getModulus().bitLength() + 7) / 8;
    }

    @Override
    public String toString() {
        return "DecryptionKey[RSA " + key.getModulus().bitLength() + (keyId == null ? "" : " kid=" + keyId)
                + " " + algorithms + "]";
    }
}
