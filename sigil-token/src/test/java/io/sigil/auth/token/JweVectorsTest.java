package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JWE vectors the JDK can decrypt with what MicroProfile JWT requires (RSA-OAEP,
 * A256GCM), kept as data in {@code vectors/jwe-vectors.json}: RFC 7516 Appendix A.1 and RFC 7520
 * section 5.2. Their payloads are text, not signed tokens, so they are decrypted with
 * {@link JweDecryptor} alone.
 */
class JweVectorsTest {

    static Stream<JsonObject> vectors() {
        try (InputStream in = JweVectorsTest.class.getResourceAsStream("/vectors/jwe-vectors.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject().getJsonArray("vectors").getValuesAs(JsonObject.class).stream();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JweDecryptor decryptor(JsonObject vector, Set<JweAlgorithm> allowed) {
        List<DecryptionKey> keys = DecryptionKeys.read(vector.getJsonObject("jwk").toString(), allowed, null);
        return new JweDecryptor(keys, 1 << 16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decrypt_publishedVector_givesItsPlaintext(JsonObject vector) throws InvalidTokenException {
        JweDecryptor.Decrypted decrypted = decryptor(vector, EnumSet.allOf(JweAlgorithm.class))
                .decrypt(vector.getString("jwe"));

        assertThat(new String(decrypted.plaintext(), StandardCharsets.UTF_8)).isEqualTo(vector.getString("plaintext"));
        assertThat(decrypted.contentType()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decrypt_publishedVectorUnderOaep256Only_isRefused(JsonObject vector) {
        JsonObject jwk = Json.createObjectBuilder(vector.getJsonObject("jwk")).remove("alg").build();
        JweDecryptor decryptor = new JweDecryptor(DecryptionKeys.read(jwk.toString(),
                EnumSet.of(JweAlgorithm.RSA_OAEP_256), null), 1 << 16);

        InvalidTokenException e = catchThrowableOfType(InvalidTokenException.class,
                () -> decryptor.decrypt(vector.getString("jwe")));

        assertThat(e.reason()).isEqualTo(JweDecryptor.REFUSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decrypt_publishedVectorWithOneCiphertextBitFlipped_isRefused(JsonObject vector) {
        String jwe = vector.getString("jwe");
        String[] parts = jwe.split("\\.");
        byte[] ciphertext = TestJws.decode(parts[3]);
        ciphertext[0] ^= 1;
        String altered = String.join(".", parts[0], parts[1], parts[2], TestJws.b64(ciphertext), parts[4]);

        InvalidTokenException e = catchThrowableOfType(InvalidTokenException.class,
                () -> decryptor(vector, EnumSet.allOf(JweAlgorithm.class)).decrypt(altered));

        assertThat(e.reason()).isEqualTo(JweDecryptor.REFUSED);
    }
}
