package io.sigil.auth.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the outside issuers of {@code sigil.issuers} in force injectable. Dependent: each lookup
 * gets the issuers of the settings in force then ({@link SigilSettings#snapshot()}), so that an
 * issuer added, removed or changed while the application runs is seen; an application-scoped
 * bean that injects them keeps what it got and should inject {@link SigilSettings} instead. The
 * produced object is immutable and thread-safe; its key sources follow their files and URLs.
 */
@ApplicationScoped
public class TrustedIssuersProducer {

    @Produces
    TrustedIssuers trustedIssuers(SigilSettings settings) {
        return settings.snapshot().issuers();
    }
}
