package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenIssuerTest {

    /** 2027-01-15T08:00:00Z. */
    private static final long NOW = 1_800_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final String ISSUER = "https://issuer.example";
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private static final byte[] SECRET = TestJws.secret(11);
    private static final HmacKey KEY = HmacKey.hs256(null, SECRET);

    private static TokenIssuer issuer(HmacKey key, Set<String> audiences) {
        return new TokenIssuer(key, ISSUER, audiences, LIFETIME, CLOCK);
    }

    private static TokenVerifier verifier(HmacKey key) {
        return new TokenVerifier(KeyRing.of(key), new TokenPolicy(ISSUER, Set.of(), Duration.ZERO, Optional.empty(), 4096), CLOCK);
    }

    private static JsonObject part(IssuedToken token, int index) {
        String json = TestJws.decodeToString(TestJws.parts(token.compact())[index]);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void issue_token_verifiesWithSameKey() throws InvalidTokenException {
        IssuedToken issued = issuer(KEY, Set.of()).issue("alice", Set.of("users", "admin"));

        VerifiedToken verified = verifier(KEY).verify(issued.compact());

        assertThat(verified.claims().name()).isEqualTo("alice");
        assertThat(verified.claims().groups()).containsExactlyInAnyOrder("admin", "users");
        assertThat(verified.claims().expiresAt()).isEqualTo(issued.expiresAt());
        assertThat(verified.claims().tokenId()).isEqualTo(issued.tokenId());
    }

    @Test
    void issue_signature_isHmacSha256OfSigningInput() {
        String compact = issuer(KEY, Set.of()).issue("alice", Set.of()).compact();
        String signingInput = compact.substring(0, compact.lastIndexOf('.'));

        assertThat(compact).isEqualTo(TestJws.sign(SECRET, signingInput));
    }

    @Test
    void issue_header_isAlgHs256AndTypJwt() {
        IssuedToken issued = issuer(KEY, Set.of()).issue("alice", Set.of());

        assertThat(part(issued, 0)).isEqualTo(Json.createObjectBuilder()
                .add("alg", "HS256").add("typ", "JWT").build());
    }

    @Test
    void issue_keyWithKid_writesKidInHeader() {
        HmacKey key = HmacKey.hs256("key-1", SECRET);

        IssuedToken issued = issuer(key, Set.of()).issue("alice", Set.of());

        assertThat(part(issued, 0)).isEqualTo(Json.createObjectBuilder()
                .add("alg", "HS256").add("typ", "JWT").add("kid", "key-1").build());
    }

    @Test
    void issue_claims_matchNameGroupsAndFixedClock() {
        IssuedToken issued = issuer(KEY, Set.of()).issue("alice", Set.of("users", "admin"));

        JsonObject claims = part(issued, 1);

        assertThat(claims.keySet()).containsExactlyInAnyOrder("iss", "sub", "upn", "groups", "iat", "exp", "jti");
        assertThat(claims.getString("iss")).isEqualTo(ISSUER);
        assertThat(claims.getString("sub")).isEqualTo("alice");
        assertThat(claims.getString("upn")).isEqualTo("alice");
        assertThat(claims.getJsonArray("groups").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder("admin", "users");
        assertThat(claims.getJsonNumber("iat").longValueExact()).isEqualTo(NOW);
        assertThat(claims.getJsonNumber("exp").longValueExact()).isEqualTo(NOW + LIFETIME.toSeconds());
        assertThat(claims.getString("jti")).isEqualTo(issued.tokenId());
        assertThat(issued.expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW + LIFETIME.toSeconds()));
    }

    @Test
    void issue_clockWithFractionalSecond_writesWholeSecondsAndMatchingExpiresAt() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW, 750_000_000), ZoneOffset.UTC);
        TokenIssuer issuer = new TokenIssuer(KEY, ISSUER, Set.of(), LIFETIME, clock);

        IssuedToken issued = issuer.issue("alice", Set.of());

        JsonObject claims = part(issued, 1);
        assertThat(claims.getJsonNumber("iat").longValueExact()).isEqualTo(NOW);
        assertThat(claims.getJsonNumber("exp").longValueExact()).isEqualTo(NOW + LIFETIME.toSeconds());
        assertThat(issued.expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW + LIFETIME.toSeconds()));
    }

    @Test
    void issue_twoTokens_haveDifferentUrlSafeTokenIds() {
        TokenIssuer issuer = issuer(KEY, Set.of());

        IssuedToken first = issuer.issue("alice", Set.of());
        IssuedToken second = issuer.issue("alice", Set.of());

        assertThat(first.tokenId()).isNotEqualTo(second.tokenId());
        assertThat(first.tokenId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(first.compact()).isNotEqualTo(second.compact());
    }

    @Test
    void issue_oneAudience_writesAudAsString() {
        JsonObject claims = part(issuer(KEY, Set.of("orders-api")).issue("alice", Set.of()), 1);

        assertThat(claims.get("aud").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
        assertThat(claims.getString("aud")).isEqualTo("orders-api");
    }

    @Test
    void issue_severalAudiences_writesAudAsArray() {
        JsonObject claims = part(issuer(KEY, Set.of("orders-api", "billing-api")).issue("alice", Set.of()), 1);

        assertThat(claims.get("aud").getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
        assertThat(claims.getJsonArray("aud").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder("orders-api", "billing-api");
    }

    @Test
    void issue_tokenVerifiedWithAnotherKey_isRejected() {
        IssuedToken issued = issuer(KEY, Set.of()).issue("alice", Set.of());
        TokenVerifier other = verifier(HmacKey.hs256(null, TestJws.secret(12)));

        assertThatThrownBy(() -> other.verify(issued.compact()))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo("signature mismatch"));
    }

    @Test
    void issuedToken_toString_doesNotContainTheToken() {
        IssuedToken issued = issuer(KEY, Set.of()).issue("alice", Set.of());

        assertThat(issued.toString()).doesNotContain(TestJws.parts(issued.compact())[2]).contains(issued.tokenId());
    }

    @Test
    void lifetime_returnsConfiguredLifetime() {
        assertThat(issuer(KEY, Set.of()).lifetime()).isEqualTo(LIFETIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S", "-PT1H"})
    void constructor_lifetimeNotPositive_throwsNamingTheSetting(String lifetime) {
        Duration duration = Duration.parse(lifetime);

        assertThatThrownBy(() -> new TokenIssuer(KEY, ISSUER, Set.of(), duration, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lifetime");
    }

    @Test
    void sign_arbitraryClaimsWithAnEs256KeyWithKid_verifiesAndKeepsTheClaimsVerbatim() throws InvalidTokenException {
        SigningKey key = TestKeys.signingKey(JwsAlgorithm.ES256, "cli-1");
        JsonObject claims = Json.createObjectBuilder().add("iss", ISSUER).add("sub", "bob")
                .add("exp", NOW + 60).add("custom", Json.createArrayBuilder().add(1).add("two")).build();

        String token = TokenIssuer.sign(key, claims);

        VerifiedToken verified = new TokenVerifier(KeyRing.of(key.verificationKey()),
                new TokenPolicy(ISSUER, Set.of(), Duration.ZERO, Optional.empty(), 4096), CLOCK).verify(token);
        assertThat(verified.claims().json()).isEqualTo(claims);
        assertThat(verified.keyId()).isEqualTo("cli-1");
        assertThat(TestJws.decodeToString(TestJws.parts(token)[0]))
                .isEqualTo("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"cli-1\"}");
    }
}
