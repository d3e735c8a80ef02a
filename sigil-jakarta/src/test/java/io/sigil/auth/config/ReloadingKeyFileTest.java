package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.KeyMaterial;
import io.sigil.auth.token.VerificationKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading a key file: after a change, at most once per interval, keeping the last good keys. */
class ReloadingKeyFileTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static PublicKey oldKey;
    private static PublicKey newKey;

    @TempDir
    Path dir;

    private Path file;
    private final MutableClock clock = new MutableClock();
    private CapturedLog capture;

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        oldKey = generator.generateKeyPair().getPublic();
        newKey = generator.generateKeyPair().getPublic();
    }

    @BeforeEach
    void writeBothKeys() throws IOException {
        file = dir.resolve("keys.jwks.json");
        write(set("old", oldKey, "new", newKey));
        capture = CapturedLog.of(ReloadingFile.class);
    }

    @AfterEach
    void stopCapturing() {
        capture.close();
    }

    @Test
    void byKeyId_afterTheFileChangedAndTheIntervalPassed_seesTheNewKeys() throws IOException {
        ReloadingKeyFile keys = open(INTERVAL);
        assertThat(keys.byKeyId("old")).isPresent();

        write(set("new", newKey));
        clock.advance(INTERVAL);

        assertThat(keys.byKeyId("old")).isEmpty();
        assertThat(keys.byKeyId("new")).isPresent();
        assertThat(capture.records()).anyMatch(r -> r.getLevel() == Level.INFO && r.getMessage().contains("sigil.verify.keys.location"));
    }

    @Test
    void byKeyId_beforeTheIntervalPassed_keepsTheKeysItHas() throws IOException {
        ReloadingKeyFile keys = open(INTERVAL);

        write(set("new", newKey));
        clock.advance(INTERVAL.minusMillis(1));

        assertThat(keys.byKeyId("old")).isPresent();
    }

    @Test
    void byKeyId_fileNowMalformed_keepsTheLastGoodKeysAndWarnsOnce() throws IOException {
        ReloadingKeyFile keys = open(INTERVAL);

        write("{\"keys\":[ not json");
        clock.advance(INTERVAL);
        assertThat(keys.byKeyId("old")).isPresent();
        clock.advance(INTERVAL);
        assertThat(keys.byKeyId("old")).isPresent();

        assertThat(capture.records()).filteredOn(r -> r.getLevel() == Level.WARNING).hasSize(1);
        assertThat(capture.records().get(0).getMessage()).contains("sigil.verify.keys.location").contains(file.toString())
                .doesNotContain("not json");
    }

    @Test
    void byKeyId_malformedThenFixed_seesTheFixedKeys() throws IOException {
        ReloadingKeyFile keys = open(INTERVAL);
        write("{}");
        clock.advance(INTERVAL);
        keys.byKeyId("old");

        write(set("new", newKey));
        clock.advance(INTERVAL);

        assertThat(keys.byKeyId("old")).isEmpty();
        assertThat(keys.byKeyId("new")).isPresent();
    }

    @Test
    void byKeyId_fileDeleted_keepsTheLastGoodKeys() throws IOException {
        ReloadingKeyFile keys = open(INTERVAL);

        Files.delete(file);
        clock.advance(INTERVAL);

        assertThat(keys.byKeyId("old")).isPresent();
        assertThat(capture.records()).anyMatch(r -> r.getLevel() == Level.WARNING);
    }

    @Test
    void byKeyId_intervalZero_neverLooksAgain() throws IOException {
        ReloadingKeyFile keys = open(Duration.ZERO);

        write(set("new", newKey));
        clock.advance(Duration.ofDays(1));

        assertThat(keys.byKeyId("old")).isPresent();
    }

    @Test
    void withoutKeyId_followsTheFileToo() throws IOException {
        write(set(null, oldKey));
        ReloadingKeyFile keys = open(INTERVAL);
        assertThat(keys.withoutKeyId(JwsAlgorithm.ES256)).hasSize(1);

        write(set("new", newKey));
        clock.advance(INTERVAL);

        assertThat(keys.withoutKeyId(JwsAlgorithm.ES256)).isEmpty();
    }

    @Test
    void open_malformedFile_failsNamingTheSetting() throws IOException {
        write("{\"keys\":[]}");

        Throwable thrown = catchThrowable(() -> open(INTERVAL));

        assertThat(thrown).isInstanceOf(SigilConfigurationException.class)
                .hasMessageContaining("sigil.verify.keys.location");
    }

    @Test
    void open_missingFile_failsNamingTheSetting() {
        file = dir.resolve("missing.json");

        Throwable thrown = catchThrowable(() -> open(INTERVAL));

        assertThat(thrown).isInstanceOf(SigilConfigurationException.class)
                .hasMessageContaining("sigil.verify.keys.location");
    }

    // ---------------------------------------------------------------- helpers

    private ReloadingKeyFile open(Duration interval) {
        return ReloadingKeyFile.open(file, "sigil.verify.keys.location",
                text -> KeyMaterial.verificationKeys(text, null, null, 2048),
                interval, clock);
    }

    private static String set(String kid, PublicKey key) {
        return Jwk.publicJwkSet(List.of(VerificationKey.of(JwsAlgorithm.ES256, kid, key))).toString();
    }

    private static String set(String kid1, PublicKey key1, String kid2, PublicKey key2) {
        return Jwk.publicJwkSet(List.of(VerificationKey.of(JwsAlgorithm.ES256, kid1, key1),
                VerificationKey.of(JwsAlgorithm.ES256, kid2, key2))).toString();
    }

    /** Writes the file with a modification time that always moves forward. */
    private void write(String content) throws IOException {
        Optional<FileTime> before = Files.exists(file) ? Optional.of(Files.getLastModifiedTime(file)) : Optional.empty();
        Files.writeString(file, content);
        long next = before.map(t -> t.toMillis() + 1000).orElse(0L);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(next, Files.getLastModifiedTime(file).toMillis())));
    }
}
