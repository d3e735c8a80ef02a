package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.PemKeys;
import io.sigil.auth.token.VerificationKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key metadata, private material and weak keys in the key settings: each refusal fails the
 * deployment with a message naming the setting.
 */
class KeySourceRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

    private static KeyPair rsa;
    private static KeyPair exponent3;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        generator.initialize(new RSAKeyGenParameterSpec(1024, BigInteger.valueOf(3)));
        exponent3 = generator.generateKeyPair();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp.jwt.verify.publickey.location", "sigil.verify.keys.location"})
    void load_keyFileWithAPrivateJwkBesidePublicOnes_failsNamingTheSetting(String setting) throws IOException {
        JsonObject publicJwk = Jwk.publicJwk(VerificationKey.of(JwsAlgorithm.ES256, "e", ecPublic())).orElseThrow();
        JsonObject privateJwk = Jwk.privateJwk(JwsAlgorithm.RS256, "r", rsa);
        Path file = write("keys.jwks.json", "{\"keys\":[" + publicJwk + "," + privateJwk + "]}");

        SigilConfigurationException failure = failure(setting, file.toString());

        assertThat(failure.getMessage()).contains(setting).contains("private member")
                .doesNotContain(privateJwk.getString("d"));
    }

    @Test
    void load_inlinePublicKeyWithPrivateMaterial_failsNamingTheSetting() {
        String privateJwk = Jwk.privateJwk(JwsAlgorithm.RS256, "r", rsa).toString();
        String pemPair = PemKeys.toPem(rsa.getPublic()) + PemKeys.toPem(rsa.getPrivate());

        assertThat(failure("mp.jwt.verify.publickey", privateJwk).getMessage()).contains("mp.jwt.verify.publickey")
                .contains("private member");
        assertThat(failure("mp.jwt.verify.publickey", pemPair).getMessage()).contains("mp.jwt.verify.publickey")
                .contains("private key");
    }

    @Test
    void load_secretBesideOwnKeys_staysAllowedInTheVerificationFileButIsNeverPublished() throws IOException {
        JsonObject publicJwk = Jwk.publicJwk(VerificationKey.of(JwsAlgorithm.RS256, "r", rsa.getPublic()))
                .orElseThrow();
        JsonObject secretJwk = Jwk.secretJwk(JwsAlgorithm.HS256, null, TestConfigs.bytes(32, 8));
        Path file = write("previous.jwks.json", "{\"keys\":[" + publicJwk + "," + secretJwk + "]}");

        SigilConfig config = load("sigil.verify.keys.location", file.toString());

        assertThat(config.keys().publishedJwkSet()).contains("\"kid\":\"r\"").doesNotContain("oct", "\"k\"");
        assertThat(failure("mp.jwt.verify.publickey.location", file.toString()).getMessage())
                .contains("mp.jwt.verify.publickey.location").contains("secret");
    }

    @Test
    void load_outsideKeyMarkedForEncryptionOnly_failsAsNoUsableKey() throws IOException {
        JsonObject publicJwk = Jwk.publicJwk(VerificationKey.of(JwsAlgorithm.RS256, "r", rsa.getPublic()))
                .orElseThrow();
        String encryptOnly = Json.createObjectBuilder(publicJwk).remove("use")
                .add("key_ops", Json.createArrayBuilder().add("encrypt")).build().toString();
        String contradictory = Json.createObjectBuilder(publicJwk)
                .add("key_ops", Json.createArrayBuilder().add("encrypt")).build().toString();

        assertThat(failure("mp.jwt.verify.publickey", encryptOnly).getMessage()).contains("mp.jwt.verify.publickey")
                .contains("no JWK usable for signatures");
        assertThat(failure("mp.jwt.verify.publickey.location", write("c.json", contradictory).toString()).getMessage())
                .contains("mp.jwt.verify.publickey.location").contains("\"use\" is \"sig\" but \"key_ops\"");
    }

    @Test
    void load_signingKeyWhoseMetadataForbidsSigning_failsNamingTheSetting() throws IOException {
        JsonObject privateJwk = Jwk.privateJwk(JwsAlgorithm.RS256, "r", rsa);
        for (JsonObject bad : List.of(Json.createObjectBuilder(privateJwk).add("use", "enc").build(),
                Json.createObjectBuilder(privateJwk).remove("use").add("key_ops",
                        Json.createArrayBuilder().add("verify")).build())) {
            Path file = write("signing.jwk.json", bad.toString());

            assertThat(failure("sigil.signing.key.location", file.toString()).getMessage())
                    .contains("sigil.signing.key.location");
        }
    }

    @Test
    void load_rsaKeyWithExponent3_failsNamingTheSetting() throws IOException {
        Path file = write("outside.pem", PemKeys.toPem(exponent3.getPublic()));
        Path signing = write("signing.pem", PemKeys.toPem(exponent3.getPrivate()));

        assertThat(failure("mp.jwt.verify.publickey.location", file.toString(), "sigil.rsa.min-bits", "1024")
                .getMessage()).contains("mp.jwt.verify.publickey.location").contains("below 65537");
        assertThat(failure("sigil.signing.key.location", signing.toString(), "sigil.rsa.min-bits", "1024")
                .getMessage()).contains("sigil.signing.key.location").contains("below 65537");
    }

    // ---------------------------------------------------------------- helpers

    private static SigilConfig load(String... keysAndValues) {
        return TestConfigs.load(CLOCK, keysAndValues);
    }

    private static SigilConfigurationException failure(String... keysAndValues) {
        return TestConfigs.failure(CLOCK, keysAndValues);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static java.security.PublicKey ecPublic() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
