package io.sigil.auth.metrics;

import io.sigil.auth.config.SigilSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Publishes Sigil's metrics in the server's own MicroProfile Metrics registry (application scope),
 * where the server runs MicroProfile Metrics (Payara Server and Payara Micro, on by default at
 * {@code /metrics}). {@code SigilExtension} adds this bean only when the MicroProfile Metrics API
 * can be loaded, so the library never needs that API elsewhere. The counters of
 * {@link SigilMetrics} are pushed as they grow (see {@link MicroProfileMetricsExport}): one more
 * counter increment per decision. Thread-safe.
 */
@ApplicationScoped
public class MicroProfileMetricsBridge extends ServerRegistryBridge {

    @Inject
    SigilMetrics metrics;

    /** Read at each gauge reading: the key ring is replaced when the settings change. */
    @Inject
    SigilSettings settings;

    @Inject
    Instance<MetricRegistry> registries;

    @Override
    String system() {
        return "MicroProfile Metrics";
    }

    @Override
    Runnable open() {
        if (!registries.isResolvable()) {
            return null;
        }
        MicroProfileMetricsExport export = new MicroProfileMetricsExport(registries.get(),
                () -> settings.current().keys().state(), System::nanoTime);
        metrics.attach(export);
        // SigilMetrics is not detached on close: it may be destroyed already, and stops with the application.
        return export::close;
    }
}
