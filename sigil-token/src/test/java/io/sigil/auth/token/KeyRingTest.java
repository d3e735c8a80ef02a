package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Key rings, composition, rotation and the remote JWK Set. */
class KeyRingTest {

    private static final long NOW = 1_800_000_000L;
    private static final String ISSUER = "https://issuer.example";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final TokenPolicy POLICY = new TokenPolicy(ISSUER, Set.of(), Duration.ZERO, Optional.empty(), 8192);

    private static String issue(SigningKey key) {
        return new TokenIssuer(key, ISSUER, Set.of(), Duration.ofDays(1), CLOCK).issue("alice", Set.of()).compact();
    }

    private static String refusal(TokenVerifier verifier, String token) {
        Throwable thrown = catchThrowable(() -> verifier.verify(token));
        assertThat(thrown).isInstanceOf(InvalidTokenException.class);
        return ((InvalidTokenException) thrown).reason();
    }

    @Test
    void rotation_twoKeysInTheRing_bothVerifyAndDroppingTheOldOneRejectsItsTokens() throws Exception {
        SigningKey old = SigningKey.of(JwsAlgorithm.ES256, "2026-01", TestKeys.pair(JwsAlgorithm.ES256).getPrivate(),
                TestKeys.pair(JwsAlgorithm.ES256).getPublic());
        java.security.KeyPair freshPair = TestKeys.freshPair(JwsAlgorithm.ES256);
        SigningKey current = SigningKey.of(JwsAlgorithm.ES256, "2026-02", freshPair.getPrivate(),
                freshPair.getPublic());
        String oldToken = issue(old);
        String newToken = issue(current);

        TokenVerifier both = new TokenVerifier(KeyRing.of(current, List.of(old.verificationKey())), POLICY, CLOCK);
        TokenVerifier afterRotation = new TokenVerifier(KeyRing.of(current, List.of()), POLICY, CLOCK);

        assertThat(both.verify(oldToken).keyId()).isEqualTo("2026-01");
        assertThat(both.verify(newToken).keyId()).isEqualTo("2026-02");
        assertThat(afterRotation.verify(newToken).keyId()).isEqualTo("2026-02");
        assertThat(refusal(afterRotation, oldToken)).isEqualTo("unknown kid");
    }

    @Test
    void composedResolvers_acceptOwnHs256AndOutsideRsEsEdTokensEachOnlyUnderItsKey() throws Exception {
        SigningKey own = SigningKey.hmac(JwsAlgorithm.HS256, null, TestKeys.secret(JwsAlgorithm.HS256, 5));
        SigningKey rs = TestKeys.signingKey(JwsAlgorithm.RS256, "idp-rs");
        SigningKey es = TestKeys.signingKey(JwsAlgorithm.ES256, "idp-es");
        SigningKey ed = TestKeys.signingKey(JwsAlgorithm.EdDSA, null);
        KeyResolver resolver = KeyResolver.firstOf(KeyRing.of(own, List.of()),
                KeyRing.of(rs.verificationKey(), es.verificationKey()), KeyRing.of(ed.verificationKey()));
        TokenVerifier verifier = new TokenVerifier(resolver, POLICY, CLOCK);

        for (SigningKey key : List.of(own, rs, es, ed)) {
            assertThat(verifier.verify(issue(key)).claims().name()).as(key.toString()).isEqualTo("alice");
        }
        String esToken = issue(es);
        String relabelled = TestJws.b64("{\"alg\":\"ES256\",\"kid\":\"idp-rs\"}") + esToken.substring(esToken.indexOf('.'));
        assertThat(refusal(verifier, relabelled)).isEqualTo("algorithm does not match the key");
    }

    @Test
    void ring_duplicateKidOrTooManyKidlessKeysOfOneAlgorithm_isRefused() {
        VerificationKey a = TestKeys.signingKey(JwsAlgorithm.RS256, "same").verificationKey();
        VerificationKey b = TestKeys.signingKey(JwsAlgorithm.ES256, "same").verificationKey();
        List<VerificationKey> kidless = new ArrayList<>();
        for (int i = 0; i <= KeyResolver.MAX_CANDIDATES; i++) {
            kidless.add(VerificationKey.hmac(JwsAlgorithm.HS256, null, TestKeys.secret(JwsAlgorithm.HS256, i)));
        }

        assertThatThrownBy(() -> KeyRing.of(a, b)).isInstanceOf(InvalidKeyMaterialException.class)
                .hasMessageContaining("same");
        assertThatThrownBy(() -> KeyRing.of(null, kidless)).isInstanceOf(InvalidKeyMaterialException.class);
        assertThat(KeyRing.of(null, kidless.subList(0, KeyResolver.MAX_CANDIDATES)).withoutKeyId(JwsAlgorithm.HS256))
                .hasSize(KeyResolver.MAX_CANDIDATES);
    }

    @Test
    void ring_tokenWithKidOfNoKeyFallsBackToKidlessKeysOfItsAlgorithmOnly() throws Exception {
        SigningKey pem = TestKeys.signingKey(JwsAlgorithm.RS256, null);
        SigningKey withKid = SigningKey.of(JwsAlgorithm.RS256, "/privateKey.pem",
                TestKeys.pair(JwsAlgorithm.RS256).getPrivate(), TestKeys.pair(JwsAlgorithm.RS256).getPublic());
        TokenVerifier verifier = new TokenVerifier(KeyRing.of(pem.verificationKey()), POLICY, CLOCK);

        assertThat(verifier.verify(issue(withKid)).keyId()).isNull();
        assertThat(refusal(verifier, issue(TestKeys.signingKey(JwsAlgorithm.ES256, "/privateKey.pem"))))
                .isEqualTo("unknown kid");
    }

