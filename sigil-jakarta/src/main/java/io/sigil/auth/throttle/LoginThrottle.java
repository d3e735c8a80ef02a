package io.sigil.auth.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Counts failed password attempts per account and per client address in a shared map (the
 * cluster's revocation map, so a second node sees the first node's failures) and tells callers
 * to wait once a counter is past its free failures ({@link ThrottlePolicy}). Callers ask
 * {@link #retryAfter} <em>before</em> any identity store hashes the password, report the
 * outcome with {@link #failed} or {@link #succeeded}, and answer 429 while a wait is due.
 *
 * <p>Entries: {@code throttle:account:<name, lowercased>} and {@code throttle:address:<address>},
 * each a string {@code <failures>:<last failure, epoch ms>}. Only {@code get}, {@code putIfAbsent},
 * {@code replace} and {@code remove} are used, as for revocations. A success removes the
 * account's counter, never the address's. A refused (throttled) attempt is not a failure: it
 * tested no password. Entries are swept {@code window} after their last failure. Thread-safe as
 * the map is.
 */
public final class LoginThrottle {

    /**
     * The request attribute (a {@link Duration}) by which the mechanism's password path tells the
     * servlet that called {@code SecurityContext.authenticate} that the attempt was throttled.
     */
    public static final String RETRY_AFTER_ATTRIBUTE = LoginThrottle.class.getName() + ".retryAfter";

    static final String PREFIX = "throttle:";
    static final String ACCOUNT = PREFIX + "account:";
    static final String ADDRESS = PREFIX + "address:";

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final int ATTEMPTS = 8;

    private final ConcurrentMap<String, Object> entries;
    private final Supplier<ThrottlePolicy> policy;
    private final Clock clock;
    private final AtomicLong nextSweep = new AtomicLong();

    /**
     * @param entries where the counters live
     * @param policy  the numbers
     * @param clock   the time source
     */
    public LoginThrottle(ConcurrentMap<String, Object> entries, ThrottlePolicy policy, Clock clock) {
        this(entries, constant(Objects.requireNonNull(policy, "policy")), clock);
    }

    /**
     * @param entries where the counters live
     * @param policy  the numbers in force, asked on every call (settings that change while the application runs)
     * @param clock   the time source
     */
    public LoginThrottle(ConcurrentMap<String, Object> entries, Supplier<ThrottlePolicy> policy, Clock clock) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Supplier<ThrottlePolicy> constant(ThrottlePolicy policy) {
        return () -> policy;
    }

    /** @return the numbers this throttle applies */
    public ThrottlePolicy policy() {
        return policy.get();
    }

    /**
     * Tells whether a password attempt must wait. Reads two entries; hashes nothing.
     *
     * @param account the user name as sent
     * @param address the client address ({@code request.getRemoteAddr()})
     * @return how long the client must wait (at least one second), or empty if it may try now
     */
    public Optional<Duration> retryAfter(String account, String address) {
        if (!policy().enabled()) {
            return Optional.empty();
        }
        long now = clock.millis();
        long wait = Math.max(waitMillis(ACCOUNT + normalize(account), policy().accountFreeFailures(), now),
                waitMillis(ADDRESS + address, policy().addressFreeFailures(), now));
        return wait <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds((wait + 999) / 1000));
    }

    /**
     * Counts a failed attempt against the account and the address; logs once when that starts a wait.
     *
     * @param account the user name as sent
     * @param address the client address
     */
    public void failed(String account, String address) {
        if (!policy().enabled()) {
            return;
        }
        long now = clock.millis();
        count(ACCOUNT + normalize(account), policy().accountFreeFailures(), now, "account " + account);
        count(ADDRESS + address, policy().addressFreeFailures(), now, "address " + address);
        sweepIfDue(now);
    }

    /**
     * Forgets the account's failures after a successful login; the address's stay.
     *
     * @param account the user name as sent
     */
    public void succeeded(String account) {
        if (policy().enabled() && account != null) {
            entries.remove(ACCOUNT + normalize(account));
        }
    }

    private long waitMillis(String key, int free, long now) {
        Counter counter = Counter.parse(entries.get(key));
        if (counter == null) {
            return 0;
        }
        return counter.last() + policy().delayAfter(counter.failures(), free).toMillis() - now;
    }

    private void count(String key, int free, long now, String subject) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Object old = entries.get(key);
            Counter counter = Counter.parse(old);
            int failures = counter == null || counter.last() + policy().window().toMillis() < now ? 1 : counter.failures() + 1;
            String next = new Counter(failures, now).format();
            boolean stored = old == null ? entries.putIfAbsent(key, next) == null : entries.replace(key, old, next);
            if (stored) {
                Duration delay = policy().delayAfter(failures, free);
                if (!delay.isZero()) {
                    LOG.warning(() -> "login throttled: " + subject + " waits " + delay.toMillis() + " ms after "
                            + failures + " failed attempts");
                }
                return;
            }
        }
        LOG.fine(() -> "throttle counter for " + subject + " is contended; this failure was not counted");
    }

    private static String normalize(String account) {
        return account == null ? "" : account.toLowerCase(Locale.ROOT);
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL.toMillis())) {
            return;
        }
        try {
            for (Map.Entry<String, Object> entry : entries.entrySet()) {
                Counter counter = entry.getKey().startsWith(PREFIX) ? Counter.parse(entry.getValue()) : null;
                if (counter != null && counter.last() + policy().window().toMillis() < now) {
                    entries.remove(entry.getKey(), entry.getValue());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "throttle sweep stopped early", e);
        }
    }

    /** One counter's value: failures and the time of the last one. */
    record Counter(int failures, long last) {

        static Counter parse(Object value) {
            if (!(value instanceof String text)) {
                return null;
            }
            int colon = text.indexOf(':');
            try {
                return colon < 0 ? null
                        : new Counter(Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        String format() {
            return failures + ":" + last;
        }
    }
}
