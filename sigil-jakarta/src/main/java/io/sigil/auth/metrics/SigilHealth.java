package io.sigil.auth.metrics;

import io.sigil.auth.config.SigilKeys;
import io.sigil.auth.revocation.RevocationStore;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * Whether Sigil can do its work in this application: UP while the signing key can sign and the
 * revocation store can be read, DOWN otherwise (a token endpoint without a signing key cannot
 * issue; without the revocation map no token can be checked against logouts). Immutable.
 *
 * @param signingKeyUsable    whether the current signing key signed a test input
 * @param revocationReachable whether the revocation store answered a read
 */
public record SigilHealth(boolean signingKeyUsable, boolean revocationReachable) {

    /**
     * Checks now; signs once (about a millisecond for RSA) and reads the revocation map once.
     *
     * @param keys        the key ring
     * @param revocations the revocation store
     * @return the result
     */
    public static SigilHealth check(SigilKeys keys, RevocationStore revocations) {
        boolean reachable;
        try {
            reachable = revocations.isReachable();
        } catch (RuntimeException e) {
            reachable = false;
        }
        return new SigilHealth(keys.state().signingKeyUsable(), reachable);
    }

    /** @return whether every check passed */
    public boolean up() {
        return signingKeyUsable && revocationReachable;
    }

    /**
     * The result as JSON, in the shape of MicroProfile Health's answer.
     *
     * @param details whether to name the checks (for a caller allowed to see them)
     * @return {@code {"status":"UP"}} or {@code "DOWN"}, with {@code checks} when asked for
     */
    public String toJson(boolean details) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("status", status(up()));
        if (details) {
            body.add("checks", Json.createArrayBuilder()
                    .add(check("sigil-signing-key", signingKeyUsable))
                    .add(check("sigil-revocation-store", revocationReachable)));
        }
        return body.build().toString();
    }

    private static JsonObjectBuilder check(String name, boolean up) {
        return Json.createObjectBuilder().add("name", name).add("status", status(up));
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
