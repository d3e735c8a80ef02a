package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Key rotation without a restart: the server reads {@code sigil.verify.keys.location} again when
 * the file changes (checked at most once per {@code sigil.keys.reload-interval}, PT1S in the
 * tests). With two keys in the set, tokens under both verify; once the old key is dropped from
 * the file, its tokens are refused and the new key's still pass.
 */
class KeyRotationIT extends SigilITBase {

    private static final Path FILE = TestKeys.DIR.resolve("rotation.jwks.json");

    private static String token(TestKeys.SigningKey key, String name) {
        return key.sign(TestTokens.claims(name, "[\"user\"]", System.currentTimeMillis() / 1000 + 600));
    }

    @AfterEach
    void restoreBothKeys() throws Exception {
        TestKeys.replace(FILE, TestKeys.jwkSet("rotation-old.jwk.json", "rotation-new.jwk.json"));
        awaitStatus(token(TestKeys.ROTATION_OLD, "old-caller"), 200);
    }

    @Test
    void rotation_dropTheOldKeyFromTheFile_itsTokensAreRefusedWithoutRestart() throws Exception {
        String oldToken = token(TestKeys.ROTATION_OLD, "old-caller");
        String newToken = token(TestKeys.ROTATION_NEW, "new-caller");
        TestKeys.replace(FILE, TestKeys.jwkSet("rotation-old.jwk.json", "rotation-new.jwk.json"));
        awaitStatus(oldToken, 200);
        assertThat(status(newToken)).as("a token under the new key, both keys configured").isEqualTo(200);

        TestKeys.replace(FILE, TestKeys.jwkSet("rotation-new.jwk.json"));
        awaitStatus(oldToken, 401);
        HttpResponse<String> refused = send(get("/api/me", oldToken));
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
        assertThat(status(newToken)).as("a token under the new key after the old one was dropped").isEqualTo(200);
        assertThat(send(get("/.well-known/jwks.json", null)).body())
                .contains("\"rotation-new\"").doesNotContain("\"rotation-old\"");
    }

    @Test
    void rotation_unreadableFile_keepsTheLastGoodKeys() throws Exception {
        String oldToken = token(TestKeys.ROTATION_OLD, "old-caller");
        awaitStatus(oldToken, 200);

        TestKeys.replace(FILE, "{\"keys\":[ this is not JSON");
        // Give the server several reload intervals to (wrongly) drop the keys.
        Instant until = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(until)) {
            assertThat(status(oldToken)).as("a token under the last good keys").isEqualTo(200);
            Thread.sleep(500);
        }
    }

    private void awaitStatus(String token, int expected) throws Exception {
        TestKeys.await(() -> status(token), expected, "status of a token after rewriting " + FILE.getFileName());
    }

    private int status(String token) throws Exception {
        return send(get("/api/me", token)).statusCode();
    }
}
