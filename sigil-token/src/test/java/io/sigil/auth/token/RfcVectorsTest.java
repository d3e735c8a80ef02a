package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the published JWS vectors kept as data in {@code vectors/jws-vectors.json}: RFC 7515
 * Appendix A (A.5, unsecured, must be refused), RFC 7520 section 4, RFC 8037 A.4 (Ed25519) and
 * RFC 7797 4.2 ({@code b64} false, refused).
 */
class RfcVectorsTest {

    private static final TokenPolicy POLICY =
            new TokenPolicy("joe", Set.of(), Duration.ZERO, Optional.empty(), 1 << 20);
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_300_000_000L), ZoneOffset.UTC);

    private static JsonObject vectors() {
        try (InputStream in = RfcVectorsTest.class.getResourceAsStream("/vectors/jws-vectors.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<JsonObject> tokens() {
        return vectors().getJsonArray("tokens").getValuesAs(JsonObject.class).stream();
    }

    static Stream<JsonObject> signatures() {
        return vectors().getJsonArray("signatures").getValuesAs(JsonObject.class).stream();
    }

    private static VerificationKey key(JsonObject vector) {
        JwsAlgorithm algorithm = JwsAlgorithm.fromJoseName(vector.getString("alg")).orElseThrow();
        return Jwk.verificationKeys(vector.getJsonObject("jwk").toString(), algorithm,
                JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS).get(0);
    }

    private static TokenVerifier verifier(JsonObject vector) {
        return new TokenVerifier(KeyRing.of(key(vector)), POLICY, CLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void verifiedPayload_publishedToken_isAcceptedOrRefusedAsPublished(JsonObject vector) {
        String compact = vector.getString("compact");
        TokenVerifier verifier = verifier(vector);
        if (vector.getString("expect").equals("valid")) {
            TokenVerifier.Verified verified = catchVerified(verifier, compact);
            assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(verified.payload()))
                    .isEqualTo(vector.getString("payload"));
            assertThat(verified.key().algorithm().joseName()).isEqualTo(vector.getString("alg"));
        } else {
            assertThat(catchThrowable(() -> verifier.verifiedPayload(compact)))
                    .isInstanceOfSatisfying(InvalidTokenException.class,
                            e -> assertThat(e.reason()).isEqualTo(vector.getString("reason")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void verifiedPayload_publishedTokenWithOneSignatureBitFlipped_isRefused(JsonObject vector) {
        String compact = vector.getString("compact");
        int dot = compact.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(compact.substring(dot + 1));
        if (signature.length == 0) {
            return;
        }
        signature[signature.length / 2] ^= 0x10;
        String altered = compact.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        assertThat(catchThrowable(() -> verifier(vector).verifiedPayload(altered)))
                .isInstanceOf(InvalidTokenException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatures")
    void verify_publishedJsonSerializationSignature_isValidAndAlteredInputIsNot(JsonObject vector) {
        VerificationKey key = key(vector);
        byte[] input = vector.getString("signingInput").getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(vector.getString("signature"));
        byte[] altered = input.clone();
        altered[altered.length - 1] ^= 1;

        assertThat(key.verify(input, signature)).isTrue();
        assertThat(key.verify(altered, signature)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void verify_publishedTokenOfAnotherAlgorithmFamily_isRefusedByEveryOtherVectorKey(JsonObject vector) {
        String compact = vector.getString("compact");
        tokens().filter(other -> !other.getString("alg").equals(vector.getString("alg")))
                .forEach(other -> assertThat(catchThrowable(() -> verifier(other).verifiedPayload(compact)))
                        .as(vector.getString("name") + " under the key of " + other.getString("name"))
                        .isInstanceOf(InvalidTokenException.class));
    }

    private static TokenVerifier.Verified catchVerified(TokenVerifier verifier, String compact) {
        try {
            return verifier.verifiedPayload(compact);
        } catch (InvalidTokenException e) {
            throw new AssertionError("refused: " + e.reason(), e);
        }
    }
}
