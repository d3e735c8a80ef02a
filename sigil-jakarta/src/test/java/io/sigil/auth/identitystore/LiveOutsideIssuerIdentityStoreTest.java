package io.sigil.auth.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.MapConfig;
import io.sigil.auth.config.MutableClock;
import io.sigil.auth.config.SigilConfigLoader;
import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.revocation.MapRevocationStore;
import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.SigningKey;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token identity store while the outside issuers change under it (settings changed in the
 * server's console): a new issuer's tokens are accepted after the next check, a changed audience
 * refuses a token accepted (and cached) before, and an invalid change leaves everything as it was.
 */
class LiveOutsideIssuerIdentityStoreTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final Map<String, String> values = new HashMap<>();
    private SigningKey keyA;
    private SigningKey keyB;
    private TokenIdentityStore store;

    @BeforeEach
    void setUp() throws Exception {
        keyA = OutsideIssuerIdentityStoreTest.ecKey("a-1");
        keyB = OutsideIssuerIdentityStoreTest.ecKey("b-1");
        values.putAll(Map.of(SigilConfigLoader.SECRET, TestConfigs.SECRET, SigilSettings.RELOAD_INTERVAL, "PT2S",
                "sigil.issuers", "a", "sigil.issuer.a.iss", "https://a.example",
                "sigil.issuer.a.keys.location", writeKeys("a.jwks.json", keyA)));
        SigilSettings settings = SigilSettings.load(() -> new MapConfig(values), getClass().getClassLoader(), clock);
        store = new TokenIdentityStore();
        store.settings = settings;
        store.revocations = new MapRevocationStore(new ConcurrentHashMap<>(), false, Duration.ofSeconds(60),
                Duration.ofMinutes(15), clock);
        store.metrics = new SigilMetrics();
    }

    private String writeKeys(String file, SigningKey key) throws Exception {
        return Files.writeString(dir.resolve(file), Jwk.publicJwkSet(List.of(key.verificationKey())).toString())
                .toString();
    }

    private String token(SigningKey key, String iss, String aud) {
        long now = clock.instant().getEpochSecond();
        String claims = "{\"iss\":\"" + iss + "\",\"sub\":\"pat\",\"aud\":\"" + aud + "\",\"groups\":[\"partner\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(("{\"alg\":\"ES256\",\"kid\":\"" + key.keyId() + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return input + "." + b64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private CredentialValidationResult.Status status(String token) {
        return store.validate(new TokenCredential(token)).getStatus();
    }

    private void nextCheck() {
        clock.advance(INTERVAL);
    }

    @Test
    void validate_issuerAddedThenItsAudienceChanged_followsEachChangeAtTheNextCheck() throws Exception {
        String tokenOfB = token(keyB, "https://b.example", "orders");
        String tokenOfA = token(keyA, "https://a.example", "any");
        assertThat(status(tokenOfB)).as("b not trusted yet").isEqualTo(CredentialValidationResult.Status.INVALID);

        values.put("sigil.issuers", "a,b");
        values.put("sigil.issuer.b.iss", "https://b.example");
        values.put("sigil.issuer.b.keys.location", writeKeys("b.jwks.json", keyB));
        values.put("sigil.issuer.b.audiences", "orders");
        nextCheck();
        assertThat(status(tokenOfB)).as("b added").isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(status(tokenOfB)).as("b's token again, from the cache").isEqualTo(CredentialValidationResult.Status.VALID);

        values.put("sigil.issuer.b.audiences", "billing");
        nextCheck();
        assertThat(status(tokenOfB)).as("the cached token under b's new audience")
                .isEqualTo(CredentialValidationResult.Status.INVALID);
        String billing = token(keyB, "https://b.example", "billing");
        assertThat(status(billing)).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(status(tokenOfA)).as("a throughout").isEqualTo(CredentialValidationResult.Status.VALID);

        values.put("sigil.issuer.b.groups-claim", "realm_access//roles");
        nextCheck();
        assertThat(status(billing)).as("after an invalid change").isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(status(tokenOfB)).isEqualTo(CredentialValidationResult.Status.INVALID);

        values.put("sigil.issuers", "b");
        values.remove("sigil.issuer.b.groups-claim");
        nextCheck();
        assertThat(status(tokenOfA)).as("a removed").isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(status(billing)).isEqualTo(CredentialValidationResult.Status.VALID);
    }

    @Test
    void validate_keyOfOneIssuer_neverVerifiesATokenClaimingAnotherAddedLive() throws Exception {
        values.put("sigil.issuers", "a,b");
        values.put("sigil.issuer.b.iss", "https://b.example");
        values.put("sigil.issuer.b.keys.location", writeKeys("b.jwks.json", keyB));
        nextCheck();

        assertThat(status(token(keyA, "https://b.example", "x"))).isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(status(token(keyB, "https://a.example", "x"))).isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(status(token(keyB, "https://b.example", "x"))).isEqualTo(CredentialValidationResult.Status.VALID);
    }
}
