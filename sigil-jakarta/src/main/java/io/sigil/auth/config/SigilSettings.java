package io.sigil.auth.config;

import io.sigil.auth.identitystore.VerifiedTokenCache;
import io.sigil.auth.refresh.RefreshSettings;
import io.sigil.auth.throttle.ThrottlePolicy;
import io.sigil.auth.token.NestedTokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The deployment's settings as they are now: MicroProfile Config is looked at again at most once
 * per {@value #RELOAD_INTERVAL} (default {@code PT30S}), by the first request after the interval
 * (no thread of Sigil's own; the others go on with what they have). A changed, valid value takes
 * effect at once: a new immutable {@link Snapshot} replaces the old one, with a new verifier and a
 * new verified-token cache (so a changed audience, issuer or skew is never answered from a cache
 * filled under the old policy). The key ring is built again only when a key setting changed; the
 * outside issuers of {@code sigil.issuers} are read again with every change, each keeping its key
 * source while its key location (and the settings of {@link KeySources}) stay.
 *
 * <p>An invalid value keeps the last good snapshot and is logged SEVERE naming the key, once per
 * change of the settings' text (not once per request). A changed setting that is read only when
 * the application deploys ({@link SettingKeys#FIXED_AT_DEPLOYMENT}) is logged as a WARNING once,
 * and the deployed value stays.
 *
 * <p>Per request this costs a volatile read and a clock comparison. Thread-safe: the snapshot is
 * immutable and replaced by one volatile write; one caller at a time reloads.
 */
public final class SigilSettings {

    /** How often the settings are looked at again, ISO-8601, {@code PT1S} to {@code PT24H}. */
    public static final String RELOAD_INTERVAL = "sigil.config.reload-interval";
    /** The default of {@link #RELOAD_INTERVAL}. */
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(30);

    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_RELOAD_INTERVAL = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(SigilSettings.class.getName());

    /**
     * What Sigil runs with at one moment; every part belongs to the same reading of the settings.
     *
     * @param config     the validated configuration
     * @param throttle   the login throttle's numbers ({@code sigil.throttle.*})
     * @param refresh    the refresh tokens' settings ({@code sigil.refresh.*})
     * @param verifier   the verifier of Sigil's own tokens, built from {@code config}
     * @param tokenCache the verified-token cache for {@code config}'s keys and policy: Sigil's own
     *                   tokens only
     * @param issuers    the outside issuers of {@code sigil.issuers} ({@link TrustedIssuers#none()}
     *                   when there are none)
     * @param routedCache the cache of tokens verified by the token identity store, which routes
     *                   them to Sigil's or an outside issuer's keys; emptied when any of those keys
     *                   change. Without outside issuers, {@code tokenCache} itself; with them, a
     *                   cache of its own, so that an outside token never comes out of {@code tokenCache}
     */
    public record Snapshot(SigilConfig config, ThrottlePolicy throttle, RefreshSettings refresh,
                           NestedTokenVerifier verifier, VerifiedTokenCache tokenCache, TrustedIssuers issuers,
                           VerifiedTokenCache routedCache) {

        /**
         * Builds the derived parts for a configuration without outside issuers.
         *
         * @param config   the configuration
         * @param throttle the throttle's numbers
         * @param refresh  the refresh settings
         * @param clock    the time source of the verifier and the cache
         * @return the snapshot
         */
        public static Snapshot of(SigilConfig config, ThrottlePolicy throttle, RefreshSettings refresh, Clock clock) {
            return of(config, TrustedIssuers.none(), throttle, refresh, clock);
        }

        /**
         * Builds the derived parts for a configuration and its outside issuers.
         *
         * @param config   the configuration
         * @param issuers  the outside issuers
         * @param throttle the throttle's numbers
         * @param refresh  the refresh settings
         * @param clock    the time source of the verifier and the cache
         * @return the snapshot
         */
        public static Snapshot of(SigilConfig config, TrustedIssuers issuers, ThrottlePolicy throttle,
                                  RefreshSettings refresh, Clock clock) {
            SigilKeys keys = config.keys();
            VerifiedTokenCache own = new VerifiedTokenCache(config.tokenCacheSize(), keys::generation, config.policy(),
                    clock);
            // Both generations only grow, so their sum changes exactly when either does.
            LongSupplier both = () -> keys.generation() + issuers.generation();
            return new Snapshot(config, throttle, refresh, config.verifier(clock), own, issuers, issuers.isEmpty() ? own
                    : new VerifiedTokenCache(config.tokenCacheSize(), both, config.policy(), clock));
        }
    }

    /** A snapshot, the text it was read from, and the interval it asks for; null text: never reloads. */
    private record Applied(SettingValues values, Snapshot snapshot, long intervalMillis) {
    }

    private final Supplier<Config> source;
    private final ClassLoader classLoader;
    private final Clock clock;
    private final SigilConfig deployed;
    private final Map<String, String> fixed;
    private final AtomicLong nextCheck;
    /** Whether the application may run without a secret or signing key (MP-JWT applications). */
    private final boolean mayOnlyVerify;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Applied applied;
    private volatile SettingValues lastSeen;
    private volatile boolean readFailed;

    private SigilSettings(Supplier<Config> source, ClassLoader classLoader, Clock clock, Applied first) {
        this(source, classLoader, clock, first, false);
    }

    private SigilSettings(Supplier<Config> source, ClassLoader classLoader, Clock clock, Applied first,
                          boolean mayOnlyVerify) {
        this.mayOnlyVerify = mayOnlyVerify;
        this.source = source;
        this.classLoader = classLoader;
        this.clock = clock;
        this.applied = first;
        this.lastSeen = first.values();
        this.deployed = first.snapshot().config();
        Map<String, String> atDeployment = new TreeMap<>();
        if (first.values() != null) {
            SettingKeys.FIXED_AT_DEPLOYMENT.forEach(key -> atDeployment.put(key, first.values().get(key)));
        }
        this.fixed = Map.copyOf(atDeployment);
        this.nextCheck = new AtomicLong(clock.millis() + first.intervalMillis());
    }

    /**
     * Reads the settings for the first time, as the application deploys.
     *
     * @param source      the deployment's configuration; asked again on every reload
     * @param classLoader the deployment's class loader, for {@code classpath:} key locations
     * @param clock       the time source of reloads, verifier and cache
     * @return the settings
     * @throws SigilConfigurationException if a value is missing, malformed or unsafe
     */
    public static SigilSettings load(Supplier<Config> source, ClassLoader classLoader, Clock clock) {
        return load(source, classLoader, clock, false);
    }

    /**
     * Reads the settings for the first time, as the application deploys.
     *
     * @param source        the deployment's configuration; asked again on every reload
     * @param classLoader   the deployment's class loader, for {@code classpath:} key locations
     * @param clock         the time source of reloads, verifier and cache
     * @param mayOnlyVerify whether the application may run without a secret or signing key (see
     *                      {@link SigilConfigLoader#load(Config, ClassLoader, Clock, boolean)})
     * @return the settings
     * @throws SigilConfigurationException if a value is missing, malformed or unsafe
     */
    public static SigilSettings load(Supplier<Config> source, ClassLoader classLoader, Clock clock,
                                     boolean mayOnlyVerify) {
        SettingValues values = SettingValues.read(source.get(), SettingKeys.WATCHED);
        return new SigilSettings(source, classLoader, clock, build(values, source.get(), Map.of(), classLoader,
                clock, null, mayOnlyVerify), mayOnlyVerify);
    }

    /**
     * Settings that never change, for tests and tools.
     *
     * @param snapshot what they always answer
     * @return the settings
     */
    public static SigilSettings fixed(Snapshot snapshot) {
        return new SigilSettings(null, null, Clock.systemUTC(), new Applied(null, snapshot, 0));
    }

    /**
     * Settings that never change, with the default throttle and refresh settings, for tests and tools.
     *
     * @param config what they always answer
     * @param clock  the time source of the verifier and the cache
     * @return the settings
     */
    public static SigilSettings fixed(SigilConfig config, Clock clock) {
        return fixed(Snapshot.of(config, ThrottlePolicy.defaults(), RefreshSettings.defaults(), clock));
    }

    /** @return the snapshot in force, after looking at the settings again if the interval has passed */
    public Snapshot snapshot() {
        Applied current = applied;
        if (current.intervalMillis() > 0) {
            long now = clock.millis();
            long next = nextCheck.get();
            if (now >= next && nextCheck.compareAndSet(next, now + current.intervalMillis())) {
                reload();
                return applied.snapshot();
            }
        }
        return current.snapshot();
    }

    /** @return the configuration in force, after looking at the settings again if the interval has passed */
    public SigilConfig current() {
        return snapshot().config();
    }

    /** @return the configuration the application deployed with; the settings fixed at deployment come from here */
    public SigilConfig atDeployment() {
        return deployed;
    }

    /** @return how often the settings are looked at again now ({@value #RELOAD_INTERVAL}); zero: never */
    public Duration reloadInterval() {
        return Duration.ofMillis(applied.intervalMillis());
    }

    /** Looks at the settings now; package-private, so that tests need not wait for the interval. */
    void reload() {
        if (source == null || !reloading.tryLock()) {
            return;
        }
        try {
            SettingValues seen;
            Config config;
            try {
                config = source.get();
                seen = SettingValues.read(config, SettingKeys.WATCHED);
                readFailed = false;
            } catch (RuntimeException e) {
                if (!readFailed) {
                    LOG.severe((e instanceof SigilConfigurationException ? e.getMessage()
                            : "Sigil could not read its settings (" + e.getClass().getSimpleName() + ")")
                            + "; Sigil keeps its last good settings");
                }
                readFailed = true;
                return;
            }
            SettingValues before = lastSeen;
            if (seen.equals(before)) {
                return;
            }
            lastSeen = seen;
            apply(seen, config, before.changedKeys(seen));
        } finally {
            reloading.unlock();
        }
    }

    private void apply(SettingValues seen, Config config, Set<String> changed) {
        for (String key : changed) {
            if (fixed.containsKey(key) && !seen.get(key).equals(fixed.get(key))) {
                LOG.warning(key + " changed, but it is read only when the application deploys: the deployed value"
                        + " stays until a redeploy");
            }
        }
        Applied current = applied;
        Set<String> effective = current.values().changedKeys(seen);
        effective.removeAll(fixed.keySet());
        if (effective.isEmpty()) {
            return;
        }
        try {
            Applied fresh = build(seen, config, fixed, classLoader, clock, current, mayOnlyVerify);
            applied = fresh;
            nextCheck.set(clock.millis() + fresh.intervalMillis());
            LOG.info(() -> "Sigil applied changed settings " + effective + ": issuer="
                    + fresh.snapshot().config().policy().issuer() + ", token lifetime="
                    + fresh.snapshot().config().tokenLifetime() + ", outside issuers: "
                    + fresh.snapshot().issuers().names());
        } catch (SigilConfigurationException e) {
            LOG.severe(e.getMessage() + " (changed: " + effective + "); Sigil keeps its last good settings");
        } catch (RuntimeException e) {
            LOG.severe("Sigil could not apply changed settings " + effective + " (" + e.getClass().getSimpleName()
                    + "); it keeps its last good settings");
        }
    }

    private static Applied build(SettingValues values, Config live, Map<String, String> fixed, ClassLoader classLoader,
                                 Clock clock, Applied previous, boolean mayOnlyVerify) {
        Config view = values.asConfig(live, fixed);
        Duration interval = SigilConfigLoader.duration(view, RELOAD_INTERVAL, DEFAULT_RELOAD_INTERVAL);
        if (interval.compareTo(MIN_RELOAD_INTERVAL) < 0 || interval.compareTo(MAX_RELOAD_INTERVAL) > 0) {
            throw new SigilConfigurationException(RELOAD_INTERVAL + " must be between " + MIN_RELOAD_INTERVAL
                    + " and " + MAX_RELOAD_INTERVAL);
        }
        SigilKeys keys = null;
        if (previous != null && previous.values() != null
                && previous.values().changedKeys(values).stream().noneMatch(SettingKeys.KEYS::contains)) {
            keys = previous.snapshot().config().keys();
        }
        SigilConfig config = SigilConfigLoader.load(view, classLoader, clock, keys, mayOnlyVerify);
        TrustedIssuers keptSources = TrustedIssuers.none();
        if (previous != null && previous.values() != null
                && previous.values().changedKeys(values).stream().noneMatch(SettingKeys.KEY_SOURCES::contains)) {
            keptSources = previous.snapshot().issuers();
        }
        TrustedIssuers issuers = TrustedIssuers.load(view, config.policy(), classLoader, clock, keptSources);
        Snapshot snapshot = Snapshot.of(config, issuers, ThrottlePolicy.from(view), RefreshSettings.from(view), clock);
        return new Applied(values, snapshot, interval.toMillis());
    }
}
