package io.sigil.auth.token;

import jakarta.json.JsonValue;
import java.util.Set;

/**
 * A token that passed verification: its compact form and its claims. Immutable.
 *
 * @param compact the token as presented
 * @param keyId   the {@code kid} of the key that verified it, or {@code null}
 * @param claims  the checked claims
 */
public record VerifiedToken(String compact, String keyId, JwtClaims claims) {

    /**
     * Checks that the token carries each of these claims with a value other than {@code null}
     * ({@code sigil.token.required-claims}), as {@link JwtClaims#json()} holds them.
     *
     * @param names the claims every accepted token must carry
     * @throws InvalidTokenException naming the first claim that is missing or null
     */
    public void requireClaims(Set<String> names) throws InvalidTokenException {
        for (String name : names) {
            JsonValue value = claims.json().get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                throw new InvalidTokenException("missing required claim " + name);
            }
        }
    }

    @Override
    public String toString() {
        return "VerifiedToken[name=" + claims.name() + ", jti=" + claims.tokenId() + "]";
    }
}
