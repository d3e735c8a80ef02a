package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.VerificationKey;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code sigil.token.cache.size}, and the key generation that empties the cache when keys change. */
class TokenCacheSettingsTest {

    @TempDir
    Path dir;

    @Test
    void load_noCacheSize_remembersTenThousandTokens() {
        assertThat(TestConfigs.sigil().tokenCacheSize()).isEqualTo(10_000);
        assertThat(SigilConfigLoader.TOKEN_CACHE_SIZE).isEqualTo("sigil.token.cache.size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "2", "1000000"})
    void load_cacheSizeInRange_isUsed(String value) {
        assertThat(TestConfigs.sigil("sigil.token.cache.size", value).tokenCacheSize())
                .isEqualTo(Integer.parseInt(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1", "1000001", "many"})
    void load_cacheSizeOutOfRangeOrMalformed_failsNamingTheKey(String value) {
        Throwable thrown = catchThrowable(() -> TestConfigs.sigil("sigil.token.cache.size", value));

        assertThat(thrown).isInstanceOf(SigilConfigurationException.class)
                .hasMessageContaining("sigil.token.cache.size");
    }

    @Test
    void generation_fixedKeys_neverChanges() {
        SigilKeys keys = TestConfigs.sigil().keys();

        long first = keys.generation();

        assertThat(keys.generation()).isEqualTo(first);
    }

    @Test
    void generation_sourcesAreNotReadBeforeTheFirstCall() {
        AtomicInteger reads = new AtomicInteger();
        Object snapshot = new Object();
        KeyGeneration generation = new KeyGeneration(List.of(() -> {
            reads.incrementAndGet();
            return snapshot;
        }));
        assertThat(reads).as("a remote set is fetched on first use, not at deployment").hasValue(0);

        long first = generation.current();

        assertThat(reads).hasPositiveValue();
        assertThat(generation.current()).isEqualTo(first);
    }

    @Test
    void generation_keyFileRewritten_changesOnceTheReloadIntervalPassed() throws Exception {
        PublicKey oldKey = ecKey();
        PublicKey newKey = ecKey();
        Path file = TestFiles.write(dir, "keys.jwks.json", set("old", oldKey));
        MutableClock clock = new MutableClock();
        SigilKeys keys = SigilConfigLoader.load(MapConfig.of("sigil.secret", TestConfigs.SECRET,
                "sigil.verify.keys.location", file.toString(), "sigil.keys.reload-interval", "PT10S"),
                getClass().getClassLoader(), clock).keys();
        long before = keys.generation();

        clock.advance(Duration.ofSeconds(10));
        assertThat(keys.generation()).as("the interval passed, the file did not change").isEqualTo(before);

        TestFiles.write(dir, "keys.jwks.json", set("new", newKey));
        assertThat(keys.generation()).as("changed, but the interval has not passed again").isEqualTo(before);

        clock.advance(Duration.ofSeconds(10));
        long after = keys.generation();
        assertThat(after).isNotEqualTo(before);
        assertThat(keys.generation()).isEqualTo(after);
        assertThat(keys.resolver().byKeyId("new")).isPresent();
    }

    private static PublicKey ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPublic();
    }

    private static String set(String kid, PublicKey key) {
        return Jwk.publicJwkSet(List.of(VerificationKey.of(JwsAlgorithm.ES256, kid, key))).toString();
    }
}
