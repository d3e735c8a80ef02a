package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.PemKeys;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.token.TokenVerifier;
import io.sigil.auth.token.VerificationKey;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key settings: one ring of Sigil's own keys, the secret, and an outside issuer's keys. */
class SigilKeysLoaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
    private static final String SECRET = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));

    private static KeyPair rsa;
    private static KeyPair ec;
    private static KeyPair ed;
    private static KeyPair otherRsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        rsa = rsaGenerator.generateKeyPair();
        otherRsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGenerator.generateKeyPair();
        ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    // ---------------------------------------------------------------- Sigil's signing key

    @Test
    void load_signingKeyPemFileWithKid_signsRs256AndPublishesOnlyThePublicKey() throws Exception {
        Path pem = write("signing.pem", PemKeys.toPem(rsa.getPrivate()));

        SigilConfig config = load("sigil.signing.key.location", pem.toString(), "sigil.signing.key.id", "k1");

        assertThat(config.keys().signingKey().algorithm()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(config.keys().signingKey().keyId()).isEqualTo("k1");
        assertThat(verifiedName(config, issue(config, "alice"))).isEqualTo("alice");
        assertThat(config.keys().publishedKeys()).extracting(VerificationKey::keyId).containsExactly("k1");
        assertThat(config.keys().publishedJwkSet()).contains("\"kid\":\"k1\"", "\"n\":", "\"e\":")
                .doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"k\"");
    }

    @Test
    void load_signingKeyAsFileUrlOrClasspath_isRead() throws Exception {
        // The JDK's PKCS#8 EC key does not embed its public point, so the PUBLIC KEY block follows.
        Path pem = write("signing.pem", PemKeys.toPem(ec.getPrivate()) + PemKeys.toPem(ec.getPublic()));

        SigilConfig fromUrl = load("sigil.signing.key.location", pem.toUri().toString(), "sigil.signing.key.id", "e1");
        SigilConfig fromClasspath = SigilConfigLoader.load(MapConfig.of(
                "sigil.signing.key.location", "classpath:signing.pem", "sigil.signing.key.id", "e1"), loaderOf(dir), CLOCK);

        assertThat(fromUrl.keys().signingKey().algorithm()).isEqualTo(JwsAlgorithm.ES256);
        assertThat(verifiedName(fromUrl, issue(fromClasspath, "bob"))).isEqualTo("bob");
    }

    @Test
    void load_signingKeyEd25519_signsEdDsa() throws Exception {
        Path pem = write("ed.pem", PemKeys.toPem(ed.getPrivate()));

        SigilConfig config = load("sigil.signing.key.location", pem.toString());

        assertThat(config.keys().signingKey().algorithm()).isEqualTo(JwsAlgorithm.EdDSA);
        assertThat(verifiedName(config, issue(config, "carol"))).isEqualTo("carol");
    }

    @Test
    void load_signingKeyWithAlgorithmPs256_signsPs256() throws Exception {
        Path pem = write("signing.pem", PemKeys.toPem(rsa.getPrivate()));

        SigilConfig config = load("sigil.signing.key.location", pem.toString(), "sigil.signing.key.algorithm", "PS256");

        assertThat(config.keys().signingKey().algorithm()).isEqualTo(JwsAlgorithm.PS256);
        assertThat(verifiedName(config, issue(config, "dave"))).isEqualTo("dave");
    }

    @Test
    void load_signingKeyAndSecret_verifyBothTheirTokens() throws Exception {
        Path pem = write("signing.pem", PemKeys.toPem(rsa.getPrivate()));
        SigilConfig hmacOnly = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET), getClass().getClassLoader(), CLOCK);

        SigilConfig both = load("sigil.signing.key.location", pem.toString(), "sigil.secret", SECRET);

        assertThat(verifiedName(both, issue(hmacOnly, "before-rotation"))).isEqualTo("before-rotation");
        assertThat(verifiedName(both, issue(both, "after-rotation"))).isEqualTo("after-rotation");
        assertThat(both.keys().publishedJwkSet()).doesNotContain("oct").doesNotContain(SECRET);
    }

    @Test
    void load_signingKeyWithoutSecretOutsideDemo_isEnough() throws Exception {
        Path pem = write("signing.pem", PemKeys.toPem(rsa.getPrivate()));

        SigilConfig config = SigilConfigLoader.load(MapConfig.of("sigil.signing.key.location", pem.toString()),
                getClass().getClassLoader(), CLOCK);

        assertThat(config.keys().signingKey().algorithm()).isEqualTo(JwsAlgorithm.RS256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sigil.signing.key.id", "sigil.signing.key.algorithm"})
    void load_signingKeyDetailWithoutLocation_failsNamingTheKeys(String key) {
        SigilConfigurationException e = failure(key, key.endsWith("id") ? "k1" : "RS256");

        assertThat(e.getMessage()).contains(key.endsWith("id") ? "sigil.signing.key.id" : "sigil.signing.key.algorithm")
                .contains("sigil.signing.key.location");
    }

    @Test
    void load_signingKeyOverHttps_failsNamingTheKey() {
        assertThat(failure("sigil.signing.key.location", "https://keys.example/signing.pem").getMessage())
                .contains("sigil.signing.key.location");
    }

    @Test
    void load_signingKeyFileWithAPublicKeyOnly_failsNamingTheKeyWithoutEchoingIt() throws Exception {
        String publicPem = PemKeys.toPem(rsa.getPublic());
        Path pem = write("public.pem", publicPem);

        SigilConfigurationException e = failure("sigil.signing.key.location", pem.toString());

        assertThat(e.getMessage()).contains("sigil.signing.key.location");
        assertThat(causeChain(e)).doesNotContain(publicPem.substring(30, 90));
    }

    @Test
    void load_missingSigningKeyFile_failsNamingTheKey() {
        assertThat(failure("sigil.signing.key.location", dir.resolve("nope.pem").toUri().toString()).getMessage())
                .contains("sigil.signing.key.location");
    }

    // ---------------------------------------------------------------- an outside issuer's keys

    @Test
    void load_inlinePublicKeyPem_acceptsTheIssuersRs256Tokens() throws Exception {
        SigilConfig config = load("mp.jwt.verify.publickey", PemKeys.toPem(rsa.getPublic()));

        assertThat(verifiedName(config, outsideToken(JwsAlgorithm.RS256, null, rsa, "partner"))).isEqualTo("partner");
        assertThat(config.keys().publishedKeys()).isEmpty();
    }

    @Test
    void load_mpJwtApplicationWithOnlyAnOutsideIssuersKey_verifiesWithoutASecretAndIssuesNothing() throws Exception {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of("mp.jwt.verify.publickey",
                PemKeys.toPem(rsa.getPublic())), getClass().getClassLoader(), CLOCK, true);

        assertThat(verifiedName(config, outsideToken(JwsAlgorithm.RS256, null, rsa, "partner"))).isEqualTo("partner");
        assertThat(config.keys().canSign()).isFalse();
        assertThat(catchThrowable(() -> config.keys().signingKey())).isInstanceOf(SigilConfigurationException.class)
                .hasMessageContaining("sigil.secret").hasMessageContaining("sigil.signing.key.location");
        assertThat(config.keys().publishedJwkSet()).isEqualTo("{\"keys\":[]}");
    }

    @Test
    void load_sigilApplicationWithOnlyAnOutsideIssuersKey_failsNamingTheSecret() {
        Throwable thrown = catchThrowable(() -> SigilConfigLoader.load(MapConfig.of("mp.jwt.verify.publickey",
                PemKeys.toPem(rsa.getPublic())), getClass().getClassLoader(), CLOCK));

        assertThat(thrown).isInstanceOf(SigilConfigurationException.class).hasMessageContaining("sigil.secret is not set")
                .hasMessageContaining("@LoginConfig");
    }

    @Test
    void load_noKeyAtAll_namesTheSecretTheSigningKeyAndThePublicKeySettings() {
        Throwable thrown = catchThrowable(() -> SigilConfigLoader.load(MapConfig.of(), getClass().getClassLoader(), CLOCK));

        assertThat(thrown).isInstanceOf(SigilConfigurationException.class).hasMessageContaining("sigil.secret")
                .hasMessageContaining("sigil.signing.key.location").hasMessageContaining("mp.jwt.verify.publickey");
    }

    @Test
    void load_inlineEcPemWithAlgorithmEs256_acceptsEs256Tokens() throws Exception {
        SigilConfig config = load("mp.jwt.verify.publickey", PemKeys.toPem(ec.getPublic()),
                "mp.jwt.verify.publickey.algorithm", "ES256");

        assertThat(verifiedName(config, outsideToken(JwsAlgorithm.ES256, null, ec, "partner"))).isEqualTo("partner");
    }

    @Test
    void load_publicKeyLocationJwkSet_acceptsEachKeyUnderItsOwnAlgorithmAndPublishesNone() throws Exception {
        Path jwks = write("outside.jwks.json", jwkSet(
                key(JwsAlgorithm.RS256, "o-rs", rsa), key(JwsAlgorithm.ES256, "o-es", ec), key(JwsAlgorithm.EdDSA, "o-ed", ed)));

        SigilConfig config = load("mp.jwt.verify.publickey.location", jwks.toString());

        assertThat(verifiedName(config, outsideToken(JwsAlgorithm.RS256, "o-rs", rsa, "r"))).isEqualTo("r");
        assertThat(verifiedName(config, outsideToken(JwsAlgorithm.ES256, "o-es", ec, "e"))).isEqualTo("e");
        assertThat(verifiedName(config, outsideToken(JwsAlgorithm.EdDSA, "o-ed", ed, "d"))).isEqualTo("d");
        assertThat(reason(config, outsideToken(JwsAlgorithm.ES256, "o-rs", ec, "x"))).isNotNull();
        assertThat(config.keys().publishedKeys()).isEmpty();
        assertThat(config.keys().publishedJwkSet()).isEqualTo("{\"keys\":[]}");
    }

    @Test
    void load_secretAndOutsideKeys_oneRingEachKeyUnderItsOwnAlgorithm() throws Exception {
        Path jwks = write("outside.jwks.json", jwkSet(key(JwsAlgorithm.RS256, "o-rs", rsa)));
        SigilConfig config = load("mp.jwt.verify.publickey.location", jwks.toString(), "sigil.secret", SECRET);

        assertThat(verifiedName(config, issue(config, "own"))).isEqualTo("own");
        assertThat(verifiedName(config, outsideToken(JwsAlgorithm.RS256, "o-rs", rsa, "outside"))).isEqualTo("outside");
        // The outside RSA key's public bytes as an HS256 secret: never a key of this ring.
        SigningKey confusion = SigningKey.hmac(JwsAlgorithm.HS256, "o-rs", rsa.getPublic().getEncoded());
        assertThat(reason(config, token(confusion, "mallory"))).isNotNull();
    }

    @Test
    void load_relativeLocationThatIsNoFile_isLookedUpOnTheDeploymentClassPath() throws Exception {
        write("META-INF/outside.pem", PemKeys.toPem(rsa.getPublic()));

        SigilConfig config = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET,
                "mp.jwt.verify.publickey.location", "META-INF/outside.pem"), loaderOf(dir), CLOCK);

        assertThat(verifiedName(config, outsideToken(JwsAlgorithm.RS256, null, rsa, "cp"))).isEqualTo("cp");
    }

    @Test
    void load_publicKeyAndLocationBoth_failsNamingBoth() throws Exception {
        Path pem = write("outside.pem", PemKeys.toPem(rsa.getPublic()));

        SigilConfigurationException e = failure("mp.jwt.verify.publickey", PemKeys.toPem(rsa.getPublic()),
                "mp.jwt.verify.publickey.location", pem.toString());

        assertThat(e.getMessage()).contains("mp.jwt.verify.publickey ").contains("mp.jwt.verify.publickey.location");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "none", "rs256", "RSA"})
    void load_publicKeyAlgorithmNotAsymmetric_failsNamingTheKey(String value) {
        assertThat(failure("mp.jwt.verify.publickey.algorithm", value).getMessage())
                .contains("mp.jwt.verify.publickey.algorithm");
    }

    @Test
    void load_httpLocation_failsNamingTheKey() {
        assertThat(failure("mp.jwt.verify.publickey.location", "http://keys.example/jwks.json").getMessage())
                .contains("mp.jwt.verify.publickey.location");
    }

    @Test
    void load_httpLocation_namesTheOptOut() {
        assertThat(failure("mp.jwt.verify.publickey.location", "http://keys.example/jwks.json").getMessage())
                .contains("sigil.remote-keys.allow-http");
    }

    @Test
    void load_httpLocationWithTheOptOut_isAcceptedWithoutFetchingAtDeployment() {
        SigilConfig config = load("mp.jwt.verify.publickey.location", "http://127.0.0.1:1/publicKey.pem",
                "sigil.remote-keys.allow-http", "true");

        assertThat(config.keys().signingKey().algorithm()).isEqualTo(JwsAlgorithm.HS256);
        assertThat(config.keys().toString()).contains("1 key locations");
    }

    @Test
    void load_httpsLocation_isAcceptedWithoutFetchingAtDeployment() {
        SigilConfig config = load("mp.jwt.verify.publickey.location", "https://127.0.0.1:1/jwks.json");

        assertThat(config.keys().signingKey().algorithm()).isEqualTo(JwsAlgorithm.HS256);
    }

    // ---------------------------------------------------------------- rotation keys and kids

    @Test
    void load_verifyKeysLocation_verifiesAndIsPublishedBesideTheSigningKey() throws Exception {
        Path pem = write("signing.pem", PemKeys.toPem(rsa.getPrivate()));
        Path previous = write("previous.jwks.json", jwkSet(key(JwsAlgorithm.RS256, "k0", otherRsa)));

        SigilConfig config = load("sigil.signing.key.location", pem.toString(), "sigil.signing.key.id", "k1",
                "sigil.verify.keys.location", previous.toString());

        assertThat(verifiedName(config, outsideToken(JwsAlgorithm.RS256, "k0", otherRsa, "old"))).isEqualTo("old");
        assertThat(config.keys().publishedKeys()).extracting(VerificationKey::keyId).containsExactly("k1", "k0");
    }

    @Test
    void load_secretJwkInVerifyKeys_verifiesHs256TokensUnderItsKidAndIsNeverPublished() throws Exception {
        byte[] oldSecret = bytes(32);
        oldSecret[0] ^= 1;
        Path previous = write("previous.jwks.json", "{\"keys\":[" + Jwk.secretJwk(JwsAlgorithm.HS256, "hs-old", oldSecret)
                + "]}");

        SigilConfig config = load("sigil.verify.keys.location", previous.toString());

        SigningKey old = SigningKey.hmac(JwsAlgorithm.HS256, "hs-old", oldSecret);
        assertThat(verifiedName(config, token(old, "old-hs"))).isEqualTo("old-hs");
        assertThat(config.keys().publishedJwkSet()).isEqualTo("{\"keys\":[]}");
    }

    @Test
    void load_secretJwkWithoutKidInVerifyKeys_verifiesKidlessHs256TokensBesideSigilSecret() throws Exception {
        byte[] nextSecret = bytes(32);
        nextSecret[1] ^= 1;
        Path next = write("next.jwks.json", "{\"keys\":[" + Jwk.secretJwk(JwsAlgorithm.HS256, null, nextSecret) + "]}");
        SigilConfig config = load("sigil.verify.keys.location", next.toString());

        SigningKey afterSwitch = SigningKey.hmac(JwsAlgorithm.HS256, null, nextSecret);
        assertThat(verifiedName(config, token(afterSwitch, "next"))).isEqualTo("next");
        assertThat(verifiedName(config, issue(config, "current"))).isEqualTo("current");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location"})
    void load_secretJwkInAPublicKeySetting_failsNamingTheKey(String key) throws Exception {
        String jwk = Jwk.secretJwk(JwsAlgorithm.HS256, "s", bytes(32)).toString();
        String value = key.endsWith("location") ? write("secret.json", jwk).toString() : jwk;

        SigilConfigurationException e = failure(key, value);

        assertThat(e.getMessage()).contains(key).contains("secret").doesNotContain(jwk);
    }

    @Test
    void load_sameKidInTwoSettings_failsNamingBoth() throws Exception {
        Path pem = write("signing.pem", PemKeys.toPem(rsa.getPrivate()));
        Path previous = write("previous.jwks.json", jwkSet(key(JwsAlgorithm.RS256, "k1", otherRsa)));

        SigilConfigurationException e = failure("sigil.signing.key.location", pem.toString(),
                "sigil.signing.key.id", "k1", "sigil.verify.keys.location", previous.toString());

        assertThat(e.getMessage()).contains("k1").contains("sigil.verify.keys.location");
    }

    @Test
    void load_signingKeysPublicKeyAlsoInTheVerifyFile_isOneKeyNotAConflict() throws Exception {
        Path pem = write("signing.pem", PemKeys.toPem(rsa.getPrivate()));
        Path same = write("same.jwks.json", jwkSet(key(JwsAlgorithm.RS256, "k1", rsa)));

        SigilConfig config = load("sigil.signing.key.location", pem.toString(), "sigil.signing.key.id", "k1",
                "sigil.verify.keys.location", same.toString());

        assertThat(config.keys().publishedKeys()).extracting(VerificationKey::keyId).containsExactly("k1");
    }

    // ---------------------------------------------------------------- RSA minimum and intervals

    @Test
    void load_rsa1024KeyByDefault_failsNamingTheSetting() throws Exception {
        Path pem = write("weak.pem", PemKeys.toPem(rsa1024().getPublic()));

        assertThat(failure("mp.jwt.verify.publickey.location", pem.toString()).getMessage())
                .contains("mp.jwt.verify.publickey.location");
    }

    @Test
    void load_rsaMinimumLowered_acceptsTheKeyAndWarnsNamingTheKey() throws Exception {
        Path pem = write("weak.pem", PemKeys.toPem(rsa1024().getPublic()));

        try (CapturedLog log = CapturedLog.of(SigilKeysLoader.class)) {
            load("mp.jwt.verify.publickey.location", pem.toString(), "sigil.rsa.min-bits", "1024");

            assertThat(log.records()).anyMatch(r -> r.getMessage().contains("sigil.rsa.min-bits"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"512", "1023", "16385", "lots"})
    void load_rsaMinimumOutOfRange_failsNamingTheKey(String value) {
        assertThat(failure("sigil.rsa.min-bits", value).getMessage()).contains("sigil.rsa.min-bits");
    }

    @Test
    void load_rsaMinimumDefault_logsNoWarning() {
        try (CapturedLog log = CapturedLog.of(SigilKeysLoader.class)) {
            load("sigil.rsa.min-bits", "2048");

            assertThat(log.records()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sigil.keys.reload-interval=-PT1S", "sigil.keys.reload-interval=P2D",
        "sigil.remote-keys.refresh-interval=PT0S", "sigil.remote-keys.max-age=PT1S", "sigil.keys.reload-interval=often"})
    void load_intervalOutOfRange_failsNamingTheKey(String setting) {
        String[] keyAndValue = setting.split("=");

        assertThat(failure(keyAndValue[0], keyAndValue[1]).getMessage()).contains(keyAndValue[0]);
    }

    // ---------------------------------------------------------------- helpers

    private SigilConfig load(String... keysAndValues) {
        return TestConfigs.load(CLOCK, keysAndValues);
    }

    private SigilConfigurationException failure(String... keysAndValues) {
        return TestConfigs.failure(CLOCK, keysAndValues);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static URLClassLoader loaderOf(Path directory) throws IOException {
        return new URLClassLoader(new URL[] {directory.toUri().toURL()}, null);
    }

    private static String issue(SigilConfig config, String name) {
        return new TokenIssuer(config.keys().signingKey(), config.policy().issuer(), Set.of(),
                Duration.ofMinutes(5), CLOCK).issue(name, Set.of("user")).compact();
    }

    private static String outsideToken(JwsAlgorithm algorithm, String kid, KeyPair pair, String name) {
        return token(SigningKey.of(algorithm, kid, pair.getPrivate(), pair.getPublic()), name);
    }

    private static String token(SigningKey key, String name) {
        return new TokenIssuer(key, "sigil", Set.of(), Duration.ofMinutes(5), CLOCK).issue(name, Set.of()).compact();
    }

    private static String verifiedName(SigilConfig config, String token) throws InvalidTokenException {
        return new TokenVerifier(config.keys().resolver(), config.policy(), CLOCK).verify(token).claims().name();
    }

    /** @return why the config's verifier refuses the token, or null if it accepts it */
    private static String reason(SigilConfig config, String token) {
        try {
            verifiedName(config, token);
            return null;
        } catch (InvalidTokenException e) {
            return e.reason();
        }
    }

    private static VerificationKey key(JwsAlgorithm algorithm, String kid, KeyPair pair) {
        return VerificationKey.of(algorithm, kid, pair.getPublic());
    }

    private static String jwkSet(VerificationKey... keys) {
        return Jwk.publicJwkSet(List.of(keys)).toString();
    }

    private static KeyPair rsa1024() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        return generator.generateKeyPair();
    }

    private static String causeChain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
