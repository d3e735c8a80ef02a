package io.sigil.auth.token;

import java.security.PublicKey;
import java.util.Optional;

/**
 * A key that checks JWS signatures for exactly one {@link JwsAlgorithm}, optionally named by a
 * {@code kid}. The key fixes the algorithm: a token's {@code alg} header is only compared with
 * {@link #algorithm()}. Implementations are immutable and thread-safe.
 *
 * <p>Created with {@link #hmac}, {@link #of(JwsAlgorithm, String, PublicKey, int)}, or
 * from key material with {@link PemKeys}, {@link Jwk} and {@link KeyMaterial}. Every factory
 * checks the key against the algorithm (secret length, RSA size, curve) and throws
 * {@link InvalidKeyMaterialException} with the reason.
 */
public sealed interface VerificationKey permits HmacKey, PublicVerificationKey {

    /** @return the only algorithm this key verifies */
    JwsAlgorithm algorithm();

    /** @return the key id, or {@code null} when the key has none */
    String keyId();

    /**
     * Checks a signature. Never throws: a signature of the wrong length, an out-of-range ECDSA
     * value or any provider failure is simply not valid.
     *
     * @param signingInput the ASCII bytes of {@code header.payload}
     * @param signature    the decoded signature (for ECDSA the JOSE form R||S)
     * @return whether the signature is valid for this key
     */
    boolean verify(byte[] signingInput, byte[] signature);

    /** @return the public key of an asymmetric key; empty for an HMAC secret */
    Optional<PublicKey> publicKey();

    /**
     * Creates an HMAC key.
     *
     * @param algorithm   HS256, HS384 or HS512
     * @param keyId       the {@code kid}, or {@code null}
     * @param secret      the raw secret, copied; at least the hash size (32, 48, 64 bytes)
     * @return the key
     * @throws InvalidKeyMaterialException if the algorithm is not HMAC or the secret is too short
     */
    static VerificationKey hmac(JwsAlgorithm algorithm, String keyId, byte[] secret) {
        return HmacKey.of(algorithm, keyId, secret);
    }

    /**
     * Creates an asymmetric verification key with the default RSA minimum of
     * {@value JwsAlgorithm#DEFAULT_MINIMUM_RSA_BITS} bits.
     *
     * @see #of(JwsAlgorithm, String, PublicKey, int, String)
     */
    static VerificationKey of(JwsAlgorithm algorithm, String keyId, PublicKey key) {
        return of(algorithm, keyId, key, JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS);
    }

    /**
     * Creates an asymmetric verification key.
     *
     * @param algorithm      an RS, PS, ES algorithm or EdDSA
     * @param keyId          the {@code kid}, or {@code null}
     * @param key            an RSA key (RS/PS), an EC key on the algorithm's curve (ES), or an
     *                       Ed25519 key (EdDSA)
     * @param minimumRsaBits the smallest RSA modulus accepted, at least
     *                       {@value JwsAlgorithm#ABSOLUTE_MINIMUM_RSA_BITS}; callers that lower it
     *                       below {@value JwsAlgorithm#DEFAULT_MINIMUM_RSA_BITS} log a warning
     * @return the key
     * @throws InvalidKeyMaterialException if the key does not fit the algorithm or is too weak
     */
    static VerificationKey of(JwsAlgorithm algorithm, String keyId, PublicKey key, int minimumRsaBits) {
        return new PublicVerificationKey(algorithm, keyId, key, minimumRsaBits);
    }
}
