package io.sigil.auth.token;

import io.sigil.auth.token.internal.KeyLocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PEM, JWK, JWK Set and key locations. */
class KeyMaterialTest {

    private static final byte[] INPUT = "a.b".getBytes(StandardCharsets.US_ASCII);
    private static final int RSA_MIN = JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS;

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"HS.*"}, mode = EnumSource.Mode.MATCH_NONE)
    void privateJwk_roundTripsThroughJwkSigningKeyAndPublicJwk(JwsAlgorithm algorithm) {
        KeyPair pair = TestKeys.pair(algorithm);
        JsonObject privateJwk = Jwk.privateJwk(algorithm, "kid-1", pair);

        SigningKey key = Jwk.signingKey(privateJwk.toString(), null, RSA_MIN);
        JsonObject publicJwk = Jwk.publicJwk(key.verificationKey()).orElseThrow();
        VerificationKey verifier = Jwk.verificationKeys(publicJwk.toString(), null, RSA_MIN).get(0);

        assertThat(key.algorithm()).isEqualTo(algorithm);
        assertThat(key.keyId()).isEqualTo("kid-1");
        assertThat(verifier.verify(INPUT, key.sign(INPUT))).isTrue();
        assertThat(publicJwk.keySet()).doesNotContain("d", "p", "q", "dp", "dq", "qi", "k")
                .contains("kty", "kid", "use", "alg");
        assertThat(publicJwk.getString("alg")).isEqualTo(algorithm.joseName());
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "HS384", "HS512"})
    void secretJwk_isReadBackAndNeverPublished(JwsAlgorithm algorithm) {
        byte[] secret = TestKeys.secret(algorithm, 3);
        JsonObject jwk = Jwk.secretJwk(algorithm, "s1", secret);

        SigningKey key = Jwk.signingKey(jwk.toString(), null, RSA_MIN);

        assertThat(key.sign(INPUT)).isEqualTo(HmacKey.of(algorithm, null, secret).sign(INPUT));
        assertThat(Jwk.publicJwk(key.verificationKey())).isEmpty();
        assertThat(Jwk.publicJwkSet(List.of(key.verificationKey(),
                TestKeys.signingKey(JwsAlgorithm.ES256, "e").verificationKey())).getJsonArray("keys")).hasSize(1);
    }

    @Test
    void publicJwkSet_ofAMixedRing_holdsOnlyTheAsymmetricPublicKeys() {
        KeyRing ring = KeyRing.of(TestKeys.signingKey(JwsAlgorithm.HS256, null), List.of(
                TestKeys.signingKey(JwsAlgorithm.RS256, "r").verificationKey(),
                TestKeys.signingKey(JwsAlgorithm.EdDSA, "d").verificationKey()));

        String text = Jwk.publicJwkSet(ring.keys()).toString();

        assertThat(Json.createReader(new java.io.StringReader(text)).readObject().getJsonArray("keys")).hasSize(2);
        assertThat(text).doesNotContain("\"d\":").doesNotContain("\"k\":")
                .doesNotContain("\"kty\":\"oct\"");
    }

    @Test
    void verificationKeys_jwkSetSkipsEncryptionAndUnknownKeysAndKeepsKids() {
        String set = "{\"keys\":["
                + Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.RS256, "r1").verificationKey()).orElseThrow() + ","
                + Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.ES384, "e1").verificationKey()).orElseThrow() + ","
                + "{\"kty\":\"RSA\",\"use\":\"enc\",\"kid\":\"x\",\"n\":\"AQAB\",\"e\":\"AQAB\"},"
                + "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"kid\":\"y\",\"x\":\"AAAA\"},"
                + "{\"kty\":\"EC\",\"alg\":\"ECDH-ES\",\"crv\":\"P-256\",\"kid\":\"z\",\"x\":\"AA\",\"y\":\"AA\"}"
                + "]}";

        List<VerificationKey> keys = Jwk.verificationKeys(set, null, RSA_MIN);

        assertThat(keys).extracting(VerificationKey::keyId).containsExactly("r1", "e1");
        assertThat(keys).extracting(VerificationKey::algorithm).containsExactly(JwsAlgorithm.RS256, JwsAlgorithm.ES384);
    }

    @Test
    void verificationKeys_jwkWithoutAlg_takesTheConfiguredAlgorithmOrTheImpliedOne() {
        JsonObject rsa = Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.RS256, "r").verificationKey()).orElseThrow();
        String withoutAlg = Json.createObjectBuilder(rsa).remove("alg").build().toString();

        assertThat(Jwk.verificationKeys(withoutAlg, JwsAlgorithm.PS384, RSA_MIN).get(0).algorithm())
                .isEqualTo(JwsAlgorithm.PS384);
        assertThat(Jwk.verificationKeys(withoutAlg, null, RSA_MIN).get(0).algorithm())
                .isEqualTo(JwsAlgorithm.RS256);
        assertThat(Jwk.verificationKeys(withoutAlg, JwsAlgorithm.ES256, RSA_MIN).get(0).algorithm())
                .as("a default that does not fit the key type is not used").isEqualTo(JwsAlgorithm.RS256);
    }

    @Test
    void verificationKeys_ecPointNotOnTheCurve_isRefusedNamingTheSetting() {
        JsonObject ec = Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.ES256, "e").verificationKey()).orElseThrow();
        byte[] y = Base64.getUrlDecoder().decode(ec.getString("y"));
        y[31] ^= 1;
        String bad = Json.createObjectBuilder(ec).add("y", Base64.getUrlEncoder().withoutPadding().encodeToString(y))
                .build().toString();

        assertThatThrownBy(() -> Jwk.verificationKeys(bad, null, RSA_MIN))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("not on");
    }

    @Test
    void verificationKeys_malformedInput_isRefusedNamingTheSettingWithoutKeyMaterial() {
        String secretJwk = "{\"kty\":\"oct\",\"k\":\"c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI\"}";
        for (String text : new String[] {"{", "{\"kty\":\"RSA\"}", "{\"keys\":{}}", "{\"keys\":[]}",
                "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}", secretJwk,
                "{\"kty\":\"RSA\",\"alg\":\"ES256\",\"n\":\"AQAB\",\"e\":\"AQAB\"}",
                "{\"kty\":\"oct\",\"kid\":\"a\",\"kid\":\"b\",\"alg\":\"HS256\",\"k\":\"AA\"}"}) {
            assertThatThrownBy(() -> Jwk.verificationKeys(text, null, RSA_MIN)).as(text)
                    .isInstanceOf(InvalidKeyMaterialException.class).hasMessageNotContaining("c2VjcmV0");
        }
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"RS256", "ES256", "ES384", "ES512", "EdDSA"})
    void pem_publicAndPrivateKeys_roundTripAndImplyTheAlgorithm(JwsAlgorithm algorithm) {
        KeyPair pair = TestKeys.pair(algorithm);
        String publicPem = PemKeys.toPem(pair.getPublic());
        String privatePem = PemKeys.toPem(pair.getPrivate());

        List<VerificationKey> keys = KeyMaterial.verificationKeys(publicPem, null, "pem-1", RSA_MIN);
        SigningKey key = KeyMaterial.signingKey(privatePem, null, "pem-1", RSA_MIN);

        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.algorithm()).isEqualTo(algorithm);
            assertThat(k.keyId()).isEqualTo("pem-1");
            assertThat(k.verify(INPUT, key.sign(INPUT))).isTrue();
        });
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ec384, ES384", "ed25519, EdDSA", "rsa2048, RS256"})
    void pem_opensslGeneratedKeys_signAndVerifyAsAPair(String name, JwsAlgorithm algorithm) throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        String privatePem = KeyLocation.read("classpath:keys/openssl-" + name + "-private.pem", loader,
                KeyLocation.DEFAULT_TIMEOUT);
        String publicPem = KeyLocation.read("classpath:keys/openssl-" + name + "-public.pem", loader,
                KeyLocation.DEFAULT_TIMEOUT);

        SigningKey key = KeyMaterial.signingKey(privatePem, null, "o1", RSA_MIN);
        VerificationKey verifier = KeyMaterial.verificationKeys(publicPem, null, "o1", RSA_MIN).get(0);

        assertThat(key.algorithm()).isEqualTo(algorithm);
        assertThat(verifier.verify(INPUT, key.sign(INPUT))).isTrue();
        assertThat(KeyMaterial.signingKey(privatePem + publicPem, null, null, RSA_MIN).algorithm())
                .isEqualTo(algorithm);
    }

    @Test
    void pem_privateKeyWithAnotherKeysPublicBlock_isRefused() {
        String mixed = PemKeys.toPem(TestKeys.pair(JwsAlgorithm.ES256).getPrivate())
                + PemKeys.toPem(TestKeys.freshPair(JwsAlgorithm.ES256).getPublic());

        assertThatThrownBy(() -> KeyMaterial.signingKey(mixed, null, null, RSA_MIN))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("does not belong");
    }

    @Test
    void keyMaterial_base64UrlJwkSetAndPemWithConfiguredAlgorithm_areRead() {
        String jwks = Jwk.publicJwkSet(List.of(TestKeys.signingKey(JwsAlgorithm.EdDSA, "d").verificationKey())).toString();
        String encoded = Base64.getUrlEncoder().encodeToString(jwks.getBytes(StandardCharsets.UTF_8));
        String pem = PemKeys.toPem(TestKeys.pair(JwsAlgorithm.PS256).getPublic());

        assertThat(KeyMaterial.verificationKeys(encoded, null, null, RSA_MIN).get(0).algorithm())
                .isEqualTo(JwsAlgorithm.EdDSA);
        assertThat(KeyMaterial.verificationKeys(pem, JwsAlgorithm.PS256, null, RSA_MIN).get(0).algorithm())
                .isEqualTo(JwsAlgorithm.PS256);
        assertThatThrownBy(() -> KeyMaterial.verificationKeys(pem, JwsAlgorithm.ES256, null, RSA_MIN))
                .isInstanceOf(InvalidKeyMaterialException.class);
        assertThatThrownBy(() -> KeyMaterial.verificationKeys("not a key", null, null, RSA_MIN))
                .isInstanceOf(InvalidKeyMaterialException.class);
    }

    @Test
    void keyLocation_plainPathFileUrlAndClasspath_areReadAndOtherSchemesRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, "pem text");
        ClassLoader loader = getClass().getClassLoader();
        Duration timeout = KeyLocation.DEFAULT_TIMEOUT;

        assertThat(KeyLocation.read(file.toString(), loader, timeout)).isEqualTo("pem text");
        assertThat(KeyLocation.read(file.toUri().toString(), loader, timeout)).isEqualTo("pem text");
        assertThat(KeyLocation.read("classpath:vectors/jws-vectors.json", loader, timeout)).contains("RFC 7515");
        assertThat(KeyLocation.read("classpath:/vectors/jws-vectors.json", loader, timeout)).contains("RFC 7515");
        for (String refused : new String[] {"http://127.0.0.1:1/jwks.json", "ftp://example/key", "jar:file:/x!/y",
                "classpath:missing.pem", dir.resolve("missing.pem").toString(), ""}) {
            assertThatThrownBy(() -> KeyLocation.read(refused, loader, timeout)).as(refused)
                    .isInstanceOf(InvalidKeyMaterialException.class);
        }
    }

    @Test
    void keyLocation_fileLargerThanTheCapOrNotUtf8_isRefused(@TempDir Path dir) throws IOException {
        Path large = dir.resolve("large.json");
        Files.write(large, new byte[KeyLocation.MAX_BYTES + 1]);
        Path binary = dir.resolve("binary.der");
        Files.write(binary, new byte[] {(byte) 0x30, (byte) 0x82, (byte) 0xFF, (byte) 0xFE});

        for (Path path : Set.of(large, binary)) {
            assertThatThrownBy(() -> KeyLocation.read(path.toString(), getClass().getClassLoader(),
                    KeyLocation.DEFAULT_TIMEOUT)).isInstanceOf(InvalidKeyMaterialException.class)
                    ;
        }
    }

    @Test
    void fetchHttps_plainHttp_isRefusedWithoutConnecting() {
        assertThatThrownBy(() -> KeyLocation.fetchHttps(java.net.URI.create("http://127.0.0.1:9/jwks"),
                Duration.ofSeconds(1))).isInstanceOf(IOException.class).hasMessageContaining("https");
    }
}
