package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reading decryption keys: PEM, JWK, JWK Set (only private RSA keys for encryption taken),
 * base64url-encoded JWK, the JWK's {@code alg} binding the key, and refusals naming the setting.
 */
class DecryptionKeysTest {

    private static final Set<JweAlgorithm> BOTH = EnumSet.allOf(JweAlgorithm.class);

    private static String privateJwk(String kid, String use, String alg) {
        String jwk = Jwk.privateJwk(JwsAlgorithm.RS256, kid, TestJwe.pair()).toString();
        jwk = jwk.replace("\"use\":\"sig\"", use == null ? "\"x\":0" : "\"use\":\"" + use + "\"");
        return jwk.replace("\"alg\":\"RS256\"", alg == null ? "\"y\":0" : "\"alg\":\"" + alg + "\"");
    }

    @Test
    void read_pem_takesBothAlgorithmsAndTheGivenKid() {
        List<DecryptionKey> keys = DecryptionKeys.read(PemKeys.toPem(TestJwe.pair().getPrivate()), BOTH, "k");

        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.algorithms()).isEqualTo(BOTH);
            assertThat(key.keyId()).isEqualTo("k");
        });
    }

    @Test
    void read_jwkWithAlg_isBoundToIt() {
        List<DecryptionKey> keys = DecryptionKeys.read(privateJwk("enc-1", "enc", "RSA-OAEP"), BOTH, null);

        assertThat(keys.get(0).algorithms()).containsExactly(JweAlgorithm.RSA_OAEP);
        assertThat(keys.get(0).keyId()).isEqualTo("enc-1");
    }

    @Test
    void read_base64UrlJwk_isDecoded() {
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(privateJwk(null, null, null).getBytes(StandardCharsets.UTF_8));

        assertThat(DecryptionKeys.read(encoded, BOTH, null)).hasSize(1);
    }

    @Test
    void read_jwkSet_takesOnlyPrivateRsaKeysForEncryption() {
        String publicOnly = "{\"kty\":\"RSA\",\"kid\":\"pub\",\"n\":\"AQAB\",\"e\":\"AQAB\"}";
        String set = "{\"keys\":[" + privateJwk("sig-1", "sig", null) + "," + publicOnly + ","
                + "{\"kty\":\"oct\",\"k\":\"AAAA\"}," + privateJwk("enc-1", "enc", null) + "]}";

        List<DecryptionKey> keys = DecryptionKeys.read(set, BOTH, null);

        assertThat(keys).extracting(DecryptionKey::keyId).containsExactly("enc-1");
    }

    @Test
    void read_badKeys_areRefusedWithAReason() {
        List<String> bad = List.of(
                "",
                "not a key",
                PemKeys.toPem(TestJwe.pair().getPublic()),
                privateJwk(null, "sig", null),
                privateJwk(null, null, "RSA1_5"),
                "{\"keys\":[" + privateJwk("a", null, null) + "," + privateJwk("a", null, null) + "]}",
                "{\"keys\":[]}",
                "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\",\"d\":\"AA\"}",
                privateJwk(null, null, null).replace("\"x\":0", "\"key_ops\":[\"sign\"]"),
                privateJwk(null, null, null).replace("\"x\":0", "\"key_ops\":[\"unwarpKey\"]"));
        for (String text : bad) {
            Throwable thrown = catchThrowable(() -> DecryptionKeys.read(text, BOTH, null));
            assertThat(thrown).as(text).isInstanceOf(InvalidKeyMaterialException.class);
            assertThat(((InvalidKeyMaterialException) thrown).reason()).as(text).isNotBlank();
        }
    }

    @Test
    void read_jwkAlgOutsideTheAcceptedOnes_isRefusedWithAReason() {
        Throwable thrown = catchThrowable(() -> DecryptionKeys.read(privateJwk(null, null, "RSA-OAEP"),
                EnumSet.of(JweAlgorithm.RSA_OAEP_256), null));

        assertThat(thrown).isInstanceOf(InvalidKeyMaterialException.class);
        assertThat(((InvalidKeyMaterialException) thrown).reason()).contains("RSA-OAEP");
    }
}
