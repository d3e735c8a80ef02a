package io.sigil.auth.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sigil.auth.config.KeyRingState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The Micrometer bridge: function counters over the LongAdders, tags from the labels, the key ring's gauges. */
class MicrometerExportTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SigilMetrics metrics = new SigilMetrics();
    private final AtomicInteger keyReads = new AtomicInteger();
    private KeyRingState keys = new KeyRingState(true, 3, 2, 1, Duration.ofSeconds(75));

    private final MicrometerExport export = new MicrometerExport(registry, metrics, () -> {
        keyReads.incrementAndGet();
        return keys;
    }, () -> 0L);

    @Test
    void counters_readTheSigilCounters_withTheirLabelsAsTags() {
        metrics.tokenIssued(SigilMetrics.Grant.PASSWORD);
        metrics.tokenIssued(SigilMetrics.Grant.PASSWORD);
        metrics.tokenAccepted();
        metrics.tokenRefused(RefusalReason.SIGNATURE);
        metrics.sessionLogin(SigilMetrics.LoginResult.OK);
        metrics.loginThrottled();
        metrics.revoked(SigilMetrics.Revocation.PASSWORD_CHANGE);
        metrics.refreshReuseDetected();
        metrics.passwordGrantRefused();

        assertThat(count("sigil_tokens_issued", "grant", "password")).isEqualTo(2);
        assertThat(count("sigil_tokens_issued", "grant", "refresh")).isZero();
        assertThat(count("sigil_tokens_accepted", null, null)).isEqualTo(1);
        assertThat(count("sigil_tokens_refused", "reason", "signature")).isEqualTo(1);
        assertThat(count("sigil_tokens_refused", "reason", "expired")).isZero();
        assertThat(count("sigil_session_logins", "result", "ok")).isEqualTo(1);
        assertThat(count("sigil_logins_throttled", null, null)).isEqualTo(1);
        assertThat(count("sigil_revocations", "cause", "password_change")).isEqualTo(1);
        assertThat(count("sigil_refresh_reuse_detected", null, null)).isEqualTo(1);
        assertThat(count("sigil_password_grants_refused", null, null)).isEqualTo(1);
    }

    @Test
    void counters_everySeriesOfEveryFamily_isRegisteredFromTheStart() {
        int series = 0;
        for (CounterFamily family : CounterFamily.values()) {
            series += family.labelValues().size();
        }

        assertThat(registry.find("sigil_tokens_refused").functionCounters()).hasSize(RefusalReason.values().length);
        assertThat(registry.getMeters()).filteredOn(m -> m.getId().getType() == Meter.Type.COUNTER)
                .hasSize(series);
        assertThat(registry.getMeters()).filteredOn(m -> m.getId().getType() == Meter.Type.GAUGE)
                .hasSize(GaugeFamily.values().length);
    }

    @Test
    void export_intoARegistryThatForwardsOnlyNameAndTagsRegistrations_publishesEveryMeterThere() {
        // WildFly's per-deployment registry passes only these methods on to the server's registry.
        SimpleMeterRegistry server = new SimpleMeterRegistry();
        SimpleMeterRegistry deployment = new SimpleMeterRegistry() {
            @Override
            public <T> T gauge(String name, Iterable<Tag> tags, T state, ToDoubleFunction<T> valueFunction) {
                return server.gauge(name, tags, state, valueFunction);
            }

            @Override
            public More more() {
                return new More() {
                    @Override
                    public <T> FunctionCounter counter(String name, Iterable<Tag> tags, T obj, ToDoubleFunction<T> countFunction) {
                        return server.more().counter(name, tags, obj, countFunction);
                    }
                };
            }

            @Override
            public RequiredSearch get(String name) {
                return server.get(name);
            }
        };
        metrics.tokenRefused(RefusalReason.EXPIRED);

        new MicrometerExport(deployment, metrics, () -> keys, () -> 0L);

        assertThat(server.get("sigil_tokens_refused").tag("reason", "expired").functionCounter().count()).isEqualTo(1);
        assertThat(server.get("sigil_verification_keys").gauge().value()).isEqualTo(3);
        assertThat(deployment.getMeters()).as("nothing stays behind in the deployment's registry").isEmpty();
    }

    @Test
    void keyRing_reloadsAndGauges_comeFromOneReading() {
        assertThat(count("sigil_key_reloads", "result", "ok")).isEqualTo(2);
        assertThat(count("sigil_key_reloads", "result", "failed")).isEqualTo(1);
        assertThat(registry.get("sigil_signing_key_usable").gauge().value()).isEqualTo(1);
        assertThat(registry.get("sigil_verification_keys").gauge().value()).isEqualTo(3);
        assertThat(registry.get("sigil_key_files_read_age_seconds").gauge().value()).isEqualTo(75);
        assertThat(keyReads).as("read once for all of them within a second (the clock stands still)").hasValue(1);
    }

    @Test
    void close_removesEveryMeter() {
        export.close();

        assertThat(registry.getMeters()).isEmpty();
    }

    private double count(String name, String tag, String value) {
        FunctionCounter counter = tag == null ? registry.get(name).functionCounter()
                : registry.get(name).tag(tag, value).functionCounter();
        return counter.count();
    }
}
