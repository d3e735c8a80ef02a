package io.sigil.auth.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one application's Sigil: each is a {@link LongAdder} that the class making the
 * decision increments, so that counting costs one uncontended add on the request path and
 * nothing else (no map, no string, no lock). Label values come from small fixed enums, never
 * from a request. The counters only grow; {@link MetricsReport} renders them, and a server's metrics
 * system reads them (Micrometer) or hears each increment through a {@link CounterSink} (MicroProfile
 * Metrics).
 * <p>
 * One instance per application (added by {@code SigilExtension}); a plain {@code new
 * SigilMetrics()} works as well, for tests. Thread-safe.
 */
@ApplicationScoped
public class SigilMetrics {

    /** The grant a token was issued by. */
    public enum Grant {
        /** A user name and password (token endpoint, form login in cookie mode). */
        PASSWORD,
        /** A refresh token. */
        REFRESH;

        /** @return the label value */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a password login through the container ({@code SecurityContext.authenticate}) ended. */
    public enum LoginResult {
        /** The caller was logged in and recorded in the HttpSession. */
        OK,
        /** Wrong user name or password. */
        FAILED,
        /** No identity store could answer (503). */
        UNAVAILABLE;

        /** @return the label value */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What revoked tokens. */
    public enum Revocation {
        /** One token logged out ({@code POST <base>/logout}, the form logout). */
        LOGOUT,
        /** Every token of a caller ({@code ?everywhere=true}). */
        LOGOUT_EVERYWHERE,
        /** Every token of a caller, by a password change. */
        PASSWORD_CHANGE;

        /** @return the label value */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final LongAdder[] issued = adders(Grant.values().length);
    private final LongAdder accepted = new LongAdder();
    private final LongAdder[] refused = adders(RefusalReason.values().length);
    private final LongAdder[] sessionLogins = adders(LoginResult.values().length);
    private final LongAdder passwordGrantsRefused = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder[] revocations = adders(Revocation.values().length);
    private final LongAdder refreshReuse = new LongAdder();
    /** The server's metrics system that is pushed to, if any: one volatile read per increment. */
    private volatile CounterSink sink = CounterSink.NONE;

    /**
     * Makes every later increment also reach a server's metrics system (the MicroProfile Metrics
     * bridge); increments before this call are not repeated there.
     *
     * @param target where increments go from now on; {@link CounterSink#NONE} stops it
     */
    void attach(CounterSink target) {
        sink = target;
    }

    /** @param grant the grant that issued an access token */
    public void tokenIssued(Grant grant) {
        issued[grant.ordinal()].increment();
        sink.increment(CounterFamily.TOKENS_ISSUED, grant.ordinal());
    }

    /** Counts a presented token that passed signature, claims and revocation. */
    public void tokenAccepted() {
        accepted.increment();
        sink.increment(CounterFamily.TOKENS_ACCEPTED, 0);
    }

    /** @param reason why a presented token was refused */
    public void tokenRefused(RefusalReason reason) {
        refused[reason.ordinal()].increment();
        sink.increment(CounterFamily.TOKENS_REFUSED, reason.ordinal());
    }

    /** @param result how a password login through the container ended */
    public void sessionLogin(LoginResult result) {
        sessionLogins[result.ordinal()].increment();
        sink.increment(CounterFamily.SESSION_LOGINS, result.ordinal());
    }

    /** Counts a password grant refused for a wrong user name or password. */
    public void passwordGrantRefused() {
        passwordGrantsRefused.increment();
        sink.increment(CounterFamily.PASSWORD_GRANTS_REFUSED, 0);
    }

    /** Counts a password attempt the login throttle held back (answered 429). */
    public void loginThrottled() {
        throttled.increment();
        sink.increment(CounterFamily.LOGINS_THROTTLED, 0);
    }

    /** @param cause what revoked tokens */
    public void revoked(Revocation cause) {
        revocations[cause.ordinal()].increment();
        sink.increment(CounterFamily.REVOCATIONS, cause.ordinal());
    }

    /** Counts a refresh token presented again after it was used (its family is revoked). */
    public void refreshReuseDetected() {
        refreshReuse.increment();
        sink.increment(CounterFamily.REFRESH_REUSE_DETECTED, 0);
    }

    /** @param grant a grant @return access tokens issued by it so far */
    public long tokensIssued(Grant grant) {
        return issued[grant.ordinal()].sum();
    }

    /** @return tokens accepted so far */
    public long tokensAccepted() {
        return accepted.sum();
    }

    /** @param reason a reason @return tokens refused for it so far */
    public long tokensRefused(RefusalReason reason) {
        return refused[reason.ordinal()].sum();
    }

    /** @param result a result @return password logins through the container that ended so */
    public long sessionLogins(LoginResult result) {
        return sessionLogins[result.ordinal()].sum();
    }

    /** @return password grants refused for wrong credentials so far */
    public long passwordGrantsRefused() {
        return passwordGrantsRefused.sum();
    }

    /** @return password attempts throttled so far */
    public long loginsThrottled() {
        return throttled.sum();
    }

    /** @param cause a cause @return revocations of that cause so far */
    public long revocations(Revocation cause) {
        return revocations[cause.ordinal()].sum();
    }

    /** @return refresh token reuses detected so far */
    public long refreshReusesDetected() {
        return refreshReuse.sum();
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
