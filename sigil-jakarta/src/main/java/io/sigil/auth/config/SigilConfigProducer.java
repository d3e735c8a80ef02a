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
 * Makes the deployment's {@link SigilSettings} injectable, and with it what they hold now: the
 * configuration, key ring, token verifier, verified-token cache and token issuer. Those are
 * dependent: each lookup gets the current one, so servlets that look them up per request
 * ({@code CDI.current().select(...)}) follow changed settings; an application-scoped bean keeps
 * what it got at injection and should inject {@link SigilSettings} instead. Thread-safe.
 */
@ApplicationScoped
public class SigilConfigProducer {

    @Inject
    SigilExtension extension;

    private volatile IssuerFor issuer;

    @Produces
    @Singleton
    SigilSettings settings() {
        return extension.settings();
    }

    @Produces
    SigilConfig config(SigilSettings settings) {
        return settings.current();
    }

    @Produces
    SigilKeys keys(SigilSettings settings) {
        return settings.current().keys();
    }

    @Produces
    TokenVerifier verifier(SigilSettings settings) {
        SigilConfig config = settings.current();
        return new TokenVerifier(config.keys().resolver(), config.policy(), Clock.systemUTC());
    }

    /** Signed tokens and, with {@code mp.jwt.decrypt.key.location}, signed-then-encrypted ones. */
    @Produces
    NestedTokenVerifier nestedVerifier(SigilSettings settings) {
        return settings.snapshot().verifier();
    }

    /** The cache of verified tokens ({@code sigil.token.cache.size}), dropped whenever the keys or settings change. */
    @Produces
    VerifiedTokenCache tokenCache(SigilSettings settings) {
        return settings.snapshot().tokenCache();
    }

    /**
     * The issuer for the current signing key and settings. Dependent, so that a request-scoped
     * bean gets the issuer of a signing key file that was replaced or of changed settings (issuer,
     * audiences, lifetime); an application-scoped bean that injects it keeps the one it got.
     */
    @Produces
    TokenIssuer issuer(SigilSettings settings) {
        SigilConfig config = settings.current();
        SigningKey key = config.keys().signingKey();
        IssuerFor known = issuer;
        if (known == null || known.key() != key || known.config() != config) {
            known = new IssuerFor(key, config, new TokenIssuer(key, config.policy().issuer(),
                    config.policy().audiences(), config.tokenLifetime(), Clock.systemUTC()));
            issuer = known;
        }
        return known.issuer();
    }

    /** An issuer, the key it signs with and the configuration it was built for. */
    private record IssuerFor(SigningKey key, SigilConfig config, TokenIssuer issuer) {
    }
}
