package io.sigil.auth.metrics;

import io.sigil.auth.config.KeyRingState;
import java.util.List;

/**
 * Renders one application's Sigil metrics in the Prometheus text format: the counters of
 * {@link SigilMetrics} and the gauges of the key ring's {@link KeyRingState}, as named by
 * {@link CounterFamily} and {@link GaugeFamily}. Every label value of every enum is written, zeros
 * included, so that a scraper sees a series from the first scrape on and a rate over it never
 * starts with a gap. Stateless and thread-safe; reads each counter once (the counters may move
 * while it reads, as with any scrape).
 */
public final class MetricsReport {

    private MetricsReport() {
    }

    /**
     * @param metrics the counters
     * @param keys    the key ring's state now
     * @return the metrics in the text format, version 0.0.4
     */
    public static String render(SigilMetrics metrics, KeyRingState keys) {
        PrometheusText text = new PrometheusText();
        for (CounterFamily family : CounterFamily.values()) {
            String name = family.baseName() + "_total";
            text.family(name, "counter", family.help());
            List<String> values = family.labelValues();
            for (int i = 0; i < values.size(); i++) {
                long count = family.count(metrics, keys, i);
                if (family.label() == null) {
                    text.sample(name, count);
                } else {
                    text.sample(name, count, family.label(), values.get(i));
                }
            }
        }
        for (GaugeFamily gauge : GaugeFamily.values()) {
            text.family(gauge.metricName(), "gauge", gauge.help()).sample(gauge.metricName(), gauge.value(keys));
        }
        return text.toString();
    }
}
