package io.sigil.auth.metrics;

import io.sigil.auth.config.KeyRingState;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Renders one application's Sigil metrics in the Prometheus text format: the counters of
 * {@link SigilMetrics} and the gauges of the key ring's {@link KeyRingState}. Every label value of
 * every enum is written, zeros included, so that a scraper sees a series from the first scrape
 * on and a rate over it never starts with a gap. Stateless and thread-safe; reads each counter
 * once (the counters may move while it reads, as with any scrape).
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
        labelled(text, "sigil_tokens_issued_total", "Access tokens issued, by grant.", "grant",
                SigilMetrics.Grant.values(), SigilMetrics.Grant::label, metrics::tokensIssued);
        single(text, "sigil_tokens_accepted_total",
                "Presented tokens that passed signature, claims and revocation checks.", metrics.tokensAccepted());
        labelled(text, "sigil_tokens_refused_total", "Presented tokens refused, by reason.", "reason",
                RefusalReason.values(), RefusalReason::label, metrics::tokensRefused);
        labelled(text, "sigil_session_logins_total", "Password logins through the container (HttpSession), by result.",
                "result", SigilMetrics.LoginResult.values(), SigilMetrics.LoginResult::label, metrics::sessionLogins);
        single(text, "sigil_password_grants_refused_total",
                "Password grants of the token endpoint or form login refused for a wrong user name or password.",
                metrics.passwordGrantsRefused());
        single(text, "sigil_logins_throttled_total", "Password attempts held back by the login throttle (429).",
                metrics.loginsThrottled());
        labelled(text, "sigil_revocations_total", "Revocations, by cause.", "cause",
                SigilMetrics.Revocation.values(), SigilMetrics.Revocation::label, metrics::revocations);
        single(text, "sigil_refresh_reuse_detected_total",
                "Refresh tokens presented again after use; each revoked its family.", metrics.refreshReusesDetected());
        text.family("sigil_key_reloads_total", "counter",
                "Changed key files read again, by result (failed: the last good keys stayed in use).");
        text.sample("sigil_key_reloads_total", keys.reloads(), "result", "ok");
        text.sample("sigil_key_reloads_total", keys.failedReloads(), "result", "failed");
        text.family("sigil_signing_key_usable", "gauge", "1 while the current signing key can sign, else 0.");
        text.sample("sigil_signing_key_usable", keys.signingKeyUsable() ? 1 : 0);
        text.family("sigil_verification_keys", "gauge", "Keys that may verify a presented token now.");
        text.sample("sigil_verification_keys", keys.verificationKeys());
        text.family("sigil_key_files_read_age_seconds", "gauge",
                "Seconds since the key files were last read with success (since deployment if none changed).");
        text.sample("sigil_key_files_read_age_seconds", keys.sinceLastRead().toSeconds());
        return text.toString();
    }

    private static void single(PrometheusText text, String name, String help, long value) {
        text.family(name, "counter", help).sample(name, value);
    }

    /** A counter family with one sample per value of a label, zeros included. */
    private static <E> void labelled(PrometheusText text, String name, String help, String label, E[] values,
                                     Function<E, String> labelOf, ToLongFunction<E> count) {
        text.family(name, "counter", help);
        for (E value : values) {
            text.sample(name, count.applyAsLong(value), label, labelOf.apply(value));
        }
    }
}
