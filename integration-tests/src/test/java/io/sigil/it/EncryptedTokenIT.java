package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Encrypted tokens: the server has {@code mp.jwt.decrypt.key.location} (an RSA 2048 private key),
 * so signed-then-encrypted tokens (RSA-OAEP or RSA-OAEP-256 with A256GCM, built by the tests' own
 * JWE code in {@link TestJwe}) are accepted at {@code /api/me}, while every hostile encrypted
 * token gets one and the same 401 answer: status, {@code WWW-Authenticate} and body identical,
 * and identical to the answer for plain garbage.
 */
class EncryptedTokenIT extends SigilITBase {

    private static final String GOOD_HEADER = "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"cty\":\"JWT\"}";

    private static long in(long seconds) {
        return System.currentTimeMillis() / 1000 + seconds;
    }

    private static String signed(String name) {
        return TestKeys.OUTSIDE_RS256.sign(TestTokens.claims(name, "[\"partner\"]", in(300)));
    }

    @Test
    void me_outsideIssuerTokenSignedThenEncrypted_isAccepted() throws Exception {
        assertAccepted(TestJwe.nested(signed("nested-caller")), "nested-caller");
    }

    @Test
    void me_rsaOaepWithSha1_isAcceptedToo() throws Exception {
        String jwe = TestJwe.encrypt("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\",\"cty\":\"JWT\"}", TestJwe.SERVER_KEY,
                false, signed("oaep-caller"));
        assertAccepted(jwe, "oaep-caller");
    }

    @Test
    void me_sigilIssuedTokenEncrypted_isAccepted() throws Exception {
        assertAccepted(TestJwe.nested(tokenFor("alice", "alice-password")), "alice");
    }

    @Test
    void me_hostileEncryptedTokens_allGetTheSameAnswer() throws Exception {
        String good = TestJwe.nested(signed("mallory"));
        String claims = TestTokens.claims("mallory", "[\"admin\"]", in(300));
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("wrong key", TestJwe.encrypt(GOOD_HEADER, TestJwe.otherKey(), true, signed("mallory")));
        hostile.put("truncated tag", TestJwe.withPart(good, 4, good.split("\\.")[4].substring(0, 20)));
        hostile.put("altered tag", TestJwe.flipped(good, 4));
        hostile.put("altered header", TestJwe.withPart(good, 0,
                TestTokens.b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"cty\":\"JWT\",\"kid\":\"x\"}")));
        hostile.put("altered IV", TestJwe.flipped(good, 2));
        hostile.put("altered encrypted key", TestJwe.flipped(good, 1));
        // large, yet the request stays under the 4 KiB header list that Payara's HTTP/2 accepts: a
        // larger one is reset by the container before Sigil sees it. Tokens over
        // sigil.token.max-length are refused before any crypto (unit tests).
        hostile.put("huge ciphertext", TestJwe.withPart(good, 3, "A".repeat(2_400)));
        hostile.put("zip", TestJwe.encrypt("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"cty\":\"JWT\",\"zip\":\"DEF\"}",
                TestJwe.SERVER_KEY, true, signed("mallory")));
        hostile.put("alg and enc swapped", TestJwe.encrypt("{\"alg\":\"A256GCM\",\"enc\":\"RSA-OAEP-256\",\"cty\":\"JWT\"}",
                TestJwe.SERVER_KEY, true, signed("mallory")));
        hostile.put("encrypted claims, no signature", TestJwe.encrypt("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}",
                TestJwe.SERVER_KEY, true, claims));
        hostile.put("forged inner signature", TestJwe.nested(TestTokens.hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                claims, "attacker-secret-attacker-secret!".getBytes(StandardCharsets.US_ASCII))));
        hostile.put("six parts", good + ".AAAA");

        Answer garbage = answer("not-a-token");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.challenge()).isEqualTo(INVALID_TOKEN_CHALLENGE);
        for (Map.Entry<String, String> entry : hostile.entrySet()) {
            assertThat(answer(entry.getValue())).as(entry.getKey()).isEqualTo(garbage);
        }
    }

    /** What a client sees of a refusal. */
    private record Answer(int status, String challenge, List<String> contentType, String body) {
    }

    private Answer answer(String token) throws Exception {
        HttpResponse<String> response = send(get("/api/me", token));
        assertThat(response.body()).doesNotContain("mallory");
        return new Answer(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(null),
                response.headers().allValues("Content-Type"), response.body());
    }
}
