package io.sigil.auth.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.sigil.auth.config.KeyRingState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sigil's metrics in a Micrometer registry: one {@link FunctionCounter} per series of each
 * {@link CounterFamily}, reading the {@code LongAdder} of {@link SigilMetrics} when the registry
 * publishes (nothing is added to the request path), and one {@link Gauge} per {@link GaugeFamily}.
 * A family's label becomes a tag. The key ring's state is read at most once a second for all of
 * them. The meters are registered through the registry's name-and-tags methods
 * ({@code more().counter(…)}, {@code gauge(…)}), not through the builders: WildFly's per-deployment
 * registry forwards only those to the server's registry (a builder's meter stays in the
 * deployment's registry and is never published), so the meters carry no description there.
 * Thread-safe after construction.
 */
final class MicrometerExport {

    private final MeterRegistry registry;
    /** Held strongly: Micrometer keeps only a weak reference to what a meter reads. */
    private final SigilMetrics metrics;
    private final KeyRingSampler sampler;
    private final List<Meter> meters = new ArrayList<>();

    /**
     * Registers every series.
     *
     * @param registry the application's registry
     * @param metrics  the counters
     * @param keys     reads the key ring's state
     * @param nanoTime the time source of the one-second reuse of a key ring reading
     */
    MicrometerExport(MeterRegistry registry, SigilMetrics metrics, Supplier<KeyRingState> keys, LongSupplier nanoTime) {
        this.registry = registry;
        this.metrics = metrics;
        this.sampler = new KeyRingSampler(keys, nanoTime, Duration.ofSeconds(1), (ok, failed) -> { });
        for (CounterFamily family : CounterFamily.values()) {
            List<String> values = family.labelValues();
            for (int i = 0; i < values.size(); i++) {
                int index = i;
                meters.add(registry.more().counter(family.baseName(), tags(family.label(), values.get(i)), this.metrics,
                        m -> family.count(m, family == CounterFamily.KEY_RELOADS ? sampler.state() : null, index)));
            }
        }
        for (GaugeFamily gauge : GaugeFamily.values()) {
            registry.gauge(gauge.metricName(), Tags.empty(), sampler, s -> gauge.value(s.state()));
            meters.add(registry.get(gauge.metricName()).gauge());
        }
    }

    private static Tags tags(String label, String value) {
        return label == null ? Tags.empty() : Tags.of(label, value);
    }

    /** Removes every meter this export registered (the application stops). */
    void close() {
        meters.forEach(registry::remove);
    }
}
