package io.sigil.auth.token;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JWS algorithms of RFC 7518 (and RFC 8037 for EdDSA) that Sigil signs and verifies with. A
 * key carries exactly one algorithm; the {@code alg} header of a token is only compared against
 * it, never used to choose a primitive. The enum constant's name is the JOSE name.
 * {@code none} is deliberately absent.
 */
public enum JwsAlgorithm {

    /** HMAC with SHA-256. */
    HS256(Family.HMAC, "HmacSHA256", 32, null),
    /** HMAC with SHA-384. */
    HS384(Family.HMAC, "HmacSHA384", 48, null),
    /** HMAC with SHA-512. */
    HS512(Family.HMAC, "HmacSHA512", 64, null),
    /** RSASSA-PKCS1-v1_5 with SHA-256. */
    RS256(Family.RSA, "SHA256withRSA", 0, null),
    /** RSASSA-PKCS1-v1_5 with SHA-384. */
    RS384(Family.RSA, "SHA384withRSA", 0, null),
    /** RSASSA-PKCS1-v1_5 with SHA-512. */
    RS512(Family.RSA, "SHA512withRSA", 0, null),
    /** RSASSA-PSS with SHA-256, MGF1 with SHA-256, 32-byte salt. */
    PS256(Family.RSA_PSS, "RSASSA-PSS", 32, "SHA-256"),
    /** RSASSA-PSS with SHA-384, MGF1 with SHA-384, 48-byte salt. */
    PS384(Family.RSA_PSS, "RSASSA-PSS", 48, "SHA-384"),
    /** RSASSA-PSS with SHA-512, MGF1 with SHA-512, 64-byte salt. */
    PS512(Family.RSA_PSS, "RSASSA-PSS", 64, "SHA-512"),
    /** ECDSA on P-256 with SHA-256; signature is R||S, 64 bytes. */
    ES256(Family.ECDSA, "SHA256withECDSA", 32, "secp256r1"),
    /** ECDSA on P-384 with SHA-384; signature is R||S, 96 bytes. */
    ES384(Family.ECDSA, "SHA384withECDSA", 48, "secp384r1"),
    /** ECDSA on P-521 with SHA-512; signature is R||S, 132 bytes. */
    ES512(Family.ECDSA, "SHA512withECDSA", 66, "secp521r1"),
    /** EdDSA, restricted to Ed25519 (RFC 8037); signature 64 bytes. */
    EdDSA(Family.EDDSA, "Ed25519", 64, "Ed25519");

    /** The smallest RSA modulus accepted unless a caller lowers it, in bits. */
    public static final int DEFAULT_MINIMUM_RSA_BITS = 2048;
    /** The smallest RSA modulus any caller may allow, in bits. */
    public static final int ABSOLUTE_MINIMUM_RSA_BITS = 1024;

    /** The kind of primitive behind an algorithm. */
    public enum Family {
        /** HMAC, symmetric. */
        HMAC,
        /** RSASSA-PKCS1-v1_5. */
        RSA,
        /** RSASSA-PSS. */
        RSA_PSS,
        /** ECDSA on a NIST prime curve. */
        ECDSA,
        /** EdDSA (Ed25519). */
        EDDSA
    }

    private static final Map<String, JwsAlgorithm> BY_NAME = new HashMap<>();

    static {
        for (JwsAlgorithm algorithm : values()) {
            BY_NAME.put(algorithm.name(), algorithm);
        }
    }

    private final Family family;
    private final String jcaName;
    private final int size;
    private final String parameter;
    private final AlgorithmParameterSpec signatureParameters;

    JwsAlgorithm(Family family, String jcaName, int size, String parameter) {
        this.family = family;
        this.jcaName = jcaName;
        this.size = size;
        this.parameter = parameter;
        this.signatureParameters = family == Family.RSA_PSS
                ? new PSSParameterSpec(parameter, "MGF1", new MGF1ParameterSpec(parameter), size, 1) : null;
    }

    /**
     * Looks an algorithm up by its exact, case-sensitive JOSE name.
     *
     * @param joseName the {@code alg} value, may be {@code null}
     * @return the algorithm, or empty for {@code none}, a different spelling or an unknown name
     */
    public static Optional<JwsAlgorithm> fromJoseName(String joseName) {
        return joseName == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(joseName));
    }

    /** @return the JOSE {@code alg} value, equal to {@link #name()} */
    public String joseName() {
        return name();
    }

    /** @return the kind of primitive */
    public Family family() {
        return family;
    }

    /** @return whether the algorithm uses a shared secret (HMAC) */
    public boolean isSymmetric() {
        return family == Family.HMAC;
    }

    /**
     * @return the JCA name for {@code Mac.getInstance} (HMAC) or {@code Signature.getInstance}
     *         (the others)
     */
    public String jcaName() {
        return jcaName;
    }

    /**
     * @return for HMAC the smallest secret accepted in bytes (the hash size); 0 for the others
     */
    public int minimumKeyBytes() {
        return family == Family.HMAC ? size : 0;
    }

    /**
     * @return for ECDSA the byte length of R and of S (so the JOSE signature is twice that);
     *         0 for the others
     */
    public int ecdsaComponentLength() {
        return family == Family.ECDSA ? size : 0;
    }

    /**
     * @return the standard name of the curve an ECDSA or EdDSA key must be on ({@code secp256r1},
     *         {@code secp384r1}, {@code secp521r1}, {@code Ed25519}), or {@code null}
     */
    public String curveName() {
        return family == Family.ECDSA || family == Family.EDDSA ? parameter : null;
    }

    /** @return the JWK curve name ({@code P-256}, {@code P-384}, {@code P-521}, {@code Ed25519}) or {@code null} */
    public String jwkCurveName() {
        return switch (this) {
            case ES256 -> "P-256";
            case ES384 -> "P-384";
            case ES512 -> "P-521";
            case EdDSA -> "Ed25519";
            default -> null;
        };
    }

    /** @return the JWK {@code kty} of keys for this algorithm: {@code oct}, {@code RSA}, {@code EC} or {@code OKP} */
    public String jwkKeyType() {
        return switch (family) {
            case HMAC -> "oct";
            case RSA, RSA_PSS -> "RSA";
            case ECDSA -> "EC";
            case EDDSA -> "OKP";
        };
    }

    /**
     * @return the PSS parameters (hash, MGF1 with the same hash, salt of the hash size, trailer 1)
     *         for the PS algorithms, else {@code null}
     */
    public AlgorithmParameterSpec signatureParameters() {
        return signatureParameters;
    }
}
