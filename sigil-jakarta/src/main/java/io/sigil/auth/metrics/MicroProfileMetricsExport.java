package io.sigil.auth.metrics;

import io.sigil.auth.config.KeyRingState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Sigil's metrics in a MicroProfile Metrics 5.1 registry: one {@link Counter} per series of each
 * {@link CounterFamily} (the family's label becomes a tag), looked up once here and then
 * incremented by {@link SigilMetrics} through {@link #increment}, and one gauge per
 * {@link GaugeFamily}. MicroProfile Metrics has no counter that reads a function, so counts are
 * pushed; the key reload counts, which the key ring keeps, are pushed when the gauges are read
 * (at a scrape), so they may show one scrape late. Thread-safe after construction.
 */
final class MicroProfileMetricsExport implements CounterSink {

    private final MetricRegistry registry;
    private final Counter[][] counters = new Counter[CounterFamily.values().length][];
    private final List<MetricID> registered = new ArrayList<>();

    /**
     * Registers every series (a series registered before, by an earlier start of the same
     * application, is taken over with its count).
     *
     * @param registry the application's registry
     * @param keys     reads the key ring's state
     * @param nanoTime the time source of the gauges' one-second reuse of a reading
     */
    MicroProfileMetricsExport(MetricRegistry registry, Supplier<KeyRingState> keys, LongSupplier nanoTime) {
        this.registry = registry;
        for (CounterFamily family : CounterFamily.values()) {
            List<String> values = family.labelValues();
            Counter[] series = new Counter[values.size()];
            Metadata metadata = Metadata.builder().withName(family.baseName()).withDescription(family.help()).build();
            for (int i = 0; i < series.length; i++) {
                Tag[] tags = family.label() == null ? new Tag[0] : new Tag[] {new Tag(family.label(), values.get(i))};
                series[i] = registry.counter(metadata, tags);
                registered.add(new MetricID(family.baseName(), tags));
            }
            counters[family.ordinal()] = series;
        }
        Counter[] reloads = counters[CounterFamily.KEY_RELOADS.ordinal()];
        KeyRingSampler sampler = new KeyRingSampler(keys, nanoTime, Duration.ofSeconds(1), (ok, failed) -> {
            if (ok > 0) {
                reloads[0].inc(ok);
            }
            if (failed > 0) {
                reloads[1].inc(failed);
            }
        });
        for (GaugeFamily gauge : GaugeFamily.values()) {
            Metadata metadata = Metadata.builder().withName(gauge.metricName()).withDescription(gauge.help()).build();
            registry.gauge(metadata, sampler, s -> gauge.value(s.state()));
            registered.add(new MetricID(gauge.metricName()));
        }
    }

    @Override
    public void increment(CounterFamily family, int index) {
        counters[family.ordinal()][index].inc();
    }

    /** Removes every series this export registered (the application stops). */
    void close() {
        registered.forEach(registry::remove);
    }
}
