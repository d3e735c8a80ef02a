package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * One key ring: the server accepts its own tokens (RS256 signing key and the HS256
 * {@code sigil.secret}) and an outside issuer's RS256, ES256 and EdDSA tokens from the JWK Set at
 * {@code mp.jwt.verify.publickey.location}, each only under its own key and algorithm.
 */
class KeyRingIT extends SigilITBase {

    private static long in(long seconds) {
        return System.currentTimeMillis() / 1000 + seconds;
    }

    private static String claims(String name) {
        return TestTokens.claims(name, "[\"partner\"]", in(300));
    }

    @Test
    void me_rs256TokenOfTheOutsideIssuer_isAccepted() throws Exception {
        assertAccepted(TestKeys.OUTSIDE_RS256.sign(claims("rsa-caller")), "rsa-caller");
    }

    @Test
    void me_es256TokenOfTheOutsideIssuer_isAccepted() throws Exception {
        assertAccepted(TestKeys.OUTSIDE_ES256.sign(claims("ec-caller")), "ec-caller");
    }

    @Test
    void me_eddsaTokenOfTheOutsideIssuer_isAccepted() throws Exception {
        assertAccepted(TestKeys.OUTSIDE_EDDSA.sign(claims("ed-caller")), "ed-caller");
    }

    @Test
    void me_hs256TokenUnderTheSecret_isStillAcceptedBesideTheOutsideKeys() throws Exception {
        assertAccepted(TestTokens.valid("hmac-caller", "[\"user\"]"), "hmac-caller");
    }

    @Test
    void token_issuedBySigil_isRs256WithTheConfiguredKidAndIsAccepted() throws Exception {
        String token = tokenFor("alice", "alice-password");
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RS256\"").contains("\"kid\":\"sigil-it-1\"");
        assertAccepted(token, "alice");
    }

    /** The classic confusion: HS256 with the RSA public key's bytes as the HMAC secret. */
    @Test
    void me_hs256SignedWithTheRsaPublicKeyAsSecret_is401() throws Exception {
        String pem = TestKeys.text("outside-rs256.spki.pem");
        byte[] der = TestKeys.pemBody(pem);
        String claims = claims("mallory");
        for (byte[] secret : new byte[][] {pem.getBytes(StandardCharsets.US_ASCII), der}) {
            assertRefused(TestTokens.hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"outside-rs256\"}", claims, secret));
            assertRefused(TestTokens.hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims, secret));
        }
    }

    @Test
    void me_tokenUnderAnUnknownKid_is401() throws Exception {
        assertRefused(TestKeys.OUTSIDE_RS256.sign("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"no-such-key\"}",
                claims("mallory")));
        assertRefused(TestKeys.OUTSIDE_RS256.sign("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"../../etc/passwd\"}",
                claims("mallory")));
    }

    @Test
    void me_tokenSignedByOneOutsideKeyUnderTheKidOfAnother_is401() throws Exception {
        assertRefused(TestKeys.OUTSIDE_ES256.sign("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"outside-rs256\"}",
                claims("mallory")));
        assertRefused(TestKeys.OUTSIDE_RS256.sign("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"sigil-it-1\"}",
                claims("mallory")));
    }

    @Test
    void me_validRs256SignaturePresentedAsPs256_is401() throws Exception {
        // The key fixes the algorithm; the header's alg is only compared with it.
        String[] parts = TestKeys.OUTSIDE_RS256.sign(claims("mallory")).split("\\.");
        assertRefused(TestTokens.b64("{\"alg\":\"PS256\",\"typ\":\"JWT\",\"kid\":\"outside-rs256\"}") + "."
                + parts[1] + "." + parts[2]);
    }

    @Test
    void me_tokenSignedWithTheKeyItsHeaderEmbeds_is401() throws Exception {
        // A header jwk is never trusted: only configured keys count.
        String attackerJwk = "{\"kty\":\"oct\",\"k\":\"" + TestTokens.b64("attacker-secret-attacker-secret!") + "\"}";
        String forged = TestTokens.hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"jwk\":" + attackerJwk + "}",
                claims("mallory"), "attacker-secret-attacker-secret!".getBytes(StandardCharsets.US_ASCII));
        assertRefused(forged);
    }

    private void assertRefused(String token) throws Exception {
        HttpResponse<String> response = send(get("/api/me", token));
        assertThat(response.statusCode()).as("status for a bad token").isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
        assertThat(response.body()).doesNotContain("mallory");
    }
}
