package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rotating Sigil's own signing key without a restart, as the README's runbook does it: the old
 * public key goes into {@code sigil.verify.keys.location}, the signing key file is replaced by a
 * new key with a new kid (here an ES256 key: the key fixes the algorithm), tokens issued before
 * stay valid, and dropping the old key from the verification file ends them.
 */
class SigningKeyRotationIT extends SigilITBase {

    private static final Path SIGNING = TestKeys.DIR.resolve("sigil-signing.jwk.json");
    private static final Path VERIFY = TestKeys.DIR.resolve("rotation.jwks.json");
    private static final String ORIGINAL_SIGNING = TestKeys.text("sigil-signing.jwk.json");

    @AfterEach
    void restoreTheOriginalKeys() throws Exception {
        TestKeys.replace(SIGNING, ORIGINAL_SIGNING);
        TestKeys.replace(VERIFY, TestKeys.jwkSet("rotation-old.jwk.json", "rotation-new.jwk.json"));
        TestKeys.await(this::issuedKid, "sigil-it-1", "kid of issued tokens after restoring the signing key");
    }

    @Test
    void rotation_replaceTheSigningKeyFile_oldTokensStayValidUntilTheOldKeyLeavesTheVerifyFile() throws Exception {
        String before = tokenFor("alice", "alice-password");
        assertThat(header(before)).contains("\"kid\":\"sigil-it-1\"").contains("\"alg\":\"RS256\"");
        String oldPublic = publishedKey("sigil-it-1");

        // The old public key joins the verification file, then the signing key file is replaced.
        TestKeys.replace(VERIFY, "{\"keys\":[" + oldPublic + "," + TestKeys.text("rotation-new.jwk.json").trim() + "]}");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair next = generator.generateKeyPair();
        TestKeys.replace(SIGNING, TestKeys.privateEcJwk(next, "sigil-it-2"));

        TestKeys.await(this::issuedKid, "sigil-it-2", "kid of issued tokens after replacing the signing key");
        String after = tokenFor("bob", "bob-password");
        assertThat(header(after)).contains("\"alg\":\"ES256\"");
        assertThat(send(get("/api/me", after)).statusCode()).as("a token under the new key").isEqualTo(200);
        assertThat(send(get("/api/me", before)).statusCode()).as("a token issued before the switch").isEqualTo(200);
        String jwks = send(get("/.well-known/jwks.json", null)).body();
        assertThat(jwks).contains("\"sigil-it-2\"").contains("\"sigil-it-1\"").doesNotContain("\"d\"");

        // Once the old tokens have expired, the old key leaves the verification file.
        TestKeys.replace(VERIFY, TestKeys.jwkSet("rotation-new.jwk.json"));
        TestKeys.await(() -> send(get("/api/me", before)).statusCode(), 401, "status of a token under the dropped key");
        assertThat(send(get("/api/me", after)).statusCode()).isEqualTo(200);
    }

    private String issuedKid() throws Exception {
        String header = header(tokenFor("alice", "alice-password"));
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private String publishedKey(String kid) throws Exception {
        for (JsonValue key : json(send(get("/.well-known/jwks.json", null))).getJsonArray("keys")) {
            JsonObject jwk = key.asJsonObject();
            if (kid.equals(jwk.getString("kid"))) {
                return jwk.toString();
            }
        }
        throw new AssertionError("no published key " + kid);
    }
}
