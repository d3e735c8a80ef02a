package io.sigil.auth.revocation;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.config.SigilConfigurationException;
import io.sigil.auth.refresh.RefreshFamilies;
import io.sigil.auth.refresh.RefreshSettings;
import io.sigil.auth.throttle.LoginThrottle;
import io.sigil.auth.throttle.ThrottlePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the deployment's {@link RevocationStore}, {@link RefreshFamilies} and {@link LoginThrottle}
 * injectable; the three share one map, so whatever reaches every node for revocations reaches it
 * for refresh families and throttle counters too, under their own key prefixes. With {@code sigil.revocation.cache}
 * set, the entries live in the server's distributed map found under that JNDI name (see
 * {@link RevocationMaps}); without it they live in this node only, which is logged once as a
 * warning: a token revoked on one node then stays valid on the others until it expires.
 * A wrong name fails the deployment: {@code SigilExtension} calls {@link #checkConfiguredCache}
 * while the application deploys; {@link #resolveAtStart} checks again when it starts.
 */
@ApplicationScoped
public class RevocationStoreProducer {

    /** JNDI name of the distributed map (or data grid) that holds revocations. */
    public static final String CACHE_KEY = "sigil.revocation.cache";
    /** Name of the map asked of a data grid instance. */
    public static final String MAP_KEY = "sigil.revocation.map";
    /** The default of {@link #MAP_KEY}. */
    public static final String DEFAULT_MAP = "sigil-revocation";

    private static final Logger LOG = Logger.getLogger(RevocationStoreProducer.class.getName());

    @Inject
    SigilSettings settings;

    private volatile Shared shared;

    @Produces
    @Singleton
    RevocationStore store() {
        return shared().store();
    }

    @Produces
    @Singleton
    LoginThrottle throttle() {
        ThrottlePolicy policy = settings.snapshot().throttle();
        if (!policy.enabled()) {
            LOG.warning(ThrottlePolicy.PREFIX + "enabled=false: failed password attempts are not throttled");
        } else {
            LOG.info(() -> "login throttling: " + policy);
        }
        return new LoginThrottle(shared().map(), () -> settings.snapshot().throttle(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    RefreshFamilies refreshFamilies() {
        RefreshSettings refresh = settings.snapshot().refresh();
        LOG.info(() -> "refresh tokens: " + refresh);
        return new RefreshFamilies(shared().map(), () -> settings.snapshot().refresh(), shared().store(),
                Clock.systemUTC());
    }

    /** The map and the store over it, resolved once. */
    private synchronized Shared shared() {
        if (shared == null) {
            shared = resolve(ConfigProvider.getConfig());
        }
        return shared;
    }

    /** The shared map, seen untyped by the refresh families and the throttle, and the store over it. */
    private record Shared(ConcurrentMap<String, Object> map, RevocationStore store) {
    }

    /**
     * The store as {@code mpConfig} configures it; package-private, so that unit tests can pass a
     * configuration of their own.
     *
     * @throws SigilConfigurationException if {@value #CACHE_KEY} names nothing usable
     */
    RevocationStore store(Config mpConfig) {
        return resolve(mpConfig).store();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Shared resolve(Config mpConfig) {
        // Settings change while the application runs: the skew in force, and the longest lifetime
        // any token issued since deployment may have (a shortened lifetime does not shorten those).
        Supplier<Duration> skew = () -> settings.current().policy().clockSkew();
        AtomicReference<Duration> longest = new AtomicReference<>(Duration.ZERO);
        Supplier<Duration> retention = () -> longest.accumulateAndGet(retention(settings.current()),
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
        Optional<String> cache = value(mpConfig, CACHE_KEY);
        if (cache.isEmpty()) {
            LOG.warning(CACHE_KEY + " is not set: token revocation (logout, logout everywhere, password"
                    + " change) is kept on this node only. In a cluster, set it to the JNDI name of a"
                    + " distributed cache so that every node refuses revoked tokens.");
            ConcurrentMap map = new ConcurrentHashMap<>();
            return new Shared(map, new MapRevocationStore(map, false, skew, retention, Clock.systemUTC()));
        }
        String mapName = value(mpConfig, MAP_KEY).orElse(DEFAULT_MAP);
        ConcurrentMap map = RevocationMaps.lookUp(cache.get(), mapName);
        MapRevocationStore store = new MapRevocationStore(map, true, skew, retention, Clock.systemUTC());
        LOG.info(() -> "token revocation is cluster-wide, in " + cache.get() + " (" + MAP_KEY + "=" + mapName
                + " when that is a data grid); caller entries are kept " + retention.get().plus(skew.get())
                + " or longer when the token lifetime grows");
        return new Shared(map, store);
    }

    /**
     * Looks the distributed map up while the application deploys, so that a wrong
     * {@value #CACHE_KEY} fails the deployment with a message naming the key, instead of a
     * deployment that starts and then answers every token request with 500. Does nothing when
     * the key is not set (revocations then stay on this node, which {@link #store()} logs).
     *
     * @param mpConfig the deployment's configuration
     * @throws SigilConfigurationException if nothing usable is bound under the configured name
     */
    public static void checkConfiguredCache(Config mpConfig) {
        Optional<String> cache = value(mpConfig, CACHE_KEY);
        if (cache.isPresent()) {
            RevocationMaps.lookUp(cache.get(), value(mpConfig, MAP_KEY).orElse(DEFAULT_MAP));
        }
    }

    /**
     * Resolves the store while the application starts, so that a wrong JNDI name shows at once:
     * logged at SEVERE naming the key, and thrown to the container (a malformed
     * {@code sigil.throttle.*} or {@code sigil.refresh.*} value already failed the deployment in
     * {@code SigilSettings}). For the cache name, a second
     * line of defence behind {@link #checkConfiguredCache}, which already fails the deployment.
     */
    void resolveAtStart(@Observes @Initialized(ApplicationScoped.class) Object started, Instance<RevocationStore> store) {
        try {
            store.get().isClusterWide();
        } catch (SigilConfigurationException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
    }

    /** The longest a token issued under {@code config} can be accepted: its lifetime or the maximum token age. */
    private static Duration retention(SigilConfig config) {
        return config.policy().maxTokenAge()
                .filter(age -> age.compareTo(config.tokenLifetime()) > 0)
                .orElse(config.tokenLifetime());
    }

    private static Optional<String> value(Config mpConfig, String key) {
        return mpConfig.getOptionalValue(key, String.class)
                .map(String::trim).filter(v -> !v.isEmpty());
    }
}
