package io.sigil.auth.metrics;

import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.revocation.RevocationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@link SigilHealth} as a MicroProfile Health readiness check named {@value #NAME}, for servers
 * whose own health endpoint is on (Payara's {@code /health/ready}; WildFly's with the
 * {@code microprofile-health-smallrye} subsystem). {@code SigilExtension} adds it only when the
 * MicroProfile Health API can be loaded, so the library never needs that API elsewhere. The
 * response carries the status only: the server's endpoint may be open to anyone, and the names of
 * failing checks are for the library's own health endpoint with the metrics role. Thread-safe.
 */
@Readiness
@ApplicationScoped
public class SigilReadinessCheck implements HealthCheck {

    /** The check's name in the server's health answer. */
    public static final String NAME = "sigil";

    /** Read on every call: the key ring is replaced when the settings change. */
    @Inject
    SigilSettings settings;

    @Inject
    RevocationStore revocations;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(SigilHealth.check(settings.current().keys(), revocations).up()).build();
    }
}
