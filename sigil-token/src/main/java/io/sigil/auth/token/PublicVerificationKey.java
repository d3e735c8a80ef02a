package io.sigil.auth.token;

import io.sigil.auth.token.internal.EcdsaSignatures;
import io.sigil.auth.token.internal.KeyChecks;
import io.sigil.auth.token.internal.Signatures;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * An RSA, RSA-PSS, ECDSA or Ed25519 public key bound to one algorithm. Immutable and thread-safe:
 * each thread keeps its own {@link Signature} engine.
 */
final class PublicVerificationKey implements VerificationKey {

    private final JwsAlgorithm algorithm;
    private final String keyId;
    private final PublicKey key;
    private final int signatureLength;
    private final BigInteger ecOrder;
    private final ThreadLocal<Signature> engines;

    PublicVerificationKey(JwsAlgorithm algorithm, String keyId, PublicKey key, int minimumRsaBits) {
        KeyChecks.check(algorithm, key, minimumRsaBits);
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.key = key;
        this.ecOrder = key instanceof ECPublicKey ec ? ec.getParams().getOrder() : null;
        this.signatureLength = switch (algorithm.family()) {
            case RSA, RSA_PSS -> (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
            case ECDSA -> 2 * algorithm.ecdsaComponentLength();
            default -> 64;
        };
        Signatures.newEngine(algorithm); // fails now, not on the first token
        this.engines = ThreadLocal.withInitial(() -> Signatures.newEngine(algorithm));
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
    public Optional<PublicKey> publicKey() {
        return Optional.of(key);
    }

    @Override
    public boolean verify(byte[] signingInput, byte[] signature) {
        if (signingInput == null || signature == null || signature.length != signatureLength) {
            return false;
        }
        byte[] encoded = signature;
        if (ecOrder != null) {
            encoded = EcdsaSignatures.rawToDer(signature, algorithm.ecdsaComponentLength(), ecOrder);
            if (encoded == null) {
                return false;
            }
        }
        try {
            Signature engine = engines.get();
            engine.initVerify(key);
            if (algorithm.signatureParameters() != null) {
                engine.setParameter(algorithm.signatureParameters());
            }
            engine.update(signingInput);
            return engine.verify(encoded);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "VerificationKey[" + algorithm + (keyId == null ? "" : ", kid=" + keyId) + "]";
    }
}
