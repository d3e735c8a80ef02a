package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.VerificationKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key ring's state as metrics and health checks see it: key count, reloads, age of the last read. */
class KeyRingStateTest {

    private static PublicKey first;
    private static PublicKey second;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        first = generator.generateKeyPair().getPublic();
        second = generator.generateKeyPair().getPublic();
    }

    @Test
    void state_secretOnly_isUsableWithOneKeyAndNoReload() {
        KeyRingState state = TestConfigs.load(clock).keys().state();

        assertThat(state.signingKeyUsable()).isTrue();
        assertThat(state.verificationKeys()).isEqualTo(1);
        assertThat(state.reloads()).isZero();
        assertThat(state.failedReloads()).isZero();
        assertThat(state.sinceLastRead()).isZero();
    }

    @Test
    void state_keyFileChangedThenBroken_countsOneReloadAndOneFailure() throws IOException {
        Path file = dir.resolve("keys.json");
        write(file, set(VerificationKey.of(JwsAlgorithm.ES256, "a", first)), 1_000);
        SigilKeys keys = TestConfigs.load(clock, SigilConfigLoader.VERIFY_KEYS_LOCATION, file.toString(),
                SigilConfigLoader.KEYS_RELOAD_INTERVAL, "PT10S").keys();
        assertThat(keys.state().verificationKeys()).isEqualTo(2);

        write(file, set(VerificationKey.of(JwsAlgorithm.ES256, "a", first),
                VerificationKey.of(JwsAlgorithm.ES256, "b", second)), 2_000);
        clock.advance(Duration.ofSeconds(10));
        KeyRingState reloaded = keys.state();
        assertThat(reloaded.verificationKeys()).isEqualTo(3);
        assertThat(reloaded.reloads()).isEqualTo(1);
        assertThat(reloaded.sinceLastRead()).isZero();

        write(file, "{\"keys\":[ broken", 3_000);
        clock.advance(Duration.ofSeconds(10));
        KeyRingState broken = keys.state();
        assertThat(broken.verificationKeys()).as("the last good keys stay").isEqualTo(3);
        assertThat(broken.reloads()).isEqualTo(1);
        assertThat(broken.failedReloads()).isEqualTo(1);
        assertThat(broken.sinceLastRead()).isEqualTo(Duration.ofSeconds(10));
    }

    private static String set(VerificationKey... keys) {
        return Jwk.publicJwkSet(List.of(keys)).toString();
    }

    private static void write(Path file, String content, long modifiedMillis) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
    }
}
