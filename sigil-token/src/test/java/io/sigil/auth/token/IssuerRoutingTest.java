package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IssuerRoutingTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long EXP = NOW.getEpochSecond() + 300;

    private static final SigningKey OWN = TestKeys.signingKey(JwsAlgorithm.HS256, "own");
    private static final SigningKey KEY_A = TestKeys.signingKey(JwsAlgorithm.ES256, "a-1");
    private static final SigningKey KEY_B = TestKeys.signingKey(JwsAlgorithm.RS256, "b-1");

    private final AtomicInteger ownCalls = new AtomicInteger();

    private static TokenPolicy policy(String issuer, Set<String> audiences) {
        return new TokenPolicy(issuer, audiences, Duration.ofSeconds(60), Optional.empty(), 8192);
    }

    private IssuerRouting routing() {
        TokenVerifier own = new TokenVerifier(KeyRing.of(OWN, java.util.List.of()), policy("sigil", Set.of()), CLOCK);
        return new IssuerRouting("sigil", compact -> {
            ownCalls.incrementAndGet();
            return own.verify(compact);
        }, Map.of(
                "https://a.example", new IssuerRouting.Route(
                        new TokenVerifier(KeyRing.of(KEY_A.verificationKey()), policy("https://a.example", Set.of("api")), CLOCK),
                        ClaimPath.groups()),
                "https://kc.example/realms/demo", new IssuerRouting.Route(
                        new TokenVerifier(KeyRing.of(KEY_B.verificationKey()), policy("https://kc.example/realms/demo", Set.of()),
                                CLOCK),
                        ClaimPath.parse("realm_access/roles"))), 8192);
    }

    private static String jws(SigningKey key, String claimsSingleQuoted) {
        String header = TestJws.b64("{\"alg\":\"" + key.algorithm().joseName() + "\",\"typ\":\"JWT\",\"kid\":\""
                + key.keyId() + "\"}");
        String input = header + "." + TestJws.b64(TestJws.json(claimsSingleQuoted));
        return input + "." + TestJws.b64(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String issuerA(String name) {
        return "{'iss':'https://a.example','aud':'api','sub':'" + name + "','groups':['reader'],'exp':" + EXP + "}";
    }

    private static String keycloak(String roles) {
        return "{'iss':'https://kc.example/realms/demo','sub':'f1c2','preferred_username':'kc-admin','azp':'web',"
                + "'typ':'Bearer','realm_access':{'roles':" + roles + "},'groups':['ignored'],'exp':" + EXP + "}";
    }

    @Test
    void verify_tokenOfIssuerAUnderItsKey_isAccepted() throws Exception {
        VerifiedToken token = routing().verify(jws(KEY_A, issuerA("ann")));
        assertThat(token.claims().name()).isEqualTo("ann");
        assertThat(token.claims().issuer()).isEqualTo("https://a.example");
        assertThat(token.claims().groups()).containsExactly("reader");
        assertThat(ownCalls).hasValue(0);
    }

    @Test
    void verify_keycloakShapedToken_takesGroupsFromRealmAccessRoles() throws Exception {
        VerifiedToken token = routing().verify(jws(KEY_B, keycloak("['admin','offline_access']")));
        assertThat(token.claims().name()).isEqualTo("kc-admin");
        assertThat(token.claims().groups()).containsExactlyInAnyOrder("admin", "offline_access");
        assertThat(token.claims().json().getString("azp")).isEqualTo("web");
    }

    @Test
    void verify_keycloakTokenWithRolesNotStrings_hasNoGroups() throws Exception {
        assertThat(routing().verify(jws(KEY_B, keycloak("{'admin':true}"))).claims().groups()).isEmpty();
    }

    @Test
    void verify_tokenClaimingIssuerASignedWithTheKeyOfB_isRejected() {
        // B's key carries A's kid too: the kid never reaches into another issuer's keys
        SigningKeyWithKid bUnderAsKid = new SigningKeyWithKid(KEY_B, "a-1");
        assertThatThrownBy(() -> routing().verify(jws(KEY_B, issuerA("mallory"))))
                .isInstanceOf(InvalidTokenException.class).hasMessage("unknown kid");
        assertThatThrownBy(() -> routing().verify(jws(bUnderAsKid, issuerA("mallory"))))
                .isInstanceOf(InvalidTokenException.class).hasMessage("algorithm does not match the key");
    }

    @Test
    void verify_tokenClaimingKeycloakSignedWithTheKeyOfA_isRejected() {
        assertThatThrownBy(() -> routing().verify(jws(KEY_A, keycloak("['admin']"))))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void verify_tokenClaimingAnOutsideIssuerSignedWithTheOwnKey_isRejected() {
        assertThatThrownBy(() -> routing().verify(jws(OWN, issuerA("mallory"))))
                .isInstanceOf(InvalidTokenException.class);
        assertThat(ownCalls).hasValue(0);
    }

    @Test
    void verify_tokenClaimingTheOwnIssuerSignedWithAnOutsideKey_goesToTheOwnVerifierAndIsRejected() {
        assertThatThrownBy(() -> routing().verify(jws(KEY_A, "{'iss':'sigil','sub':'mallory','exp':" + EXP + "}")))
                .isInstanceOf(InvalidTokenException.class);
        assertThat(ownCalls).hasValue(1);
    }

    @Test
    void verify_ownToken_goesToTheOwnVerifier() throws Exception {
        assertThat(routing().verify(jws(OWN, "{'iss':'sigil','sub':'sam','exp':" + EXP + "}")).claims().name())
                .isEqualTo("sam");
        assertThat(ownCalls).hasValue(1);
    }

    @Test
    void verify_unknownOrMissingOrNonStringIssuer_isRejectedBeforeAnyKey() {
        for (String claims : new String[] {"{'iss':'https://evil.example','sub':'m','exp':" + EXP + "}",
            "{'sub':'m','exp':" + EXP + "}", "{'iss':['https://a.example'],'sub':'m','exp':" + EXP + "}"}) {
            assertThatThrownBy(() -> routing().verify(jws(KEY_A, claims)))
                    .isInstanceOf(InvalidTokenException.class).hasMessage("unknown issuer");
        }
        assertThat(ownCalls).hasValue(0);
    }

    @Test
    void verify_malformedPayload_isRejected() {
        String header = jws(KEY_A, issuerA("x")).split("\\.")[0];
        for (String token : new String[] {header + ".!!!.c2ln", header + "." + TestJws.b64("not json") + ".c2ln",
            header + "." + TestJws.b64("{\"iss\":\"a\",\"iss\":\"b\"}") + ".c2ln"}) {
            assertThatThrownBy(() -> routing().verify(token)).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void verify_wrongAudienceForIssuerA_isRejected() {
        assertThatThrownBy(() -> routing().verify(jws(KEY_A, issuerA("ann").replace("'api'", "'other'"))))
                .isInstanceOf(InvalidTokenException.class).hasMessage("wrong audience");
    }

    @Test
    void verify_notThreeParts_goesToTheOwnVerifier() {
        assertThatThrownBy(() -> routing().verify("a.b.c.d.e")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> routing().verify("a.b")).isInstanceOf(InvalidTokenException.class);
        assertThat(ownCalls).hasValue(2);
    }

    @Test
    void constructor_outsideIssuerWithTheOwnIss_isRefused() {
        TokenVerifier verifier = new TokenVerifier(KeyRing.of(KEY_A.verificationKey()), policy("sigil", Set.of()), CLOCK);
        assertThatThrownBy(() -> new IssuerRouting("sigil", c -> null,
                Map.of("sigil", new IssuerRouting.Route(verifier, ClaimPath.groups())), 8192))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Signs as the wrapped key, under another kid. */
    private record SigningKeyWithKid(SigningKey key, String kid) {
        JwsAlgorithm algorithm() {
            return key.algorithm();
        }
    }

    private static String jws(SigningKeyWithKid key, String claimsSingleQuoted) {
        String header = TestJws.b64("{\"alg\":\"" + key.algorithm().joseName() + "\",\"typ\":\"JWT\",\"kid\":\""
                + key.kid() + "\"}");
        String input = header + "." + TestJws.b64(TestJws.json(claimsSingleQuoted));
        return input + "." + TestJws.b64(key.key().sign(input.getBytes(StandardCharsets.US_ASCII)));
    }
}
