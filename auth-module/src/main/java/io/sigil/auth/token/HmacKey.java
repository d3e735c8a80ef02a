package io.sigil.auth.token;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A symmetric signing and verification key bound to one HMAC algorithm. Immutable and
 * thread-safe: every operation works on a clone of an initialised {@link Mac}.
 */
public final class HmacKey {

    private final JwsAlgorithm algorithm;
    private final String keyId;
    private final Mac prototype;

    private HmacKey(JwsAlgorithm algorithm, String keyId, byte[] secret, String settingName) {
        if (secret == null || secret.length < algorithm.minimumKeyBytes()) {
            throw new SigilConfigurationException(settingName + " must decode to at least "
                    + algorithm.minimumKeyBytes() + " bytes (" + algorithm.minimumKeyBytes() * 8
                    + " bits) for " + algorithm);
        }
        this.algorithm = algorithm;
        this.keyId = keyId;
        try {
            this.prototype = Mac.getInstance(algorithm.jcaName());
            this.prototype.init(new SecretKeySpec(secret, algorithm.jcaName()));
        } catch (GeneralSecurityException e) {
            throw new SigilConfigurationException("the JDK cannot provide " + algorithm.jcaName(), e);
        }
    }

    /**
     * Creates an HS256 key.
     *
     * @param keyId       the {@code kid} written into tokens, or {@code null} for none
     * @param secret      the raw secret; copied, at least 32 bytes
     * @param settingName the configuration key the secret came from, named in errors
     * @throws SigilConfigurationException if the secret is shorter than 256 bits
     */
    public static HmacKey hs256(String keyId, byte[] secret, String settingName) {
        return new HmacKey(JwsAlgorithm.HS256, keyId, secret == null ? null : Arrays.copyOf(secret, secret.length),
                settingName);
    }

    /** @return the algorithm this key signs and verifies with */
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the key id, or {@code null} */
    public String keyId() {
        return keyId;
    }

    byte[] sign(byte[] signingInput) {
        return mac().doFinal(signingInput);
    }

    boolean verify(byte[] signingInput, byte[] signature) {
        return MessageDigest.isEqual(mac().doFinal(signingInput), signature);
    }

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
