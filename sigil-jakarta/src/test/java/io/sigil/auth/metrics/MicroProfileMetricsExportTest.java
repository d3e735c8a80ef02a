package io.sigil.auth.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.KeyRingState;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

/**
 * The MicroProfile Metrics bridge against a registry that records what is registered: a counter per
 * series, tagged by the label, incremented as SigilMetrics counts; the key ring's gauges; the key
 * reload counts pushed when the gauges are read.
 */
class MicroProfileMetricsExportTest {

    /** What the fake registry holds, by "name{tag=value}". */
    private final Map<String, SimpleCounter> counters = new LinkedHashMap<>();
    private final Map<String, Object[]> gauges = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final List<MetricID> removed = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private KeyRingState keys = new KeyRingState(true, 3, 2, 1, Duration.ofSeconds(75));

    private final SigilMetrics metrics = new SigilMetrics();
    private final MicroProfileMetricsExport export = new MicroProfileMetricsExport(registry(), () -> keys, nanos::get);

    @Test
    void counters_everySeriesRegistered_withTheLabelAsTag() {
        int series = 0;
        for (CounterFamily family : CounterFamily.values()) {
            series += family.labelValues().size();
        }

        assertThat(counters).hasSize(series)
                .containsKeys("sigil_tokens_accepted", "sigil_tokens_refused{reason=signature}",
                        "sigil_tokens_issued{grant=refresh}", "sigil_key_reloads{result=failed}");
        assertThat(counters.values()).allSatisfy(counter -> assertThat(counter.getCount()).isZero());
        assertThat(descriptions.get("sigil_tokens_refused")).isEqualTo("Presented tokens refused, by reason.");
    }

    @Test
    void increments_afterAttach_reachTheRegistrysCounters() {
        metrics.attach(export);

        metrics.tokenIssued(SigilMetrics.Grant.PASSWORD);
        metrics.tokenAccepted();
        metrics.tokenAccepted();
        metrics.tokenRefused(RefusalReason.SIGNATURE);
        metrics.sessionLogin(SigilMetrics.LoginResult.FAILED);
        metrics.passwordGrantRefused();
        metrics.loginThrottled();
        metrics.revoked(SigilMetrics.Revocation.LOGOUT_EVERYWHERE);
        metrics.refreshReuseDetected();

        assertThat(counters.get("sigil_tokens_issued{grant=password}").getCount()).isEqualTo(1);
        assertThat(counters.get("sigil_tokens_issued{grant=refresh}").getCount()).isZero();
        assertThat(counters.get("sigil_tokens_accepted").getCount()).isEqualTo(2);
        assertThat(counters.get("sigil_tokens_refused{reason=signature}").getCount()).isEqualTo(1);
        assertThat(counters.get("sigil_tokens_refused{reason=expired}").getCount()).isZero();
        assertThat(counters.get("sigil_session_logins{result=failed}").getCount()).isEqualTo(1);
        assertThat(counters.get("sigil_password_grants_refused").getCount()).isEqualTo(1);
        assertThat(counters.get("sigil_logins_throttled").getCount()).isEqualTo(1);
        assertThat(counters.get("sigil_revocations{cause=logout_everywhere}").getCount()).isEqualTo(1);
        assertThat(counters.get("sigil_refresh_reuse_detected").getCount()).isEqualTo(1);
        assertThat(metrics.tokensAccepted()).as("the LongAdders count as before").isEqualTo(2);
    }

    @Test
    void increments_beforeAttach_stayInSigilMetricsOnly() {
        metrics.tokenAccepted();
        metrics.attach(export);
        metrics.tokenAccepted();
        metrics.attach(CounterSink.NONE);
        metrics.tokenAccepted();

        assertThat(counters.get("sigil_tokens_accepted").getCount()).isEqualTo(1);
        assertThat(metrics.tokensAccepted()).isEqualTo(3);
    }

    @Test
    void gauges_readTheKeyRing_andPushItsReloadCounts() {
        assertThat(gauge("sigil_signing_key_usable")).isEqualTo(1L);
        assertThat(gauge("sigil_verification_keys")).isEqualTo(3L);
        assertThat(gauge("sigil_key_files_read_age_seconds")).isEqualTo(75L);
        assertThat(counters.get("sigil_key_reloads{result=ok}").getCount()).isEqualTo(2);
        assertThat(counters.get("sigil_key_reloads{result=failed}").getCount()).isEqualTo(1);

        keys = new KeyRingState(false, 3, 5, 1, Duration.ZERO);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(gauge("sigil_signing_key_usable")).isEqualTo(0L);
        assertThat(counters.get("sigil_key_reloads{result=ok}").getCount()).isEqualTo(5);
        assertThat(counters.get("sigil_key_reloads{result=failed}").getCount()).isEqualTo(1);
    }

    @Test
    void close_removesEverySeriesItRegistered() {
        export.close();

        assertThat(removed).hasSize(counters.size() + gauges.size())
                .contains(new MetricID("sigil_tokens_refused", new Tag("reason", "other")),
                        new MetricID("sigil_verification_keys"));
    }

    @SuppressWarnings("unchecked")
    private Object gauge(String name) {
        Object[] gauge = gauges.get(name);
        return ((Function<Object, Object>) gauge[1]).apply(gauge[0]);
    }

    /** A registry that implements what the export calls: counter, gauge, remove. */
    private MetricRegistry registry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetricRegistry.class},
                (proxy, method, args) -> {
                    switch (method.getName() + "/" + method.getParameterCount()) {
                        case "counter/2" -> {
                            Metadata metadata = (Metadata) args[0];
                            descriptions.put(metadata.getName(), metadata.getDescription());
                            return counters.computeIfAbsent(key(metadata.getName(), (Tag[]) args[1]), k -> new SimpleCounter());
                        }
                        case "gauge/4" -> {
                            gauges.put(((Metadata) args[0]).getName(), new Object[] {args[1], args[2]});
                            return null;
                        }
                        case "remove/1" -> {
                            removed.add((MetricID) args[0]);
                            return true;
                        }
                        default -> throw new UnsupportedOperationException(method.toString());
                    }
                });
    }

    private static String key(String name, Tag[] tags) {
        return tags.length == 0 ? name : name + Arrays.stream(tags).map(t -> t.getTagName() + "=" + t.getTagValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** A counter that counts. */
    private static final class SimpleCounter implements Counter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void inc() {
            count.incrementAndGet();
        }

        @Override
        public void inc(long n) {
            count.addAndGet(n);
        }

        @Override
        public long getCount() {
            return count.get();
        }
    }
}
