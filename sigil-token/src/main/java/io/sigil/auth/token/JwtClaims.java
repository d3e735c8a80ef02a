package io.sigil.auth.token;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of a token whose signature and policy have been checked. Immutable.
 *
 * @param name      the caller name: {@code upn}, else {@code preferred_username}, else {@code sub}
 * @param subject   {@code sub}, or {@code null}
 * @param issuer    {@code iss}
 * @param audience  {@code aud} as a set, empty when absent
 * @param groups    {@code groups}, empty when absent
 * @param issuedAt  {@code iat}, or {@code null}
 * @param expiresAt {@code exp}
 * @param tokenId   {@code jti}, or {@code null}
 * @param json      every claim, as parsed; from {@link TokenVerifier} an immutable, thread-safe
 *                  JSON-P object
 */
public record JwtClaims(String name, String subject, String issuer, Set<String> audience,
                        Set<String> groups, Instant issuedAt, Instant expiresAt, String tokenId,
                        JsonObject json) {

    /** Copies the sets. */
    public JwtClaims {
        audience = Set.copyOf(audience);
        groups = Set.copyOf(groups);
    }

    /** @return {@code jti} if present */
    public Optional<String> optionalTokenId() {
        return Optional.ofNullable(tokenId);
    }
}
