package io.sigil.auth.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.auth.config.CapturedLog;
import io.sigil.auth.config.MapConfig;
import io.sigil.auth.config.SigilConfigurationException;
import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.testing.Proxies;
import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.testing.TestTokens;
import io.sigil.auth.token.JwtClaims;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The revocation store the deployment gets, from the configuration alone (no container, no JNDI). */
class RevocationStoreProducerTest {

    private final RevocationStoreProducer producer = producer();

    @Test
    void store_withoutCacheSetting_isNodeLocalAndWarnsOnceNamingTheKey() {
        try (CapturedLog log = CapturedLog.of(RevocationStoreProducer.class)) {
            RevocationStore store = producer.store(MapConfig.of());

            assertThat(store).isInstanceOf(MapRevocationStore.class);
            assertThat(store.isClusterWide()).isFalse();
            assertThat(log.records()).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getMessage()).contains(RevocationStoreProducer.CACHE_KEY);
            });
        }
    }

    @Test
    void store_blankCacheSetting_isNodeLocal() {
        assertThat(producer.store(MapConfig.of(RevocationStoreProducer.CACHE_KEY, "   ")).isClusterWide()).isFalse();
    }

    @Test
    void store_cacheNameThatDoesNotResolve_failsNamingTheKey() {
        SigilConfigurationException e = catchThrowableOfType(SigilConfigurationException.class,
                () -> producer.store(MapConfig.of(RevocationStoreProducer.CACHE_KEY,
                        "java:jboss/infinispan/cache/web/no-such-cache")));

        assertThat(e).hasMessageContaining(RevocationStoreProducer.CACHE_KEY + "=java:jboss/infinispan/cache/web/no-such-cache");
    }

    @Test
    void store_nodeLocal_refusesARevokedCallersTokens() {
        RevocationStore store = producer.store(MapConfig.of());
        // The store runs on the system clock, and forgets entries too old to refuse a live token.
        Instant now = Instant.now();
        TestTokens tokens = new TestTokens(TestConfigs.sigil(), TestTokens.at(now));
        JwtClaims claims = tokens.verified(tokens.issue("alice").compact()).claims();

        store.revokeAllFor("alice", now);

        assertThat(store.isRevoked(claims)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void resolveAtStart_storeThatCannotBeResolved_logsSevereAndFails() {
        SigilConfigurationException wrongName = new SigilConfigurationException(
                RevocationStoreProducer.CACHE_KEY + "=java:wrong: nothing is bound under that JNDI name");
        Instance<RevocationStore> instance = Proxies.of(Instance.class, Map.of("get", args -> {
            throw wrongName;
        }));

        try (CapturedLog log = CapturedLog.of(RevocationStoreProducer.class)) {
            Throwable thrown = catchThrowable(() -> producer.resolveAtStart(new Object(), instance));

            assertThat(thrown).isSameAs(wrongName);
            assertThat(log.records()).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(record.getMessage()).contains(RevocationStoreProducer.CACHE_KEY);
            });
        }
    }

    private static RevocationStoreProducer producer() {
        RevocationStoreProducer producer = new RevocationStoreProducer();
        producer.settings = SigilSettings.fixed(TestConfigs.sigil(), java.time.Clock.systemUTC());
        return producer;
    }
}
