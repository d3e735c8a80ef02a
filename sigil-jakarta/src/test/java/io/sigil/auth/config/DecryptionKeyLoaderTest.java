package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JweAlgorithm;
import io.sigil.auth.token.JweDecryptor;
import io.sigil.auth.token.JweEncryptor;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.NestedTokenVerifier;
import io.sigil.auth.token.PemKeys;
import io.sigil.auth.token.TokenIssuer;
import jakarta.json.Json;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mp.jwt.decrypt.key.location} and {@code mp.jwt.decrypt.key.algorithm}: formats and
 * locations, the algorithm default (both) and restriction, failures naming the setting, and the
 * server's verifier accepting a signed-then-encrypted token.
 */
class DecryptionKeyLoaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
    private static final String SECRET = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
    private static final String LOCATION = SigilConfigLoader.DECRYPT_KEY_LOCATION;
    private static KeyPair pair;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
    }

    private static String encrypted(JweAlgorithm algorithm, SigilConfig config) {
        String jws = TokenIssuer.sign(config.keys().signingKey(), Json.createObjectBuilder().add("iss", "sigil")
                .add("sub", "alice").add("exp", CLOCK.instant().getEpochSecond() + 600).build());
        return new JweEncryptor((RSAPublicKey) pair.getPublic(), algorithm, null).encryptNested(jws);
    }

    private SigilConfig load(String... keysAndValues) {
        return SigilConfigLoader.load(MapConfig.of(keysAndValues), getClass().getClassLoader(), CLOCK);
    }

    @Test
    void load_withoutLocation_refusesEncryptedTokens() {
        SigilConfig config = load(SigilConfigLoader.SECRET, SECRET);

        assertThat(config.keys().decryptor(8192)).isEmpty();
        assertThat(config.verifier(CLOCK).decrypts()).isFalse();
    }

    @Test
    void load_pemFile_acceptsBothAlgorithmsByDefault() throws Exception {
        Path pem = TestFiles.write(dir, "decrypt.pem", PemKeys.toPem(pair.getPrivate()));
        SigilConfig config = load(SigilConfigLoader.SECRET, SECRET, LOCATION, pem.toString());
        NestedTokenVerifier verifier = config.verifier(CLOCK);

        for (JweAlgorithm algorithm : JweAlgorithm.values()) {
            assertThat(verifier.verify(encrypted(algorithm, config)).claims().name()).isEqualTo("alice");
        }
    }

    @Test
    void load_algorithmRsaOaep256_refusesRsaOaep() throws Exception {
        Path pem = TestFiles.write(dir, "decrypt.pem", PemKeys.toPem(pair.getPrivate()));
        SigilConfig config = load(SigilConfigLoader.SECRET, SECRET, LOCATION, "file:" + pem.toUri().getPath(),
                SigilConfigLoader.DECRYPT_KEY_ALGORITHM, "RSA-OAEP-256");

        assertThat(config.verifier(CLOCK).verify(encrypted(JweAlgorithm.RSA_OAEP_256, config))).isNotNull();
        Throwable thrown = catchThrowable(() -> config.verifier(CLOCK).verify(encrypted(JweAlgorithm.RSA_OAEP, config)));
        assertThat(((InvalidTokenException) thrown).reason()).isEqualTo(JweDecryptor.REFUSED);
    }

    @Test
    void load_privateJwkSetFile_usesItsEncryptionKey() throws Exception {
        String jwk = Jwk.privateJwk(JwsAlgorithm.RS256, "enc-1", pair).toString()
                .replace("\"use\":\"sig\"", "\"use\":\"enc\"").replace("\"alg\":\"RS256\"", "\"alg\":\"RSA-OAEP-256\"");
        Path set = TestFiles.write(dir, "decrypt.jwks.json", "{\"keys\":[" + jwk + "]}");
        SigilConfig config = load(SigilConfigLoader.SECRET, SECRET, LOCATION, set.toString());

        assertThat(config.verifier(CLOCK).verify(encrypted(JweAlgorithm.RSA_OAEP_256, config)).claims().name())
                .isEqualTo("alice");
    }

    @Test
    void load_unknownAlgorithm_failsNamingTheSetting() {
        Throwable thrown = catchThrowable(() -> load(SigilConfigLoader.SECRET, SECRET,
                SigilConfigLoader.DECRYPT_KEY_ALGORITHM, "RSA1_5"));

        assertThat(thrown).isInstanceOf(SigilConfigurationException.class)
                .hasMessageContaining("mp.jwt.decrypt.key.algorithm");
    }

    @Test
    void load_badLocations_failNamingTheSetting() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Path small = TestFiles.write(dir, "small.pem", PemKeys.toPem(generator.generateKeyPair().getPrivate()));
        Path publicOnly = TestFiles.write(dir, "public.pem", PemKeys.toPem(pair.getPublic()));
        for (String location : List.of("https://keys.example/decrypt.pem", "http://keys.example/decrypt.pem",
                small.toString(), publicOnly.toString(), "classpath:no-such-key.pem")) {
            Throwable thrown = catchThrowable(() -> load(SigilConfigLoader.SECRET, SECRET, LOCATION, location));
            assertThat(thrown).as(location).isInstanceOf(SigilConfigurationException.class)
                    .hasMessageContaining("mp.jwt.decrypt.key.location");
        }
    }

    @Test
    void keyConstants_matchTheSpecification() {
        assertThat(Set.of(SigilConfigLoader.DECRYPT_KEY_LOCATION, SigilConfigLoader.DECRYPT_KEY_ALGORITHM))
                .containsExactlyInAnyOrder("mp.jwt.decrypt.key.location", "mp.jwt.decrypt.key.algorithm");
    }
}
