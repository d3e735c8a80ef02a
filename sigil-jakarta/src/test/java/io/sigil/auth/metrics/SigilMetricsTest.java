package io.sigil.auth.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counter set: each counter counts its own events, also from many threads at once. */
class SigilMetricsTest {

    private final SigilMetrics metrics = new SigilMetrics();

    @Test
    void counters_startAtZero() {
        assertThat(metrics.tokensAccepted()).isZero();
        for (RefusalReason reason : RefusalReason.values()) {
            assertThat(metrics.tokensRefused(reason)).isZero();
        }
        assertThat(metrics.tokensIssued(SigilMetrics.Grant.REFRESH)).isZero();
        assertThat(metrics.refreshReusesDetected()).isZero();
    }

    @Test
    void labelledCounters_countEachLabelApart() {
        metrics.tokenRefused(RefusalReason.AUDIENCE);
        metrics.tokenRefused(RefusalReason.AUDIENCE);
        metrics.tokenRefused(RefusalReason.ISSUER);
        metrics.revoked(SigilMetrics.Revocation.LOGOUT);
        metrics.sessionLogin(SigilMetrics.LoginResult.UNAVAILABLE);

        assertThat(metrics.tokensRefused(RefusalReason.AUDIENCE)).isEqualTo(2);
        assertThat(metrics.tokensRefused(RefusalReason.ISSUER)).isEqualTo(1);
        assertThat(metrics.tokensRefused(RefusalReason.EXPIRED)).isZero();
        assertThat(metrics.revocations(SigilMetrics.Revocation.LOGOUT)).isEqualTo(1);
        assertThat(metrics.revocations(SigilMetrics.Revocation.LOGOUT_EVERYWHERE)).isZero();
        assertThat(metrics.sessionLogins(SigilMetrics.LoginResult.UNAVAILABLE)).isEqualTo(1);
    }

    @Test
    void tokenAccepted_fromManyThreads_losesNoCount() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    metrics.tokenAccepted();
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(metrics.tokensAccepted()).isEqualTo(40_000);
    }

    @Test
    void labels_areLowerCaseNames() {
        assertThat(SigilMetrics.Grant.PASSWORD.label()).isEqualTo("password");
        assertThat(SigilMetrics.Revocation.LOGOUT_EVERYWHERE.label()).isEqualTo("logout_everywhere");
        assertThat(SigilMetrics.LoginResult.OK.label()).isEqualTo("ok");
    }
}
