package io.sigil.auth.revocation;

import io.sigil.auth.token.JwtClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A {@link RevocationStore} over a {@code ConcurrentMap<String, Long>}: an Infinispan cache or a
 * Hazelcast map for a cluster (both implement {@code ConcurrentMap}), a {@code ConcurrentHashMap}
 * for one node. Only {@code get}, {@code putIfAbsent}, {@code replace}, {@code remove} and entry
 * iteration are used, so the map's own clustering semantics apply unchanged and no function has
 * to be sent over the wire.
 *
 * <p>Entries: {@code jti:<id>} maps to the token's {@code exp} (epoch seconds);
 * {@code caller:<name>} maps to the caller's not-before (epoch seconds). Each value says when its
 * entry becomes useless: a revoked token after its {@code exp} plus the clock skew, a not-before
 * after the longest token lifetime plus the skew. Writes sweep such entries away at most once per
 * sweep interval; reads never need to, since an expired entry can only refuse tokens that expiry
 * refuses anyway. Thread-safe as the map is.
 */
public final class MapRevocationStore implements RevocationStore {

    static final String TOKEN_PREFIX = "jti:";
    static final String CALLER_PREFIX = "caller:";

    private static final Logger LOG = Logger.getLogger(MapRevocationStore.class.getName());
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final ConcurrentMap<String, Long> entries;
    private final boolean clusterWide;
    private final Supplier<Duration> skew;
    private final Supplier<Duration> retention;
    private final Clock clock;
    private final AtomicLong nextSweep = new AtomicLong();

    /**
     * @param entries     where the entries live
     * @param clusterWide whether that map is shared by every node
     * @param skew        the clock skew tokens are verified with
     * @param retention   the longest a token can live: how long a caller's not-before is kept
     * @param clock       the time source
     */
    public MapRevocationStore(ConcurrentMap<String, Long> entries, boolean clusterWide, Duration skew,
                              Duration retention, Clock clock) {
        this(entries, clusterWide, constant(Objects.requireNonNull(skew, "skew")),
                constant(Objects.requireNonNull(retention, "retention")), clock);
    }

    /**
     * @param entries     where the entries live
     * @param clusterWide whether that map is shared by every node
     * @param skew        the clock skew in force, asked at each sweep (settings that change while
     *                    the application runs)
     * @param retention   the longest a token can live now, asked at each sweep
     * @param clock       the time source
     */
    public MapRevocationStore(ConcurrentMap<String, Long> entries, boolean clusterWide, Supplier<Duration> skew,
                              Supplier<Duration> retention, Clock clock) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.clusterWide = clusterWide;
        this.skew = Objects.requireNonNull(skew, "skew");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Supplier<Duration> constant(Duration duration) {
        return () -> duration;
    }

    @Override
    public void revokeToken(String tokenId, Instant expiresAt) {
        Objects.requireNonNull(tokenId, "tokenId");
        entries.put(TOKEN_PREFIX + tokenId, expiresAt.getEpochSecond());
        sweepIfDue();
    }

    @Override
    public void revokeAllFor(String callerName, Instant notBefore) {
        Objects.requireNonNull(callerName, "callerName");
        String key = CALLER_PREFIX + callerName;
        long limit = notBefore.getEpochSecond();
        Long current = entries.putIfAbsent(key, limit);
        while (current != null && current < limit && !entries.replace(key, current, limit)) {
            current = entries.putIfAbsent(key, limit);
        }
        sweepIfDue();
    }

    @Override
    public boolean isRevoked(JwtClaims claims) {
        if (claims.tokenId() != null && entries.containsKey(TOKEN_PREFIX + claims.tokenId())) {
            return true;
        }
        Long notBefore = entries.get(CALLER_PREFIX + claims.name());
        return notBefore != null
                && (claims.issuedAt() == null || claims.issuedAt().getEpochSecond() <= notBefore);
    }

    @Override
    public Optional<Instant> notBefore(String callerName) {
        Map<String, ?> all = entries;
        return all.get(CALLER_PREFIX + callerName) instanceof Long seconds
                ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    }

    @Override
    public boolean isClusterWide() {
        return clusterWide;
    }

    /** Reads one entry that never exists; a map whose read throws is unreachable. */
    @Override
    public boolean isReachable() {
        try {
            entries.get(CALLER_PREFIX);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the revocation map cannot be read", e);
            return false;
        }
    }

    /** Removes the entries that can no longer refuse a token, at most once per interval. */
    void sweepIfDue() {
        long now = clock.millis();
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL.toMillis())) {
            return;
        }
        long nowSeconds = now / 1000;
        int removed = 0;
        try {
            // The map may hold other entries (refresh families, throttle counters): only Long
            // values under this store's prefixes are its own.
            Map<String, ?> all = entries;
            for (Map.Entry<String, ?> entry : all.entrySet()) {
                if (entry.getValue() instanceof Long value && isUseless(entry.getKey(), value, nowSeconds)
                        && entries.remove(entry.getKey(), entry.getValue())) {
                    removed++;
                }
            }
        } catch (RuntimeException e) {
            // A sweep is housekeeping: a map that cannot be iterated now is swept next time.
            LOG.log(Level.FINE, "revocation sweep stopped early", e);
        }
        if (removed > 0) {
            int count = removed;
            LOG.fine(() -> "revocation sweep removed " + count + " expired entries");
        }
    }

    private boolean isUseless(String key, long value, long nowSeconds) {
        if (!key.startsWith(CALLER_PREFIX) && !key.startsWith(TOKEN_PREFIX)) {
            return false;
        }
        long keptFor = key.startsWith(CALLER_PREFIX) ? retention.get().plus(skew.get()).toSeconds() : skew.get().toSeconds();
        return value + keptFor < nowSeconds;
    }
}
