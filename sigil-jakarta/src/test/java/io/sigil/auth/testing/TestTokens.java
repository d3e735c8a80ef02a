package io.sigil.auth.testing;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.IssuedToken;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.token.TokenVerifier;
import io.sigil.auth.token.VerifiedToken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Real tokens for tests: signed by the core's {@link TokenIssuer} with a configuration's signing
 * key (or another key), verified by the core's {@link TokenVerifier} with its key ring and policy.
 * Immutable and thread-safe.
 */
public final class TestTokens {

    /** The instant tests issue and verify at unless they move the clock. */
    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    /** A clock fixed at {@link #NOW}. */
    public static final Clock CLOCK = at(NOW);

    private final SigilConfig config;
    private final Clock clock;

    /**
     * @param config the configuration whose keys and policy tokens are made and checked with
     * @param clock  when tokens are issued
     */
    public TestTokens(SigilConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** @return a clock fixed at the instant */
    public static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** @return a token for the caller, signed with the configuration's signing key */
    public IssuedToken issue(String name, String... groups) {
        return issue(config.keys().signingKey(), name, groups);
    }

    /** @return a token for the caller, signed with the given key and the configuration's issuer */
    public IssuedToken issue(SigningKey key, String name, String... groups) {
        return new TokenIssuer(key, config.policy().issuer(), config.policy().audiences(), config.tokenLifetime(),
                clock).issue(name, Set.of(groups));
    }

    /** @return a verifier with the configuration's keys and policy, reading the time from the clock */
    public TokenVerifier verifier(Clock now) {
        return new TokenVerifier(config.keys().resolver(), config.policy(), now);
    }

    /** @return the token, verified at the issuing clock's time; a test error if it does not verify */
    public VerifiedToken verified(String compact) {
        try {
            return verifier(clock).verify(compact);
        } catch (InvalidTokenException e) {
            throw new AssertionError("a test token did not verify: " + e.reason(), e);
        }
    }
}
