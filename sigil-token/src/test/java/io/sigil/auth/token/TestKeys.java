package io.sigil.auth.token;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.EnumMap;
import java.util.Map;

/**
 * Test key pairs, generated once per JVM: RSA 2048 for RS/PS, the matching NIST curve for ES,
 * Ed25519 for EdDSA, and 64-byte secrets (enough for HS512) for HS. Never used in {@code main}.
 */
final class TestKeys {

    private static final Map<JwsAlgorithm, KeyPair> PAIRS = new EnumMap<>(JwsAlgorithm.class);
    private static KeyPair rsa;

    private TestKeys() {
    }

    /** @return a key pair for the asymmetric algorithm; RS and PS share one RSA pair */
    static synchronized KeyPair pair(JwsAlgorithm algorithm) {
        return PAIRS.computeIfAbsent(algorithm, TestKeys::generate);
    }

    /** @return a fresh key pair, for tests that need a second key of the same kind */
    static KeyPair freshPair(JwsAlgorithm algorithm) {
        return generateNew(algorithm);
    }

    static byte[] secret(JwsAlgorithm algorithm, long seed) {
        byte[] secret = new byte[algorithm.minimumKeyBytes()];
        new java.util.Random(seed).nextBytes(secret);
        return secret;
    }

    /** @return a signing key for any algorithm, with the given kid */
    static SigningKey signingKey(JwsAlgorithm algorithm, String kid) {
        if (algorithm.isSymmetric()) {
            return SigningKey.hmac(algorithm, kid, secret(algorithm, 7));
        }
        KeyPair pair = pair(algorithm);
        return SigningKey.of(algorithm, kid, pair.getPrivate(), pair.getPublic());
    }

    private static KeyPair generate(JwsAlgorithm algorithm) {
        if (algorithm.family() == JwsAlgorithm.Family.RSA || algorithm.family() == JwsAlgorithm.Family.RSA_PSS) {
            synchronized (TestKeys.class) {
                if (rsa == null) {
                    rsa = generateNew(algorithm);
                }
                return rsa;
            }
        }
        return generateNew(algorithm);
    }

    private static KeyPair generateNew(JwsAlgorithm algorithm) {
        try {
            switch (algorithm.family()) {
                case RSA, RSA_PSS -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    return generator.generateKeyPair();
                }
                case ECDSA -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(algorithm.curveName()));
                    return generator.generateKeyPair();
                }
                case EDDSA -> {
                    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                }
                default -> throw new IllegalArgumentException(algorithm + " has no key pair");
            }
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
