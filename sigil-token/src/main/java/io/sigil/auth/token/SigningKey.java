package io.sigil.auth.token;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A key that signs tokens with exactly one {@link JwsAlgorithm}, optionally named by a
 * {@code kid} that {@link TokenIssuer} writes into the header. Implementations are immutable and
 * thread-safe.
 */
public sealed interface SigningKey permits HmacKey, PrivateSigningKey {

    /** @return the algorithm this key signs with */
    JwsAlgorithm algorithm();

    /** @return the key id, or {@code null} when the key has none */
    String keyId();

    /**
     * Signs the signing input.
     *
     * @param signingInput the ASCII bytes of {@code header.payload}
     * @return the JWS signature (for ECDSA the JOSE form R||S)
     * @throws IllegalStateException only if the JDK's provider fails on a key it accepted before
     */
    byte[] sign(byte[] signingInput);

    /**
     * @return the key that verifies this key's signatures: the same secret for HMAC, the public
     *         key (publishable with {@link Jwk#publicJwk}) otherwise; same {@code kid}
     */
    VerificationKey verificationKey();

    /**
     * Creates an HMAC signing key.
     *
     * @see VerificationKey#hmac
     * @throws InvalidKeyMaterialException if the algorithm is not HMAC or the secret is too short
     */
    static SigningKey hmac(JwsAlgorithm algorithm, String keyId, byte[] secret) {
        return HmacKey.of(algorithm, keyId, secret);
    }

    /**
     * Creates an asymmetric signing key from a key pair. The pair is checked by signing and
     * verifying a probe, so a public key that does not belong to the private key is refused.
     *
     * @param algorithm      an RS, PS, ES algorithm or EdDSA
     * @param keyId          the {@code kid}, or {@code null}
     * @param privateKey     the private key
     * @param publicKey      its public key
     * @param minimumRsaBits the smallest RSA modulus accepted (see {@link VerificationKey#of})
     * @return the key
     * @throws InvalidKeyMaterialException if the keys do not fit the algorithm, are too weak, or
     *                                     do not form a pair
     */
    static SigningKey of(JwsAlgorithm algorithm, String keyId, PrivateKey privateKey, PublicKey publicKey,
                         int minimumRsaBits) {
        return new PrivateSigningKey(algorithm, keyId, privateKey,
                new PublicVerificationKey(algorithm, keyId, publicKey, minimumRsaBits));
    }

    /**
     * As {@link #of(JwsAlgorithm, String, PrivateKey, PublicKey, int)} with the default
     * RSA minimum.
     */
    static SigningKey of(JwsAlgorithm algorithm, String keyId, PrivateKey privateKey, PublicKey publicKey) {
        return of(algorithm, keyId, privateKey, publicKey, JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS);
    }
}