    // ------------------------------------------------------------------ remote JWK Set

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.ofEpochSecond(NOW);

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static byte[] jwks(SigningKey... keys) {
        List<VerificationKey> list = new ArrayList<>();
        for (SigningKey key : keys) {
            list.add(key.verificationKey());
        }
        return Jwk.publicJwkSet(list).toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void remote_unknownKid_refetchesAtMostOncePerIntervalAndFailureKeepsTheLastGoodSet() throws Exception {
        SigningKey first = TestKeys.signingKey(JwsAlgorithm.ES256, "k1");
        SigningKey second = TestKeys.signingKey(JwsAlgorithm.EdDSA, "k2");
        AtomicReference<byte[]> served = new AtomicReference<>(jwks(first));
        AtomicInteger fetches = new AtomicInteger();
        AtomicReference<Boolean> failing = new AtomicReference<>(false);
        MovableClock clock = new MovableClock();
        RemoteJwkSet remote = new RemoteJwkSet(() -> {
            fetches.incrementAndGet();
            if (failing.get()) {
                throw new IOException("connection refused");
            }
            return served.get();
        }, "https://idp.example/jwks", null, 2048, Duration.ofMinutes(1), Duration.ofHours(1), clock);
        TokenVerifier verifier = new TokenVerifier(remote, POLICY, clock);

        assertThat(verifier.verify(issue(first)).keyId()).isEqualTo("k1");
        assertThat(fetches).hasValue(1);

        served.set(jwks(first, second));
        assertThat(refusal(verifier, issue(second))).as("within the interval: no refetch").isEqualTo("unknown kid");
        for (int i = 0; i < 50; i++) {
            refusal(verifier, issue(TestKeys.signingKey(JwsAlgorithm.ES256, "random-" + i)));
        }
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(verifier.verify(issue(second)).keyId()).isEqualTo("k2");
        assertThat(fetches).hasValue(2);

        failing.set(true);
        clock.advance(Duration.ofHours(2));
        assertThat(verifier.verify(issue(first)).keyId()).as("failed refresh keeps the set").isEqualTo("k1");
        assertThat(verifier.verify(issue(second)).keyId()).isEqualTo("k2");
        assertThat(fetches).hasValue(3);

        failing.set(false);
        served.set("{\"keys\": not json".getBytes(StandardCharsets.UTF_8));
        clock.advance(Duration.ofMinutes(1));
        assertThat(refusal(verifier, issue(TestKeys.signingKey(JwsAlgorithm.ES256, "k3")))).isEqualTo("unknown kid");
        assertThat(verifier.verify(issue(first)).keyId()).as("malformed set keeps the last good one").isEqualTo("k1");
        assertThat(remote.keys()).extracting(VerificationKey::keyId).containsExactly("k1", "k2");
    }

    @Test
    void remote_setWithASecretKey_dropsTheSecretAndKeepsThePublicKeys() throws Exception {
        SigningKey rs = TestKeys.signingKey(JwsAlgorithm.RS256, "r");
        String set = "{\"keys\":[" + Jwk.secretJwk(JwsAlgorithm.HS256, "h", TestKeys.secret(JwsAlgorithm.HS256, 1))
                + "," + Jwk.publicJwk(rs.verificationKey()).orElseThrow() + "]}";
        RemoteJwkSet remote = new RemoteJwkSet(() -> set.getBytes(StandardCharsets.UTF_8), "remote", null, 2048,
                Duration.ofMinutes(1), Duration.ofHours(1), CLOCK);
        TokenVerifier verifier = new TokenVerifier(remote, POLICY, CLOCK);

        assertThat(verifier.verify(issue(rs)).keyId()).isEqualTo("r");
        assertThat(refusal(verifier, issue(SigningKey.hmac(JwsAlgorithm.HS256, "h",
                TestKeys.secret(JwsAlgorithm.HS256, 1))))).isEqualTo("unknown kid");
    }

    @Test
    void remote_firstFetchFails_tokensAreRefusedAndNothingIsThrown() {
        RemoteJwkSet remote = new RemoteJwkSet(() -> {
            throw new IOException("down");
        }, "remote", null, 2048, Duration.ofMinutes(1), Duration.ofHours(1), CLOCK);

        assertThat(refusal(new TokenVerifier(remote, POLICY, CLOCK), issue(TestKeys.signingKey(JwsAlgorithm.ES256, "k"))))
                .isEqualTo("unknown kid");
        assertThat(remote.keys()).isEmpty();
    }

    @Test
    void remote_httpUrlOrBadIntervals_isRefused() {
        assertThatThrownBy(() -> RemoteJwkSet.https(java.net.URI.create("http://idp.example/jwks"), Duration.ofSeconds(1),
                null, 2048, Duration.ofMinutes(1), Duration.ofHours(1), CLOCK))
                .isInstanceOf(InvalidKeyMaterialException.class);
        assertThatThrownBy(() -> new RemoteJwkSet(() -> new byte[0], "remote", null, 2048, Duration.ZERO,
                Duration.ofHours(1), CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }
}
