package io.sigil.auth.token;

import java.time.Instant;

/**
 * A token Sigil has just signed. Immutable.
 *
 * @param compact   the JWS compact serialization
 * @param tokenId   its {@code jti}
 * @param expiresAt its {@code exp}
 */
public record IssuedToken(String compact, String tokenId, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[jti=" + tokenId + ", exp=" + expiresAt + "]";
    }
}
