package io.sigil.auth.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.KeyRingState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One reading of the key ring per interval, and the growth of the reload counts between readings. */
class KeyRingSamplerTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final List<long[]> growth = new ArrayList<>();
    private KeyRingState current = state(0, 0);

    private final KeyRingSampler sampler = new KeyRingSampler(() -> {
        reads.incrementAndGet();
        return current;
    }, nanos::get, Duration.ofSeconds(1), (ok, failed) -> growth.add(new long[] {ok, failed}));

    @Test
    void state_withinTheInterval_isReadOnce() {
        sampler.state();
        nanos.addAndGet(999_999_999L);
        sampler.state();
        sampler.state();

        assertThat(reads).hasValue(1);
    }

    @Test
    void state_afterTheInterval_isReadAgain() {
        sampler.state();
        current = state(0, 0);
        nanos.addAndGet(1_000_000_000L);

        assertThat(sampler.state()).isSameAs(current);
        assertThat(reads).hasValue(2);
    }

    @Test
    void state_firstReading_reportsTheCountsSinceDeployment() {
        current = state(2, 1);

        sampler.state();

        assertThat(growth).containsExactly(new long[] {2, 1});
    }

    @Test
    void state_countsGrew_reportsOnlyTheGrowth() {
        current = state(2, 1);
        sampler.state();
        current = state(5, 1);
        nanos.addAndGet(2_000_000_000L);

        sampler.state();

        assertThat(growth).containsExactly(new long[] {2, 1}, new long[] {3, 0});
    }

    @Test
    void state_nothingGrew_reportsNothing() {
        sampler.state();
        nanos.addAndGet(2_000_000_000L);
        sampler.state();

        assertThat(growth).isEmpty();
    }

    @Test
    void grown_countWentDown_isTheNewCount() {
        // A configuration change built a new key ring, whose counts start from zero.
        assertThat(KeyRingSampler.grown(7, 2)).isEqualTo(2);
        assertThat(KeyRingSampler.grown(7, 9)).isEqualTo(2);
        assertThat(KeyRingSampler.grown(0, 0)).isZero();
    }

    private static KeyRingState state(long reloads, long failed) {
        return new KeyRingState(true, 2, reloads, failed, Duration.ofSeconds(3));
    }
}
