package io.sigil.auth.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.KeyRingState;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rendered report: every family with HELP and TYPE, every label value present, the counts as counted. */
class MetricsReportTest {

    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\]*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\]*\")*})? -?[0-9]+");

    private final SigilMetrics metrics = new SigilMetrics();
    private final KeyRingState keys = new KeyRingState(true, 3, 2, 1, Duration.ofSeconds(75));

    @Test
    void render_countsAndGauges_appearAsCounted() {
        metrics.tokenIssued(SigilMetrics.Grant.PASSWORD);
        metrics.tokenIssued(SigilMetrics.Grant.PASSWORD);
        metrics.tokenIssued(SigilMetrics.Grant.REFRESH);
        metrics.tokenAccepted();
        metrics.tokenRefused(RefusalReason.EXPIRED);
        metrics.sessionLogin(SigilMetrics.LoginResult.FAILED);
        metrics.passwordGrantRefused();
        metrics.loginThrottled();
        metrics.revoked(SigilMetrics.Revocation.LOGOUT_EVERYWHERE);
        metrics.refreshReuseDetected();

        List<String> lines = lines(MetricsReport.render(metrics, keys));

        assertThat(lines).contains(
                "sigil_tokens_issued_total{grant=\"password\"} 2",
                "sigil_tokens_issued_total{grant=\"refresh\"} 1",
                "sigil_tokens_accepted_total 1",
                "sigil_tokens_refused_total{reason=\"expired\"} 1",
                "sigil_tokens_refused_total{reason=\"signature\"} 0",
                "sigil_session_logins_total{result=\"failed\"} 1",
                "sigil_session_logins_total{result=\"ok\"} 0",
                "sigil_password_grants_refused_total 1",
                "sigil_logins_throttled_total 1",
                "sigil_revocations_total{cause=\"logout_everywhere\"} 1",
                "sigil_revocations_total{cause=\"password_change\"} 0",
                "sigil_refresh_reuse_detected_total 1",
                "sigil_key_reloads_total{result=\"ok\"} 2",
                "sigil_key_reloads_total{result=\"failed\"} 1",
                "sigil_signing_key_usable 1",
                "sigil_verification_keys 3",
                "sigil_key_files_read_age_seconds 75");
    }

    @Test
    void render_everyReason_isASeriesFromTheStart() {
        String text = MetricsReport.render(metrics, keys);

        for (RefusalReason reason : RefusalReason.values()) {
            assertThat(text).contains("sigil_tokens_refused_total{reason=\"" + reason.label() + "\"} 0\n");
        }
    }

    @Test
    void render_everyFamily_hasHelpAndTypeBeforeItsSamples() {
        List<String> lines = lines(MetricsReport.render(metrics, keys));
        String family = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("# HELP ")) {
                family = line.split(" ")[2];
                assertThat(lines.get(i + 1)).matches("# TYPE " + family + " (counter|gauge)");
                i++;
            } else {
                assertThat(line).as("a sample line").matches(SAMPLE);
                assertThat(line).startsWith(family);
            }
        }
        assertThat(lines.stream().filter(l -> l.startsWith("# TYPE")).map(l -> l.split(" ")[2])
                .collect(Collectors.toList())).doesNotHaveDuplicates().allMatch(name -> name.startsWith("sigil_"));
    }

    @Test
    void render_signingKeyUnusable_isZero() {
        KeyRingState broken = new KeyRingState(false, 0, 0, 0, Duration.ZERO);

        assertThat(lines(MetricsReport.render(metrics, broken))).contains("sigil_signing_key_usable 0");
    }

    @Test
    void render_endsWithANewline() {
        assertThat(MetricsReport.render(metrics, keys)).endsWith("\n");
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n"));
    }
}
