package io.sigil.auth.cli;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.NestedTokenVerifier;
import io.sigil.auth.token.VerifiedToken;
import java.time.Clock;
import java.util.Set;

/**
 * What a server checks of a token: its {@link NestedTokenVerifier}, built as
 * {@code io.sigil.auth.config.SigilConfigProducer} builds it, then the required claims, as
 * {@code io.sigil.auth.identitystore.TokenIdentityStore} checks them. Immutable and thread-safe.
 *
 * @param verifier       the verifier
 * @param requiredClaims claims that must be present and not null
 */
record ServerVerifier(NestedTokenVerifier verifier, Set<String> requiredClaims) {

    static ServerVerifier of(SigilConfig config) {
        return new ServerVerifier(config.verifier(Clock.systemUTC()), config.requiredClaims());
    }

    /**
     * @throws InvalidTokenException if the verifier refuses the token or a required claim is missing
     */
    VerifiedToken verify(String token) throws InvalidTokenException {
        VerifiedToken verified = verifier.verify(token);
        verified.requireClaims(requiredClaims);
        return verified;
    }
}
