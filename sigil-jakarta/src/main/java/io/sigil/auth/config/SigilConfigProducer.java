package io.sigil.auth.config;

import io.sigil.auth.identitystore.VerifiedTokenCache;
import io.sigil.auth.token.NestedTokenVerifier;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.token.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Makes the deployment's configuration, key ring, token verifier, verified-token cache and token
 * issuer injectable.
 * The produced objects are thread-safe; the key ring follows its reloading sources.
 */
@ApplicationScoped
public class SigilConfigProducer {

    @Inject
    SigilExtension extension;

    private volatile IssuerFor issuer;

    @Produces
    @Singleton
    SigilConfig config() {
        return extension.config();
    }

    @Produces
    @Singleton
    SigilKeys keys(SigilConfig config) {
        return config.keys();
    }

    @Produces
    @Singleton
    TokenVerifier verifier(SigilConfig config) {
        return new TokenVerifier(config.keys().resolver(), config.policy(), Clock.systemUTC());
    }

    /** Signed tokens and, with {@code mp.jwt.decrypt.key.location}, signed-then-encrypted ones. */
    @Produces
    @Singleton
    NestedTokenVerifier nestedVerifier(SigilConfig config) {
        return config.verifier(Clock.systemUTC());
    }

    /** The cache of verified tokens ({@code sigil.token.cache.size}), dropped whenever the keys change. */
    @Produces
    @Singleton
    VerifiedTokenCache tokenCache(SigilConfig config) {
        return new VerifiedTokenCache(config.tokenCacheSize(), config.keys()::generation, config.policy(),
                Clock.systemUTC());
    }

    /**
     * The issuer for the current signing key. Dependent, so that a request-scoped bean gets the
     * issuer of a signing key file that was replaced; an application-scoped bean that injects it
     * keeps the key it got.
     */
    @Produces
    TokenIssuer issuer(SigilConfig config) {
        SigningKey key = config.keys().signingKey();
        IssuerFor known = issuer;
        if (known == null || known.key() != key) {
            known = new IssuerFor(key, new TokenIssuer(key, config.policy().issuer(), config.policy().audiences(),
                    config.tokenLifetime(), Clock.systemUTC()));
            issuer = known;
        }
        return known.issuer();
    }

    /** An issuer and the key it signs with. */
    private record IssuerFor(SigningKey key, TokenIssuer issuer) {
    }
}
