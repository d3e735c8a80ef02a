package io.sigil.auth.token;

import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The key management algorithms of encrypted tokens (RFC 7518 section 4.3) that MicroProfile JWT
 * 2.1 requires, each on the JDK's {@code RSA/ECB/OAEPPadding} with explicit parameters, so that
 * no provider default decides the hash. The content is always encrypted with {@code A256GCM}.
 */
public enum JweAlgorithm {

    /** RSAES-OAEP with SHA-1 and MGF1 with SHA-1. */
    RSA_OAEP("RSA-OAEP", new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1,
            PSource.PSpecified.DEFAULT)),
    /** RSAES-OAEP with SHA-256 and MGF1 with SHA-256. */
    RSA_OAEP_256("RSA-OAEP-256", new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT));

    /** The JCA transformation of both algorithms; the parameters tell them apart. */
    static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";

    private final String joseName;
    private final OAEPParameterSpec parameters;

    JweAlgorithm(String joseName, OAEPParameterSpec parameters) {
        this.joseName = joseName;
        this.parameters = parameters;
    }

    /** @return the name in a JWE header's {@code alg} */
    public String joseName() {
        return joseName;
    }

    /** @return the OAEP parameters */
    OAEPParameterSpec parameters() {
        return parameters;
    }

    /**
     * @param name an {@code alg} value, exactly as written (case-sensitive)
     * @return the algorithm, or empty if it is not one of these
     */
    public static Optional<JweAlgorithm> fromJoseName(String name) {
        return Arrays.stream(values()).filter(a -> a.joseName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return joseName;
    }
}
