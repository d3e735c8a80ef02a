package io.sigil.auth.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.revocation.MapRevocationStore;
import io.sigil.auth.testing.TestConfigs;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The health check: UP with a signing key and a readable revocation map, DOWN otherwise; details only on request. */
class SigilHealthTest {

    private static final SigilConfig CONFIG = TestConfigs.sigil();

    @Test
    void check_keyAndReadableMap_isUp() {
        SigilHealth health = SigilHealth.check(CONFIG.keys(), store(new ConcurrentHashMap<>()));

        assertThat(health.up()).isTrue();
        assertThat(health.toJson(false)).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void check_mapThatThrows_isDown() {
        ConcurrentHashMap<String, Long> unreachable = new ConcurrentHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Long get(Object key) {
                throw new IllegalStateException("the cluster is gone");
            }
        };

        SigilHealth health = SigilHealth.check(CONFIG.keys(), store(unreachable));

        assertThat(health.up()).isFalse();
        assertThat(health.signingKeyUsable()).isTrue();
        assertThat(health.toJson(false)).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(health.toJson(true)).contains("\"name\":\"sigil-revocation-store\",\"status\":\"DOWN\"")
                .contains("\"name\":\"sigil-signing-key\",\"status\":\"UP\"").doesNotContain("cluster is gone");
    }

    @Test
    void up_withoutSigningKey_isFalse() {
        assertThat(new SigilHealth(false, true).up()).isFalse();
        assertThat(new SigilHealth(false, true).toJson(true)).startsWith("{\"status\":\"DOWN\"");
    }

    private static MapRevocationStore store(ConcurrentHashMap<String, Long> map) {
        return new MapRevocationStore(map, true, Duration.ofSeconds(60), Duration.ofMinutes(15), Clock.systemUTC());
    }
}
