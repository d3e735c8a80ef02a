package io.sigil.auth.config;

import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.token.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Makes the deployment's configuration, key ring, token verifier and token issuer injectable.
 * The produced objects are thread-safe; the key ring follows its reloading sources.
 */
@ApplicationScoped
public class SigilConfigProducer {

    @Inject
    SigilExtension extension;

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

    @Produces
    @Singleton
    TokenIssuer issuer(SigilConfig config) {
        return new TokenIssuer(config.keys().signingKey(), config.policy().issuer(), config.policy().audiences(),
                config.tokenLifetime(), Clock.systemUTC());
    }
}
