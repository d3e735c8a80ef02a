package io.sigil.auth.metrics;

/**
 * Hears every increment of {@link SigilMetrics}, for a metrics system that can only be pushed to
 * (MicroProfile Metrics has no counter that reads a function). Each method is called on the
 * request path right after the {@code LongAdder}'s increment, so an implementation must do no more
 * than increment counters it looked up beforehand: no lookup, no allocation, no lock. The indexes
 * are the series indexes of {@link CounterFamily#labelValues()}. Implementations are thread-safe.
 */
interface CounterSink {

    /** Hears nothing. */
    CounterSink NONE = (family, index) -> { };

    /**
     * @param family the counter that grew by one
     * @param index  the series, by its label value's index (0 for a family without a label)
     */
    void increment(CounterFamily family, int index);
}
