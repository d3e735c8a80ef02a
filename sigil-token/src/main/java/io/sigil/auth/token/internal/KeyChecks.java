package io.sigil.auth.token.internal;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.InvalidKeyMaterialException;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.EnumMap;
import java.util.Map;

/**
 * Checks that an asymmetric key fits an algorithm: the right type, an RSA modulus of at least the
 * minimum and without a structural weakness ({@link WeakRsaKeys}), the curve the algorithm names
 * with the public point on it. Stateless and thread-safe.
 */
public final class KeyChecks {

    private static final Map<JwsAlgorithm, ECParameterSpec> CURVES = new EnumMap<>(JwsAlgorithm.class);

    static {
        for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
            if (algorithm.family() == JwsAlgorithm.Family.ECDSA) {
                CURVES.put(algorithm, standardCurve(algorithm.curveName()));
            }
        }
    }

    private KeyChecks() {
    }

    /** @return the JDK's parameters of a named curve such as {@code secp256r1} */
    static ECParameterSpec standardCurve(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyMaterialException("the JDK does not support the curve " + name, e);
        }
    }

    /** @return the parameters of the curve an ES algorithm requires */
    public static ECParameterSpec curve(JwsAlgorithm algorithm) {
        return CURVES.get(algorithm);
    }

    public static void checkMinimumRsaBits(int minimumRsaBits) {
        if (minimumRsaBits < JwsAlgorithm.ABSOLUTE_MINIMUM_RSA_BITS) {
            throw new InvalidKeyMaterialException("the minimum RSA key size must be at least "
                    + JwsAlgorithm.ABSOLUTE_MINIMUM_RSA_BITS + " bits");
        }
    }

    /**
     * @throws InvalidKeyMaterialException if the key does not fit
     */
    public static void check(JwsAlgorithm algorithm, Key key, int minimumRsaBits) {
        checkMinimumRsaBits(minimumRsaBits);
        if (algorithm == null || key == null) {
            throw new InvalidKeyMaterialException("a key and its algorithm are required");
        }
        switch (algorithm.family()) {
            case HMAC -> throw new InvalidKeyMaterialException(algorithm
                    + " needs a secret, not a public or private key");
            case RSA, RSA_PSS -> {
                if (!(key instanceof RSAKey rsa)) {
                    throw wrongType(algorithm, "an RSA");
                }
                int bits = rsa.getModulus().bitLength();
                if (bits < minimumRsaBits) {
                    throw new InvalidKeyMaterialException("the RSA key has " + bits
                            + " bits; at least " + minimumRsaBits + " are required");
                }
                if (key instanceof RSAPublicKey rsaPublic) {
                    WeakRsaKeys.check(rsaPublic.getModulus(), rsaPublic.getPublicExponent());
                }
            }
            case ECDSA -> {
                if (!(key instanceof ECKey ec)) {
                    throw wrongType(algorithm, "an EC");
                }
                if (!sameCurve(ec.getParams(), CURVES.get(algorithm))) {
                    throw new InvalidKeyMaterialException(algorithm
                            + " requires a key on " + algorithm.jwkCurveName());
                }
                if (key instanceof ECPublicKey point
                        && !EcPoints.isOnCurve(point.getW().getAffineX(), point.getW().getAffineY(), ec.getParams())) {
                    throw new InvalidKeyMaterialException("the EC public key's point is not on "
                            + algorithm.jwkCurveName());
                }
            }
            case EDDSA -> {
                if (!(key instanceof EdECKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
                    throw wrongType(algorithm, "an Ed25519");
                }
            }
            default -> throw new AssertionError(algorithm);
        }
    }

    public static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a != null && b != null
                && a.getOrder().equals(b.getOrder())
                && a.getCofactor() == b.getCofactor()
                && a.getGenerator().equals(b.getGenerator())
                && a.getCurve().equals(b.getCurve());
    }

    private static InvalidKeyMaterialException wrongType(JwsAlgorithm algorithm, String type) {
        return new InvalidKeyMaterialException(algorithm + " requires " + type + " key");
    }
}
