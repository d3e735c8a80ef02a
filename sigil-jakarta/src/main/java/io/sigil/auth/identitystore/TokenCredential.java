package io.sigil.auth.identitystore;

import jakarta.security.enterprise.credential.Credential;

/**
 * A bearer token presented by a caller, not yet verified. Immutable. Its {@code toString} never
 * shows the token.
 *
 * @param token the compact token as presented
 */
public record TokenCredential(String token) implements Credential {

    @Override
    public String toString() {
        return "TokenCredential[" + (token == null ? 0 : token.length()) + " chars]";
    }
}
