package io.sigil.auth.token;

import io.sigil.auth.token.internal.EcdsaSignatures;
import io.sigil.auth.token.internal.KeyChecks;
import io.sigil.auth.token.internal.Signatures;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;

/**
 * An RSA, RSA-PSS, ECDSA or Ed25519 private key bound to one algorithm, with the public key that
 * verifies its signatures. Immutable and thread-safe: each thread keeps its own engine.
 */
final class PrivateSigningKey implements SigningKey {

    private static final byte[] PROBE = "sigil key pair probe".getBytes(StandardCharsets.US_ASCII);

    private final JwsAlgorithm algorithm;
    private final String keyId;
    private final PrivateKey key;
    private final PublicVerificationKey verificationKey;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Signature> engines;

    PrivateSigningKey(JwsAlgorithm algorithm, String keyId, PrivateKey key, PublicVerificationKey verificationKey) {
        KeyChecks.check(algorithm, key, JwsAlgorithm.ABSOLUTE_MINIMUM_RSA_BITS);
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.key = key;
        this.verificationKey = verificationKey;
        this.engines = ThreadLocal.withInitial(() -> Signatures.newEngine(algorithm));
        byte[] probe;
        try {
            probe = sign(PROBE);
        } catch (IllegalStateException e) {
            throw new InvalidKeyMaterialException("the private key cannot sign with "
                    + algorithm, e);
        }
        if (!verificationKey.verify(PROBE, probe)) {
            throw new InvalidKeyMaterialException("the public key does not belong to "
                    + "the private key");
        }
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
    public VerificationKey verificationKey() {
        return verificationKey;
    }

    @Override
    public byte[] sign(byte[] signingInput) {
        try {
            Signature engine = engines.get();
            engine.initSign(key, random);
            if (algorithm.signatureParameters() != null) {
                engine.setParameter(algorithm.signatureParameters());
            }
            engine.update(signingInput);
            byte[] signature = engine.sign();
            return algorithm.family() == JwsAlgorithm.Family.ECDSA
                    ? EcdsaSignatures.derToRaw(signature, algorithm.ecdsaComponentLength())
                    : signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with " + algorithm + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm + (keyId == null ? "" : ", kid=" + keyId) + "]";
    }
}
