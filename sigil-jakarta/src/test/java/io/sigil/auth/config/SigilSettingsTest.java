package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SigilSettingsTest {

    private final MutableClock clock = new MutableClock();
    private final Map<String, String> values = new HashMap<>(Map.of(SigilConfigLoader.SECRET, TestConfigs.SECRET,
            SigilSettings.RELOAD_INTERVAL, "PT10S"));
    private final AtomicInteger reads = new AtomicInteger();
    private final CapturedLog log = CapturedLog.of(SigilSettings.class);

    /** The server's configuration as it is at each reload (system properties changed in a console). */
    private Config source() {
        reads.incrementAndGet();
        return new MapConfig(values);
    }

    private SigilSettings settings() {
        SigilSettings settings = SigilSettings.load(this::source, getClass().getClassLoader(), clock);
        reads.set(0);
        return settings;
    }

    @AfterEach
    void detachLog() {
        log.close();
    }

    private List<LogRecord> logged(Level level) {
        return log.records().stream().filter(r -> r.getLevel() == level).toList();
    }

    @Test
    void reload_validLifetime_takesEffectAfterTheInterval() {
        SigilSettings settings = settings();
        assertThat(settings.current().tokenLifetime()).isEqualTo(Duration.ofMinutes(15));

        values.put(SigilConfigLoader.LIFETIME, "PT5M");
        clock.advance(Duration.ofSeconds(9));
        assertThat(settings.current().tokenLifetime()).as("within the interval").isEqualTo(Duration.ofMinutes(15));
        clock.advance(Duration.ofSeconds(1));
        assertThat(settings.current().tokenLifetime()).as("after the interval").isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.atDeployment().tokenLifetime()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void reload_interval_isRespected_oneReadPerInterval() {
        SigilSettings settings = settings();
        for (int i = 0; i < 1000; i++) {
            settings.snapshot();
        }
        assertThat(reads).as("reads within the first interval").hasValue(0);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 1000; i++) {
            settings.snapshot();
        }
        assertThat(reads).as("reads after one interval").hasValue(1);
    }

    @Test
    void reload_invalidValue_keepsTheLastGoodAndLogsSevereOncePerChange() {
        SigilSettings settings = settings();
        SigilSettings.Snapshot good = settings.snapshot();

        values.put(SigilConfigLoader.LIFETIME, "banana");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(settings.snapshot()).as("the last good settings").isSameAs(good);
        }
        assertThat(logged(Level.SEVERE)).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains(SigilConfigLoader.LIFETIME).doesNotContain("banana"));

        values.put(SigilConfigLoader.LIFETIME, "P99D");
        clock.advance(Duration.ofSeconds(10));
        assertThat(settings.snapshot()).isSameAs(good);
        assertThat(logged(Level.SEVERE)).as("a second, different bad value is a second change").hasSize(2);

        values.put(SigilConfigLoader.LIFETIME, "PT1H");
        clock.advance(Duration.ofSeconds(10));
        assertThat(settings.current().tokenLifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void reload_audienceChange_dropsTheVerifiedTokenCacheAndVerifier_keepsTheKeys() {
        SigilSettings settings = settings();
        SigilSettings.Snapshot before = settings.snapshot();

        values.put(SigilConfigLoader.AUDIENCES, "orders, billing");
        clock.advance(Duration.ofSeconds(10));
        SigilSettings.Snapshot after = settings.snapshot();

        assertThat(after.config().policy().audiences()).containsExactlyInAnyOrder("orders", "billing");
        assertThat(after.tokenCache()).isNotSameAs(before.tokenCache());
        assertThat(after.verifier()).isNotSameAs(before.verifier());
        assertThat(after.config().keys()).as("no key setting changed").isSameAs(before.config().keys());
    }

    @Test
    void reload_keySettingChange_buildsTheKeyRingAgain() {
        SigilSettings settings = settings();
        SigilKeys before = settings.current().keys();

        values.put(SigilConfigLoader.SECRET, TestConfigs.SECRET + "A");
        clock.advance(Duration.ofSeconds(10));

        assertThat(settings.current().keys()).isNotSameAs(before);
    }

    @Test
    void reload_throttleAndIntervalChange_takeEffect() {
        SigilSettings settings = settings();

        values.put("sigil.throttle.account.free-failures", "3");
        values.put(SigilSettings.RELOAD_INTERVAL, "PT2S");
        clock.advance(Duration.ofSeconds(10));

        assertThat(settings.snapshot().throttle().accountFreeFailures()).isEqualTo(3);
        assertThat(settings.reloadInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void reload_settingFixedAtDeployment_staysAndIsLoggedAsWarningOnce() {
        SigilSettings settings = settings();

        values.put(SigilConfigLoader.DATASOURCE, "java:app/jdbc/other");
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(10));
            settings.snapshot();
        }

        assertThat(settings.current().dataSource()).isEmpty();
        assertThat(settings.atDeployment().dataSource()).isEmpty();
        assertThat(logged(Level.WARNING)).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains(SigilConfigLoader.DATASOURCE));
        assertThat(logged(Level.SEVERE)).isEmpty();
    }

    @Test
    void reload_nothingChanged_keepsTheSnapshotAndLogsNothing() {
        SigilSettings settings = settings();
        SigilSettings.Snapshot before = settings.snapshot();

        clock.advance(Duration.ofSeconds(10));

        assertThat(settings.snapshot()).isSameAs(before);
        assertThat(log.records()).isEmpty();
    }

    @Test
    void load_reloadIntervalOutOfBounds_failsNamingTheKey() {
        values.put(SigilSettings.RELOAD_INTERVAL, "PT0.5S");

        assertThat(catchThrowable(this::settings))
                .isInstanceOf(SigilConfigurationException.class)
                .hasMessageContaining(SigilSettings.RELOAD_INTERVAL);
    }

    @Test
    void load_listedKeyThatCannotBeRead_isSkipped_watchedKeyThatCannotBeRead_failsNamingIt() {
        Config good = new MapConfig(values);
        Config unrelatedBroken = breaking(good, "sigil.unrelated");
        assertThat(SigilSettings.load(() -> unrelatedBroken, getClass().getClassLoader(), clock).current())
                .isNotNull();

        Config lifetimeBroken = breaking(good, SigilConfigLoader.LIFETIME);
        assertThat(catchThrowable(() -> SigilSettings.load(() -> lifetimeBroken, getClass().getClassLoader(), clock)))
                .isInstanceOf(SigilConfigurationException.class).hasMessageContaining(SigilConfigLoader.LIFETIME);
    }

    /** A configuration that lists {@code key} and throws when it is asked for it, as an unresolvable expression does. */
    private static Config breaking(Config config, String key) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPropertyNames")) {
                        List<String> names = new ArrayList<>();
                        config.getPropertyNames().forEach(names::add);
                        names.add(key);
                        return names;
                    }
                    if (method.getName().equals("getOptionalValue") && key.equals(args[0])) {
                        throw new NoSuchElementException("unresolved expression");
                    }
                    try {
                        return method.invoke(config, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void fixed_neverReadsAgain() {
        SigilSettings settings = SigilSettings.fixed(TestConfigs.load(clock), clock);
        SigilSettings.Snapshot before = settings.snapshot();

        clock.advance(Duration.ofDays(1));

        assertThat(settings.snapshot()).isSameAs(before);
        assertThat(settings.reloadInterval()).isZero();
    }
}
