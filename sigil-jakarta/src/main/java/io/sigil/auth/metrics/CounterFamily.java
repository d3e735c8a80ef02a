package io.sigil.auth.metrics;

import io.sigil.auth.config.KeyRingState;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Sigil's counters as metric families: the one place that names them, describes them and lists
 * their label values, read by every exporter (the library's Prometheus endpoint, the MicroProfile
 * Metrics and the Micrometer bridges), so that a counter is spelt the same on every server.
 * {@link #baseName()} has no {@code _total}: Prometheus text adds it, and so do the servers'
 * exporters. Each family has at most one label; an unlabelled family has one series whose label
 * value is null. Immutable.
 */
enum CounterFamily {
    TOKENS_ISSUED("sigil_tokens_issued", "Access tokens issued, by grant.", "grant",
            labels(SigilMetrics.Grant.values(), SigilMetrics.Grant::label)),
    TOKENS_ACCEPTED("sigil_tokens_accepted",
            "Presented tokens that passed signature, claims and revocation checks.", null, null),
    TOKENS_REFUSED("sigil_tokens_refused", "Presented tokens refused, by reason.", "reason",
            labels(RefusalReason.values(), RefusalReason::label)),
    SESSION_LOGINS("sigil_session_logins", "Password logins through the container (HttpSession), by result.",
            "result", labels(SigilMetrics.LoginResult.values(), SigilMetrics.LoginResult::label)),
    PASSWORD_GRANTS_REFUSED("sigil_password_grants_refused",
            "Password grants of the token endpoint or form login refused for a wrong user name or password.", null, null),
    LOGINS_THROTTLED("sigil_logins_throttled", "Password attempts held back by the login throttle (429).", null, null),
    REVOCATIONS("sigil_revocations", "Revocations, by cause.", "cause",
            labels(SigilMetrics.Revocation.values(), SigilMetrics.Revocation::label)),
    REFRESH_REUSE_DETECTED("sigil_refresh_reuse_detected",
            "Refresh tokens presented again after use; each revoked its family.", null, null),
    /** Counted by the key files' reload schedule, read from the key ring's state. */
    KEY_RELOADS("sigil_key_reloads",
            "Changed key files read again, by result (failed: the last good keys stayed in use).", "result",
            List.of("ok", "failed"));

    private final String baseName;
    private final String help;
    private final String label;
    private final List<String> labelValues;

    CounterFamily(String baseName, String help, String label, List<String> labelValues) {
        this.baseName = baseName;
        this.help = help;
        this.label = label;
        this.labelValues = labelValues == null ? Arrays.asList((String) null) : labelValues;
    }

    /** @return the name without {@code _total}, such as {@code sigil_tokens_refused} */
    String baseName() {
        return baseName;
    }

    /** @return one sentence about the counter */
    String help() {
        return help;
    }

    /** @return the label's name, or null for a family without a label */
    String label() {
        return label;
    }

    /**
     * @return the label values in the order of their series indexes (the enum's ordinals); one
     *         null element for a family without a label
     */
    List<String> labelValues() {
        return labelValues;
    }

    /**
     * Reads one series.
     *
     * @param metrics the counters of the application
     * @param keys    the key ring's state (read only for {@link #KEY_RELOADS}; may be null otherwise)
     * @param index   the series' index in {@link #labelValues()}
     * @return its count so far
     */
    long count(SigilMetrics metrics, KeyRingState keys, int index) {
        return switch (this) {
            case TOKENS_ISSUED -> metrics.tokensIssued(SigilMetrics.Grant.values()[index]);
            case TOKENS_ACCEPTED -> metrics.tokensAccepted();
            case TOKENS_REFUSED -> metrics.tokensRefused(RefusalReason.values()[index]);
            case SESSION_LOGINS -> metrics.sessionLogins(SigilMetrics.LoginResult.values()[index]);
            case PASSWORD_GRANTS_REFUSED -> metrics.passwordGrantsRefused();
            case LOGINS_THROTTLED -> metrics.loginsThrottled();
            case REVOCATIONS -> metrics.revocations(SigilMetrics.Revocation.values()[index]);
            case REFRESH_REUSE_DETECTED -> metrics.refreshReusesDetected();
            case KEY_RELOADS -> index == 0 ? keys.reloads() : keys.failedReloads();
        };
    }

    private static <E> List<String> labels(E[] values, Function<E, String> labelOf) {
        return Arrays.stream(values).map(labelOf).toList();
    }
}
