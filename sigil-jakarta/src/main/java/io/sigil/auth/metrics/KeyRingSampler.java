package io.sigil.auth.metrics;

import io.sigil.auth.config.KeyRingState;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The key ring's state for a server's metrics system, read at most once per interval: a server
 * asks each gauge on its own, and reading the state signs a test input (about a millisecond with
 * RSA), so the gauges of one scrape share one reading. Also says by how much the key reload counts
 * grew between two readings, for a metrics system that can only be pushed to; a count that went
 * down (the key ring was built again after a configuration change, with counts from zero) grew by
 * its new value. Thread-safe (readings are serialised).
 */
final class KeyRingSampler {

    /** Hears the growth of the reload counts at each new reading. */
    interface ReloadGrowth {
        /**
         * @param ok     key files read again with success since the last reading
         * @param failed key files whose changed content was refused since the last reading
         */
        void grew(long ok, long failed);
    }

    private final Supplier<KeyRingState> source;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final ReloadGrowth growth;
    private KeyRingState last;
    private long readAt;

    /**
     * @param source   reads the state now
     * @param nanoTime the time source ({@code System::nanoTime})
     * @param interval how long one reading is used
     * @param growth   hears the growth of the reload counts (the first reading reports the counts
     *                 since deployment)
     */
    KeyRingSampler(Supplier<KeyRingState> source, LongSupplier nanoTime, Duration interval, ReloadGrowth growth) {
        this.source = source;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
        this.growth = growth;
    }

    /** @return the state, read again when the last reading is older than the interval */
    synchronized KeyRingState state() {
        long now = nanoTime.getAsLong();
        if (last == null || now - readAt >= intervalNanos) {
            KeyRingState fresh = source.get();
            long ok = grown(last == null ? 0 : last.reloads(), fresh.reloads());
            long failed = grown(last == null ? 0 : last.failedReloads(), fresh.failedReloads());
            last = fresh;
            readAt = now;
            if (ok > 0 || failed > 0) {
                growth.grew(ok, failed);
            }
        }
        return last;
    }

    /** @return how much a count grew; from a count that went down (a new key ring), its new value */
    static long grown(long before, long now) {
        return now >= before ? now - before : now;
    }
}
