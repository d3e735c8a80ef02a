package io.sigil.auth.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.metrics.RefusalReason;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.principal.SigilJsonWebToken;
import io.sigil.auth.revocation.MapRevocationStore;
import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.testing.TestTokens;
import io.sigil.auth.token.HmacKey;
import io.sigil.auth.token.IssuedToken;
import io.sigil.auth.token.TokenIssuer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The token store with the core's real issuer, keys and verifier, and a real revocation store. */
class TokenIdentityStoreTest {

    private static final SigilConfig CONFIG = TestConfigs.sigil();
    private static final TestTokens TOKENS = new TestTokens(CONFIG, TestTokens.CLOCK);

    private final MapRevocationStore revocations = new MapRevocationStore(new ConcurrentHashMap<>(), false,
            CONFIG.policy().clockSkew(), CONFIG.tokenLifetime(), TestTokens.CLOCK);
    private final SigilMetrics metrics = new SigilMetrics();

    @Test
    void validate_validToken_isValidWithNameAndGroups() {
        CredentialValidationResult result = store(CONFIG, TestTokens.CLOCK)
                .validate(new TokenCredential(TOKENS.issue("alice", "user", "admin").compact()));

        assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(result.getCallerPrincipal()).isInstanceOf(SigilJsonWebToken.class);
        assertThat(result.getCallerPrincipal().getName()).isEqualTo("alice");
        assertThat(result.getCallerGroups()).containsExactlyInAnyOrder("user", "admin");
    }

    @Test
    void validate_tokenSignedWithAnotherSecret_isInvalid() {
        HmacKey other = HmacKey.hs256(null, Base64.getUrlDecoder().decode(TestConfigs.secret(2)));

        assertInvalid(store(CONFIG, TestTokens.CLOCK), TOKENS.issue(other, "alice", "admin").compact());
    }

    @Test
    void validate_tokenWithAlteredSignature_isInvalid() {
        String token = TOKENS.issue("alice").compact();
        int first = token.lastIndexOf('.') + 1;
        String altered = token.substring(0, first) + (token.charAt(first) == 'A' ? 'B' : 'A')
                + token.substring(first + 1);

        assertInvalid(store(CONFIG, TestTokens.CLOCK), altered);
    }

    @Test
    void validate_expiredToken_isInvalid() {
        String token = TOKENS.issue("alice").compact();
        Clock later = TestTokens.at(TestTokens.NOW.plus(CONFIG.tokenLifetime()).plus(CONFIG.policy().clockSkew())
                .plusSeconds(1));

        assertInvalid(store(CONFIG, later), token);
    }

    @Test
    void validate_tokenRevokedById_isInvalid() {
        IssuedToken token = TOKENS.issue("alice");
        TokenIdentityStore store = store(CONFIG, TestTokens.CLOCK);
        revocations.revokeToken(token.tokenId(), token.expiresAt());

        assertInvalid(store, token.compact());
        assertThat(store.validate(new TokenCredential(TOKENS.issue("alice").compact())).getStatus())
                .as("another token of the same caller").isEqualTo(CredentialValidationResult.Status.VALID);
    }

    @Test
    void validate_tokenRevokedAfterItWasCached_isInvalid() {
        IssuedToken token = TOKENS.issue("alice");
        TokenIdentityStore store = store(CONFIG, TestTokens.CLOCK);
        assertThat(store.validate(new TokenCredential(token.compact())).getStatus())
                .isEqualTo(CredentialValidationResult.Status.VALID);

        revocations.revokeToken(token.tokenId(), token.expiresAt());

        assertInvalid(store, token.compact());
    }

    @Test
    void validate_tokenOfCallerRevokedAfterIssue_isInvalid() {
        String token = TOKENS.issue("alice").compact();
        revocations.revokeAllFor("alice", TestTokens.NOW);

        assertInvalid(store(CONFIG, TestTokens.CLOCK), token);
    }

