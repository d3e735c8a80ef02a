package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7517 key metadata ({@code use}, {@code key_ops}, {@code alg}) and private members, with the
 * RFC 7517 Appendix A and RFC 7520 section 3 example keys as data.
 */
class JwkMetadataTest {

    private static final int RSA_MIN = JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS;

    private static JsonObject examples;
    private static JsonObject rsaPublic;
    private static JsonObject rsaPrivate;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = JwkMetadataTest.class.getResourceAsStream("/vectors/jwk-examples.json")) {
            examples = Json.createReader(in).readObject();
        }
        rsaPublic = Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.RS256, "r").verificationKey()).orElseThrow();
        rsaPrivate = Jwk.privateJwk(JwsAlgorithm.RS256, "r", TestKeys.pair(JwsAlgorithm.RS256));
    }

    // ---------------------------------------------------------------- use and key_ops allow verifying

    @ParameterizedTest
    @ValueSource(strings = {"[\"verify\"]", "[\"sign\",\"verify\"]", "[\"verify\",\"sign\"]"})
    void verificationKeys_keyOpsWithVerify_areLoaded(String keyOps) {
        assertThat(Jwk.verificationKeys(with(rsaPublic, "key_ops", keyOps), null, RSA_MIN))
                .extracting(VerificationKey::keyId).containsExactly("r");
        assertThat(Jwk.verificationKeys(with(without(rsaPublic, "use"), "key_ops", keyOps), null, RSA_MIN))
                .hasSize(1);
    }

    @Test
    void verificationKeys_keyMarkedForEncryptionOnly_neverVerifies() {
        String encryptOnly = with(without(rsaPublic, "use"), "key_ops", "[\"encrypt\"]");
        String signOnly = with(without(rsaPublic, "use"), "key_ops", "[\"sign\"]");
        String empty = with(without(rsaPublic, "use"), "key_ops", "[]");

        for (String jwk : List.of(encryptOnly, signOnly, empty)) {
            assertThatThrownBy(() -> Jwk.verificationKeys(jwk, null, RSA_MIN)).as(jwk)
                    .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("no JWK usable for signatures");
        }
        JsonObject es = Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.ES256, "e").verificationKey()).orElseThrow();
        assertThat(Jwk.verificationKeys(set(encryptOnly, es.toString()), null, RSA_MIN))
                .as("skipped in a set, like use: enc").extracting(VerificationKey::keyId).containsExactly("e");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"verify\"                         | must be an array",
        "[\"verify\",1]                     | must hold strings",
        "[\"verify\",\"verify\"]            | twice",
        "[\"verify\",\"verfy\"]             | does not register",
        "[\"VERIFY\"]                       | does not register",
        "[\"verify\",\"decrypt\"]           | mix signature and encryption",
        "[\"sign\",\"wrapKey\"]             | mix signature and encryption"})
    void verificationKeys_malformedOrMixedKeyOps_refuseTheWholeSet(String keyOps, String why) {
        String bad = with(without(rsaPublic, "use"), "key_ops", keyOps);
        JsonObject es = Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.ES256, "e").verificationKey()).orElseThrow();

        for (String text : List.of(bad, set(es.toString(), bad))) {
            assertThatThrownBy(() -> Jwk.verificationKeys(text, null, RSA_MIN)).as(keyOps)
                    .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("key_ops").hasMessageContaining(why);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sig | [\"encrypt\"]        |          | \"use\" is \"sig\" but \"key_ops\"",
        "sig | [\"deriveBits\"]     |          | \"use\" is \"sig\" but \"key_ops\"",
        "enc | [\"verify\"]         |          | \"use\" is not \"sig\"",
        "enc | [\"sign\",\"verify\"] |         | \"use\" is not \"sig\"",
        "sig |                      | RSA-OAEP | \"alg\" is an encryption algorithm",
        "    | [\"verify\"]         | RSA1_5   | \"alg\" is an encryption algorithm"})
    void verificationKeys_contradictoryUseKeyOpsOrAlg_isRefusedNamingTheSetting(String use, String keyOps, String alg,
                                                                                 String why) {
        JsonObject jwk = Json.createObjectBuilder(without(without(rsaPublic, "use"), "alg")).build();
        String text = jwk.toString();
        if (use != null) {
            text = with(Json.createReader(new java.io.StringReader(text)).readObject(), "use", "\"" + use + "\"");
        }
        if (keyOps != null) {
            text = with(Json.createReader(new java.io.StringReader(text)).readObject(), "key_ops", keyOps);
        }
        if (alg != null) {
            text = with(Json.createReader(new java.io.StringReader(text)).readObject(), "alg", "\"" + alg + "\"");
        }
        String jwkText = text;

        assertThatThrownBy(() -> Jwk.verificationKeys(jwkText, null, RSA_MIN)).as(jwkText)
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("contradicts").hasMessageContaining(why);
    }

    @Test
    void verificationKeys_algThatDoesNotFitTheKey_isRefused() {
        assertThatThrownBy(() -> Jwk.verificationKeys(with(rsaPublic, "alg", "\"ES256\""), null, RSA_MIN))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("does not fit");
        JsonObject ec = examples.getJsonObject("rfc7520_3_1_ec_public");
        assertThatThrownBy(() -> Jwk.verificationKeys(with(ec, "alg", "\"ES256\""), null, RSA_MIN))
                .as("P-521 key labelled ES256").isInstanceOf(InvalidKeyMaterialException.class)
                ;
        assertThat(Jwk.verificationKeys(ec.toString(), null, RSA_MIN).get(0).algorithm())
                .isEqualTo(JwsAlgorithm.ES512);
    }

    // ---------------------------------------------------------------- RFC example keys

    @Test
    void verificationKeys_rfc7517PublicSet_loadsTheSignatureKeyAndSkipsTheEncryptionKey() {
        List<VerificationKey> keys = Jwk.verificationKeys(examples.getJsonObject("rfc7517_A1_public_set").toString(),
                null, RSA_MIN);

        assertThat(keys).extracting(VerificationKey::keyId).containsExactly("2011-04-29");
        assertThat(keys.get(0).algorithm()).isEqualTo(JwsAlgorithm.RS256);
    }

    @Test
    void verificationKeys_rfc7520PublicKeys_loadAndItsEncryptionSecretIsSkipped() {
        String set = set(examples.getJsonObject("rfc7520_3_1_ec_public").toString(),
                with(examples.getJsonObject("rfc7520_3_3_rsa_public"), "kid", "\"rsa\""),
                examples.getJsonObject("rfc7520_3_5_symmetric_mac").toString(),
                examples.getJsonObject("rfc7520_3_6_symmetric_enc").toString());

        assertThat(Jwk.verificationKeys(set, null, RSA_MIN))
                .extracting(VerificationKey::algorithm)
                .containsExactly(JwsAlgorithm.ES512, JwsAlgorithm.RS256, JwsAlgorithm.HS256);
    }

    @Test
    void verificationKeys_rfc7517SymmetricSet_needsAnAlgForTheHmacKey() {
        assertThatThrownBy(() -> Jwk.verificationKeys(examples.getJsonObject("rfc7517_A3_symmetric_set").toString(),
                null, RSA_MIN)).isInstanceOf(InvalidKeyMaterialException.class)
                .hasMessageContaining("oct").hasMessageContaining("alg");
    }

    // ---------------------------------------------------------------- private members

    @ParameterizedTest
    @ValueSource(strings = {"rfc7517_A2_ec_private", "rfc7520_3_2_ec_private"})
    void verificationKeys_rfcPrivateKeys_areRefusedNamingTheSettingWithoutKeyMaterial(String name) {
        JsonObject jwk = examples.getJsonObject(name);
        JsonObject es = Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.ES256, "e").verificationKey()).orElseThrow();

        for (String text : List.of(jwk.toString(), set(es.toString(), jwk.toString()))) {
            assertThatThrownBy(() -> Jwk.verificationKeys(text, null, RSA_MIN))
                    .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("private member \"d\"").hasMessageNotContaining(jwk.getString("d"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"d", "p", "q", "dp", "dq", "qi"})
    void verificationKeys_rsaJwkWithAnyPrivateMember_isRefused(String member) {
        String jwk = with(rsaPublic, member, "\"" + rsaPrivate.getString(member) + "\"");

        assertThatThrownBy(() -> KeyMaterial.verificationKeys(jwk, null, null, RSA_MIN))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("\"" + member + "\"").hasMessageNotContaining(rsaPrivate.getString(member));
    }

    @Test
    void verificationKeys_pemWithAPrivateKeyBlock_isRefused() {
        var pair = TestKeys.pair(JwsAlgorithm.ES256);
        String pem = PemKeys.toPem(pair.getPublic()) + PemKeys.toPem(pair.getPrivate());
        String rsaPkcs1 = PemKeys.toPem(pair.getPublic()) + "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n";

        for (String text : List.of(pem, rsaPkcs1)) {
            assertThatThrownBy(() -> KeyMaterial.verificationKeys(text, null, null, RSA_MIN))
                    .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("private key");
        }
        assertThat(KeyMaterial.verificationKeys(PemKeys.toPem(pair.getPublic()), null, null, RSA_MIN)).hasSize(1);
    }

    // ---------------------------------------------------------------- the signing key

    @Test
    void signingKey_useAndKeyOpsMustAllowSigning() {
        assertThat(Jwk.signingKey(with(rsaPrivate, "key_ops", "[\"sign\"]"), null, RSA_MIN).keyId())
                .isEqualTo("r");
        assertThat(Jwk.signingKey(with(without(rsaPrivate, "use"), "key_ops", "[\"sign\",\"verify\"]"), null, RSA_MIN).keyId()).isEqualTo("r");

        for (String bad : List.of(with(rsaPrivate, "use", "\"enc\""),
                with(without(rsaPrivate, "use"), "key_ops", "[\"verify\"]"),
                with(without(rsaPrivate, "use"), "key_ops", "[\"decrypt\"]"),
                with(rsaPrivate, "key_ops", "[\"sign\",\"sign\"]"))) {
            assertThatThrownBy(() -> Jwk.signingKey(bad, null, RSA_MIN)).as(bad)
                    .isInstanceOf(InvalidKeyMaterialException.class);
        }
        JsonObject secret = Jwk.secretJwk(JwsAlgorithm.HS256, "h", TestKeys.secret(JwsAlgorithm.HS256, 2));
        assertThatThrownBy(() -> Jwk.signingKey(with(secret, "key_ops", "[\"verify\"]"), null, RSA_MIN))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("do not allow signing");
    }

    // ---------------------------------------------------------------- helpers

    private static String with(JsonObject jwk, String member, String json) {
        return Json.createObjectBuilder(jwk).add(member, Json.createReader(new java.io.StringReader(
                "{\"v\":" + json + "}")).readObject().get("v")).build().toString();
    }

    private static JsonObject without(JsonObject jwk, String member) {
        return Json.createObjectBuilder(jwk).remove(member).build();
    }

    private static String with(String jwk, String member, String json) {
        return with(Json.createReader(new java.io.StringReader(jwk)).readObject(), member, json);
    }

    private static String set(String... jwks) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String jwk : jwks) {
            array.add(Json.createReader(new java.io.StringReader(jwk)).readObject());
        }
        return Json.createObjectBuilder().add("keys", array).build().toString();
    }
}
