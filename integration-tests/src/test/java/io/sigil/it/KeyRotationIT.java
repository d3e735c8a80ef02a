package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
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

    /** Generous: the interval is one second, but this machine is shared and may be slow. */
    private static final Duration RELOAD_DEADLINE = Duration.ofSeconds(60);

    private static final Path FILE = TestKeys.DIR.resolve("rotation.jwks.json");

    private static String set(String... jwkFiles) {
        StringBuilder set = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < jwkFiles.length; i++) {
            set.append(i == 0 ? "" : ",").append(TestKeys.text(jwkFiles[i]).trim());
        }
        return set.append("]}\n").toString();
    }

    private static String token(TestKeys.SigningKey key, String name) {
        return key.sign(TestTokens.claims(name, "[\"user\"]", System.currentTimeMillis() / 1000 + 600));
    }

    @AfterEach
    void restoreBothKeys() throws Exception {
        write(set("rotation-old.jwk.json", "rotation-new.jwk.json"));
        awaitStatus(token(TestKeys.ROTATION_OLD, "old-caller"), 200);
    }

    @Test
    void rotation_dropTheOldKeyFromTheFile_itsTokensAreRefusedWithoutRestart() throws Exception {
        String oldToken = token(TestKeys.ROTATION_OLD, "old-caller");
        String newToken = token(TestKeys.ROTATION_NEW, "new-caller");
        write(set("rotation-old.jwk.json", "rotation-new.jwk.json"));
        awaitStatus(oldToken, 200);
        assertThat(status(newToken)).as("a token under the new key, both keys configured").isEqualTo(200);

        write(set("rotation-new.jwk.json"));
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

        write("{\"keys\":[ this is not JSON");
        // Give the server several reload intervals to (wrongly) drop the keys.
        Instant until = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(until)) {
            assertThat(status(oldToken)).as("a token under the last good keys").isEqualTo(200);
            Thread.sleep(500);
        }
    }

    /**
     * Replaces the file atomically, as an operator's tooling should, and moves its modification
     * time forward so that a rewrite within the file system's timestamp granularity is seen.
     */
    private static void write(String content) throws IOException {
        Path temp = Files.createTempFile(FILE.getParent(), "rotation", ".tmp");
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        FileTime previous = Files.exists(FILE) ? Files.getLastModifiedTime(FILE) : FileTime.fromMillis(0);
        FileTime next = FileTime.fromMillis(Math.max(System.currentTimeMillis(), previous.toMillis() + 2000));
        Files.setLastModifiedTime(temp, next);
        Files.move(temp, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitStatus(String token, int expected) throws Exception {
        Instant deadline = Instant.now().plus(RELOAD_DEADLINE);
        int last = status(token);
        while (last != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            last = status(token);
        }
        assertThat(last).as("status within %s of rewriting %s", RELOAD_DEADLINE, FILE.getFileName())
                .isEqualTo(expected);
    }

    private int status(String token) throws Exception {
        return send(get("/api/me", token)).statusCode();
    }
}
