package io.sigil.auth.config;

import io.sigil.auth.token.NestedTokenVerifier;
import io.sigil.auth.token.TokenPolicy;
import io.sigil.auth.token.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Sigil's validated configuration, read once per deployment by {@link SigilConfigLoader}.
 * Immutable.
 *
 * @param keys           the key ring: the signing key and every verification key
 * @param policy         the claim requirements for presented tokens
 * @param tokenLifetime  how long issued tokens stay valid ({@code sigil.token.lifetime})
 * @param generateSecret whether a missing secret was allowed to be generated ({@code sigil.secret.generate})
 * @param dataSource     the JNDI name of the data source of Sigil's JDBC user store, if that store
 *                       is on ({@code sigil.datasource})
 * @param realm          the realm named in {@code WWW-Authenticate} ({@code sigil.realm})
 * @param transport      where requests carry the token ({@code mp.jwt.token.header},
 *                       {@code mp.jwt.token.cookie})
 * @param requiredClaims claims every accepted token must carry ({@code sigil.token.required-claims})
 * @param jwksMaxAge     how long clients may cache the JWK Set document ({@code sigil.jwks.max-age})
 * @param tokenCacheSize how many verified tokens are remembered, so that a token presented again
 *                       skips its signature check ({@code sigil.token.cache.size}); 0 turns it off
 * @param cookies        cookie mode for browsers ({@code sigil.cookies.*})
 */
public record SigilConfig(SigilKeys keys, TokenPolicy policy, Duration tokenLifetime, boolean generateSecret,
                          Optional<String> dataSource, String realm, TokenTransport transport, Set<String> requiredClaims,
                          Duration jwksMaxAge, int tokenCacheSize, CookieMode cookies) {

    /** The largest {@code sigil.token.cache.size}. */
    public static final int MAX_TOKEN_CACHE_SIZE = 1_000_000;

    /**
     * The verifier of presented tokens, as the server builds it: signed tokens under the key ring
     * and, when {@code mp.jwt.decrypt.key.location} is set, signed-then-encrypted ones (plain
     * signed tokens then only under {@link SigilKeys#plainTokenResolver()}).
     *
     * @param clock the time source
     * @return a new verifier; thread-safe
     */
    public NestedTokenVerifier verifier(Clock clock) {
        return new NestedTokenVerifier(new TokenVerifier(keys.resolver(), policy, clock),
                keys.decryptor(policy.maxTokenLength()), new TokenVerifier(keys.plainTokenResolver(), policy, clock));
    }

    /** Checks the values that no other type checks, and copies the set. */
    public SigilConfig {
        requiredClaims = Set.copyOf(requiredClaims);
        if (realm.isBlank() || realm.contains("\"") || realm.contains("\\")) {
            throw new SigilConfigurationException(
                    "sigil.realm must be non-empty and contain no quote or backslash");
        }
        if (tokenCacheSize != 0 && (tokenCacheSize < 2 || tokenCacheSize > MAX_TOKEN_CACHE_SIZE)) {
            throw new SigilConfigurationException(SigilConfigLoader.TOKEN_CACHE_SIZE
                    + " must be 0 (off) or between 2 and " + MAX_TOKEN_CACHE_SIZE);
        }
    }
}
