package io.sigil.auth.config;

import io.sigil.auth.token.IssuerRouting;
import io.sigil.auth.token.NestedTokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Makes the outside issuers of {@code sigil.issuers} and the verifier that routes each token to
 * its issuer's keys injectable. The produced objects are thread-safe.
 */
@ApplicationScoped
public class TrustedIssuersProducer {

    @Inject
    SigilExtension extension;

    @Produces
    @Singleton
    TrustedIssuers trustedIssuers() {
        return extension.trustedIssuers();
    }

    /** Sigil's own tokens (signed or encrypted) to its own verifier, an outside issuer's to that issuer's keys. */
    @Produces
    @Singleton
    IssuerRouting routing(SigilConfig config, NestedTokenVerifier own, TrustedIssuers outside) {
        return outside.routing(own::verify, config.policy());
    }
}
