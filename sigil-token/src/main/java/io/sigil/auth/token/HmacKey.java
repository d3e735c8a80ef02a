package io.sigil.auth.token;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A shared secret bound to one HMAC algorithm (HS256, HS384 or HS512): it both signs and
 * verifies. Immutable and thread-safe: every operation works on its own clone of an initialised
 * {@link Mac}; MACs are compared with {@link MessageDigest#isEqual}. Never published as a JWK.
 */
public final class HmacKey implements SigningKey, VerificationKey {

    private final JwsAlgorithm algorithm;
    private final String keyId;
    private final Mac prototype;

    private HmacKey(JwsAlgorithm algorithm, String keyId, byte[] secret) {
        if (algorithm == null || !algorithm.isSymmetric()) {
            throw new InvalidKeyMaterialException("a secret can only be used with HS256, HS384 "
                    + "or HS512, not " + algorithm);
        }
        if (secret == null || secret.length < algorithm.minimumKeyBytes()) {
            throw new InvalidKeyMaterialException("the secret must decode to at least "
                    + algorithm.minimumKeyBytes() + " bytes (" + algorithm.minimumKeyBytes() * 8
                    + " bits) for " + algorithm);
        }
        this.algorithm = algorithm;
        this.keyId = keyId;
        try {
            this.prototype = Mac.getInstance(algorithm.jcaName());
            this.prototype.init(new SecretKeySpec(secret, algorithm.jcaName()));
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyMaterialException("the JDK cannot provide " + algorithm.jcaName(), e);
        }
    }

    /**
     * Creates an HMAC key.
     *
     * @param algorithm   HS256, HS384 or HS512
     * @param keyId       the {@code kid} written into tokens, or {@code null} for none
     * @param secret      the raw secret; copied; at least the hash size (32, 48 or 64 bytes)
     * @return the key
     * @throws InvalidKeyMaterialException if the algorithm is not HMAC or the secret is too short
     */
    public static HmacKey of(JwsAlgorithm algorithm, String keyId, byte[] secret) {
        return new HmacKey(algorithm, keyId, secret == null ? null : Arrays.copyOf(secret, secret.length));
    }

    /**
     * Creates an HS256 key.
     *
     * @param keyId       the {@code kid} written into tokens, or {@code null} for none
     * @param secret      the raw secret; copied, at least 32 bytes
     * @return the key
     * @throws InvalidKeyMaterialException if the secret is shorter than 256 bits
     */
    public static HmacKey hs256(String keyId, byte[] secret) {
        return of(JwsAlgorithm.HS256, keyId, secret);
    }

    @Override
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] signingInput) {
        return mac().doFinal(signingInput);
    }

    @Override
    public boolean verify(byte[] signingInput, byte[] signature) {
        return signature != null && MessageDigest.isEqual(mac().doFinal(signingInput), signature);
    }

    /** @return this key, which verifies what it signs */
    @Override
    public VerificationKey verificationKey() {
        return this;
    }

    /** @return always empty: a secret has no public half */
    @Override
    public Optional<PublicKey> publicKey() {
        return Optional.empty();
    }

    /** @return a fresh clone of the initialised prototype, which is never used itself */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("Mac " + algorithm.jcaName() + " cannot be cloned", e);
        }
    }

    @Override
    public String toString() {
        return "HmacKey[" + algorithm + (keyId == null ? "" : ", kid=" + keyId) + "]";
    }
}
