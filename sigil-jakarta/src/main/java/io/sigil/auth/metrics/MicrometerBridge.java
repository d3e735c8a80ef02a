package io.sigil.auth.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.sigil.auth.config.SigilSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Publishes Sigil's metrics in the server's own Micrometer registry, where the server offers one to
 * the application as a CDI bean (WildFly with its {@code micrometer} subsystem, which then exports
 * it by OTLP and/or as a Prometheus endpoint on the management interface). {@code SigilExtension}
 * adds this bean only when the Micrometer API can be loaded, so the library never needs it
 * elsewhere. The meters read the counters of {@link SigilMetrics} when the registry publishes
 * (see {@link MicrometerExport}): nothing is added to the request path. Thread-safe.
 */
@ApplicationScoped
public class MicrometerBridge extends ServerRegistryBridge {

    @Inject
    SigilMetrics metrics;

    /** Read at each gauge reading: the key ring is replaced when the settings change. */
    @Inject
    SigilSettings settings;

    @Inject
    Instance<MeterRegistry> registries;

    @Override
    String system() {
        return "Micrometer";
    }

    @Override
    Runnable open() {
        MeterRegistry registry = registries.isResolvable() ? registries.get() : null;
        if (registry == null) {
            return null;
        }
        MicrometerExport export = new MicrometerExport(registry, metrics, () -> settings.current().keys().state(),
                System::nanoTime);
        return export::close;
    }
}
