package io.sigil.auth.revocation;

import io.sigil.auth.token.JwtClaims;
import java.time.Instant;
import java.util.Optional;

/**
 * The little state that stateless tokens need: which tokens were revoked before they expired.
 * Two kinds of entry: one token by its {@code jti}, kept until that token's {@code exp}; and a
 * per-caller not-before, which revokes every token of that caller issued ({@code iat}) at or
 * before it, kept for as long as such a token can live.
 *
 * <p>The token identity store asks {@link #isRevoked} only after a token's signature and claims
 * have been verified. In a cluster the implementation keeps its entries in the servers' own
 * distributed cache, so a revocation on one node is seen by every node. Implementations are
 * thread-safe.
 */
public interface RevocationStore {

    /**
     * Revokes one token until it expires.
     *
     * @param tokenId   the token's {@code jti}
     * @param expiresAt the token's {@code exp}; the entry may be forgotten after it
     * @throws NullPointerException if an argument is null
     */
    void revokeToken(String tokenId, Instant expiresAt);

    /**
     * Revokes every token of a caller issued at or before an instant (logout everywhere, a
     * password change). A later call with an earlier instant does not move the limit back.
     *
     * @param callerName the caller name, as tokens carry it
     * @param notBefore  tokens with an {@code iat} at or before this second are refused
     * @throws NullPointerException if an argument is null
     */
    void revokeAllFor(String callerName, Instant notBefore);

    /**
     * Tells whether a verified token has been revoked: by its {@code jti}, or by its caller's
     * not-before (a token without {@code iat} counts as issued before it).
     *
     * @param claims the claims of a token whose signature and claims passed verification
     * @return whether the token must be refused
     */
    boolean isRevoked(JwtClaims claims);

    /**
     * The caller's not-before, for what is not a token: a session login or a refresh token family
     * started at or before it has ended as well.
     *
     * @param callerName the caller name
     * @return the latest instant given to {@link #revokeAllFor} for that caller, while it is kept
     */
    Optional<Instant> notBefore(String callerName);

    /** @return whether revocations reach every node of a cluster, not just this one */
    boolean isClusterWide();

    /**
     * Tells whether the store can be read now, for a health check: a distributed map that throws
     * is not. Cheap (one read) but not meant for the request path.
     *
     * @return whether the store answered
     */
    default boolean isReachable() {
        return true;
    }
}