    @Test
    void validate_tokenIssuedAfterCallersRevocation_isValid() {
        revocations.revokeAllFor("alice", TestTokens.NOW.minusSeconds(1));

        assertThat(store(CONFIG, TestTokens.CLOCK).validate(new TokenCredential(TOKENS.issue("alice").compact()))
                .getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
    }

    @Test
    void validate_tokenWithoutRequiredClaim_isInvalid() {
        SigilConfig requiring = TestConfigs.sigil("sigil.token.required-claims", "tenant");

        assertInvalid(store(requiring, TestTokens.CLOCK), TOKENS.issue("alice").compact());
    }

    @Test
    void validate_tokenWithRequiredClaim_isValid() {
        SigilConfig requiring = TestConfigs.sigil("sigil.token.required-claims", "tenant");
        String token = TokenIssuer.sign(CONFIG.keys().signingKey(), claims("alice").add("tenant", "acme").build());

        assertThat(store(requiring, TestTokens.CLOCK).validate(new TokenCredential(token)).getStatus())
                .isEqualTo(CredentialValidationResult.Status.VALID);
    }

    @Test
    void validate_requiredClaimNull_isInvalid() {
        SigilConfig requiring = TestConfigs.sigil("sigil.token.required-claims", "tenant");
        String token = TokenIssuer.sign(CONFIG.keys().signingKey(), claims("alice").addNull("tenant").build());

        assertInvalid(store(requiring, TestTokens.CLOCK), token);
    }

    @Test
    void validate_notAToken_isInvalid() {
        assertInvalid(store(CONFIG, TestTokens.CLOCK), "not-a-token");
    }

    @Test
    void validate_passwordCredential_isNotValidated() {
        CredentialValidationResult result = store(CONFIG, TestTokens.CLOCK)
                .validate(new UsernamePasswordCredential("alice", "a password"));

        assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.NOT_VALIDATED);
    }

    @Test
    void validate_countsAcceptedAndRefusedTokensByReason() {
        IssuedToken revoked = TOKENS.issue("bob");
        revocations.revokeToken(revoked.tokenId(), revoked.expiresAt());
        HmacKey other = HmacKey.hs256(null, Base64.getUrlDecoder().decode(TestConfigs.secret(2)));
        TokenIdentityStore store = store(CONFIG, TestTokens.CLOCK);

        store.validate(new TokenCredential(TOKENS.issue("alice").compact()));
        store.validate(new TokenCredential(TOKENS.issue("alice").compact()));
        store.validate(new TokenCredential(TOKENS.issue(other, "alice", "admin").compact()));
        store.validate(new TokenCredential("not-a-token"));
        store.validate(new TokenCredential(revoked.compact()));
        store(CONFIG, TestTokens.at(TestTokens.NOW.plus(Duration.ofDays(1)))).validate(
                new TokenCredential(TOKENS.issue("alice").compact()));

        assertThat(metrics.tokensAccepted()).isEqualTo(2);
        assertThat(metrics.tokensRefused(RefusalReason.SIGNATURE)).isEqualTo(1);
        assertThat(metrics.tokensRefused(RefusalReason.MALFORMED)).isEqualTo(1);
        assertThat(metrics.tokensRefused(RefusalReason.REVOKED)).isEqualTo(1);
        assertThat(metrics.tokensRefused(RefusalReason.EXPIRED)).isEqualTo(1);
        assertThat(metrics.tokensRefused(RefusalReason.OTHER)).isZero();
    }

    @Test
    void priority_isBeforeTheUserStore() {
        assertThat(new TokenIdentityStore().priority()).isLessThan(new UserAccountIdentityStore().priority());
    }

    // ---------------------------------------------------------------- helpers

    private TokenIdentityStore store(SigilConfig config, Clock now) {
        TokenIdentityStore store = new TokenIdentityStore();
        store.settings = SigilSettings.fixed(config, now);
        store.revocations = revocations;
        store.metrics = metrics;
        return store;
    }

    private static JsonObjectBuilder claims(String name) {
        return Json.createObjectBuilder()
                .add("iss", CONFIG.policy().issuer())
                .add("sub", name)
                .add("iat", TestTokens.NOW.getEpochSecond())
                .add("exp", TestTokens.NOW.plus(Duration.ofMinutes(5)).getEpochSecond());
    }

    private static void assertInvalid(TokenIdentityStore store, String token) {
        assertThat(store.validate(new TokenCredential(token)).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
    }
}
