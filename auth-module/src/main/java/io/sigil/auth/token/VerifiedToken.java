package io.sigil.auth.token;

/**
 * A token that passed verification: its compact form and its claims. Immutable.
 *
 * @param compact the token as presented
 * @param keyId   the {@code kid} of the key that verified it, or {@code null}
 * @param claims  the checked claims
 */
public record VerifiedToken(String compact, String keyId, JwtClaims claims) {

    @Override
    public String toString() {
        return "VerifiedToken[name=" + claims.name() + ", jti=" + claims.tokenId() + "]";
    }
}
