package io.sigil.auth.token;

/**
 * The JWS algorithms Sigil signs and verifies with. A key carries exactly one algorithm; the
 * {@code alg} header of a token is only compared against it, never used to choose.
 */
public enum JwsAlgorithm {

    /** HMAC with SHA-256, RFC 7518 section 3.2. */
    HS256("HmacSHA256", 32);

    private final String jcaName;
    private final int minimumKeyBytes;

    JwsAlgorithm(String jcaName, int minimumKeyBytes) {
        this.jcaName = jcaName;
        this.minimumKeyBytes = minimumKeyBytes;
    }

    /** @return the JCA name of the primitive, for {@code Mac.getInstance} */
    public String jcaName() {
        return jcaName;
    }

    /** @return the smallest key the algorithm accepts, in bytes (the size of the hash) */
    public int minimumKeyBytes() {
        return minimumKeyBytes;
    }
}
