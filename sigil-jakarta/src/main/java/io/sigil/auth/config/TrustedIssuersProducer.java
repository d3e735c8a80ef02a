package io.sigil.auth.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Makes the outside issuers of {@code sigil.issuers}, read at deployment, injectable. The
 * produced object is thread-safe; its key sources follow their files and URLs.
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
}
