package io.sigil.auth.config;

import io.sigil.auth.token.KeyRing;
import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.token.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Makes the deployment's configuration, token verifier and token issuer injectable. The produced
 * objects are immutable and thread-safe.
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
    TokenVerifier verifier(SigilConfig config) {
        return new TokenVerifier(KeyRing.of(config.signingKey()), config.policy(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    TokenIssuer issuer(SigilConfig config) {
        return new TokenIssuer(config.signingKey(), config.policy().issuer(), config.policy().audiences(),
                config.tokenLifetime(), Clock.systemUTC());
    }
}
