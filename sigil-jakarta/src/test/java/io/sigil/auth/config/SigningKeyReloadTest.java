package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JwkThumbprint;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.PemKeys;
import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.token.TokenVerifier;
import io.sigil.auth.token.VerificationKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotating Sigil's own signing key by replacing its file, without a restart. */
class SigningKeyReloadTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static KeyPair first;
    private static KeyPair second;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        first = generator.generateKeyPair();
        second = generator.generateKeyPair();
    }

    @Test
    void pemWithoutKid_getsTheThumbprintAsKid() throws IOException {
        SigilConfig config = load(write("signing.pem", PemKeys.toPem(first.getPrivate())));

        String kid = config.keys().signingKey().keyId();
        assertThat(kid).hasSize(43).isEqualTo(JwkThumbprint.of(config.keys().signingKey().verificationKey()));
        assertThat(config.keys().publishedKeys()).extracting(VerificationKey::keyId).containsExactly(kid);
    }

    @Test
    void pemReplaced_signsWithTheNewKeyAfterTheInterval_andTheOldKeysTokensNeedTheVerifyFile() throws Exception {
        Path file = write("signing.pem", PemKeys.toPem(first.getPrivate()));
        SigilConfig config = load(file);
        String oldKid = config.keys().signingKey().keyId();
        String oldToken = issue(config);
        Path previous = write("previous.jwks.json",
                Jwk.publicJwkSet(List.of(config.keys().signingKey().verificationKey())).toString());
        SigilConfig withPrevious = load(file, "sigil.verify.keys.location", previous.toString());

        write("signing.pem", PemKeys.toPem(second.getPrivate()));
        clock.advance(INTERVAL);

        assertThat(config.keys().signingKey().keyId()).isNotEqualTo(oldKid);
        assertThat(verifies(config, issue(config))).isTrue();
        assertThat(verifies(config, oldToken)).as("old token without the old key in the verify file").isFalse();
        clock.advance(INTERVAL);
        assertThat(verifies(withPrevious, oldToken)).as("old token with the old key in the verify file").isTrue();
        assertThat(withPrevious.keys().publishedKeys()).hasSize(2);
    }

    @Test
    void runbookStep2_oldKeyIntoTheVerifyFileThenNewSigningKey_oldTokensNeverRefused() throws Exception {
        Path file = write("signing.jwk", Jwk.privateJwk(JwsAlgorithm.RS256, "old", first).toString());
        Path verify = write("verify.jwks.json", Jwk.publicJwkSet(List.of(
                VerificationKey.of(JwsAlgorithm.ES256, "unrelated", ecPublicKey()))).toString());
        SigilConfig config = load(file, "sigil.verify.keys.location", verify.toString());
        String oldToken = issue(config);
        clock.advance(INTERVAL.dividedBy(2));
        assertThat(verifies(config, oldToken)).isTrue();

        // The operator writes the old public key into the verification file, then the new signing
        // key file, both inside one interval; the check after the interval must see both.
        write("verify.jwks.json", Jwk.publicJwkSet(List.of(config.keys().signingKey().verificationKey())).toString());
        write("signing.jwk", Jwk.privateJwk(JwsAlgorithm.RS256, "new", second).toString());
        clock.advance(INTERVAL);

        assertThat(config.keys().signingKey().keyId()).as("the signing key file was read again").isEqualTo("new");
        assertThat(verifies(config, oldToken)).as("old token right after the signing key changed").isTrue();
        assertThat(verifies(config, issue(config))).isTrue();
    }

    @Test
    void pemWithFixedKidReplacedByAnotherKey_keepsTheOldKeyAndWarns() throws IOException {
        Path file = write("signing.pem", PemKeys.toPem(first.getPrivate()));
        SigilConfig config = load(file, "sigil.signing.key.id", "fixed");
        var before = config.keys().signingKey();

        try (CapturedLog log = CapturedLog.of(ReloadingFile.class)) {
            write("signing.pem", PemKeys.toPem(second.getPrivate()));
            clock.advance(INTERVAL);

            assertThat(config.keys().signingKey()).isSameAs(before);
            assertThat(log.records()).anyMatch(r -> r.getLevel() == Level.WARNING
                    && r.getMessage().contains("sigil.signing.key.location") && r.getMessage().contains("new kid"));
        }
    }

    @Test
    void privateJwkReplacedByOneWithANewKid_signsUnderTheNewKid() throws IOException {
        Path file = write("signing.jwk", Jwk.privateJwk(JwsAlgorithm.RS256, "2026-05", first).toString());
        SigilConfig config = load(file);
        assertThat(config.keys().signingKey().keyId()).isEqualTo("2026-05");

        write("signing.jwk", Jwk.privateJwk(JwsAlgorithm.PS256, "2026-11", second).toString());
        clock.advance(INTERVAL);

        assertThat(config.keys().signingKey().keyId()).isEqualTo("2026-11");
        assertThat(config.keys().signingKey().algorithm()).isEqualTo(JwsAlgorithm.PS256);
    }

    // ---------------------------------------------------------------- helpers

    private static java.security.PublicKey ecPublicKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPublic();
    }

    private SigilConfig load(Path signingKey, String... more) {
        String[] values = new String[4 + more.length];
        values[0] = "sigil.signing.key.location";
        values[1] = signingKey.toString();
        values[2] = "sigil.keys.reload-interval";
        values[3] = INTERVAL.toString();
        System.arraycopy(more, 0, values, 4, more.length);
        return SigilConfigLoader.load(MapConfig.of(values), getClass().getClassLoader(), clock);
    }

    private String issue(SigilConfig config) {
        return new TokenIssuer(config.keys().signingKey(), "sigil", Set.of(), Duration.ofMinutes(5), clock)
                .issue("alice", Set.of()).compact();
    }

    private boolean verifies(SigilConfig config, String token) {
        try {
            new TokenVerifier(config.keys().resolver(), config.policy(), clock).verify(token);
            return true;
        } catch (InvalidTokenException e) {
            return false;
        }
    }

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }
}
