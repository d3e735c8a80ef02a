package io.sigil.auth.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.auth.config.MutableClock;
import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.testing.TestTokens;
import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.token.TokenVerifier;
import io.sigil.auth.token.VerifiedToken;
import jakarta.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens with the core's real verifier, counted, and a clock tests move. */
class VerifiedTokenCacheTest {

    private static final SigilConfig CONFIG = TestConfigs.sigil();
    private static final TestTokens TOKENS = new TestTokens(CONFIG, TestTokens.CLOCK);

    private final MutableClock clock = new MutableClock();
    private final AtomicLong keyGeneration = new AtomicLong();
    private final CountingCheck check = new CountingCheck(TOKENS.verifier(clock));

    @BeforeEach
    void startAtTheTestTokensTime() {
        clock.set(TestTokens.NOW);
    }

    @Test
    void verify_sameTokenTwice_checksTheSignatureOnce() throws Exception {
        VerifiedTokenCache cache = cache(100);
        String token = TOKENS.issue("alice", "user").compact();

        VerifiedToken first = cache.verify(token, check);
        VerifiedToken second = cache.verify(token, check);

        assertThat(check.calls()).isEqualTo(1);
        assertThat(second).isSameAs(first);
        assertThat(second.claims().name()).isEqualTo("alice");
    }

    @Test
    void verify_sameTextInANewString_isAHit() throws Exception {
        VerifiedTokenCache cache = cache(100);
        String token = TOKENS.issue("alice").compact();

        cache.verify(token, check);
        cache.verify(new String(token.toCharArray()), check);

        assertThat(check.calls()).isEqualTo(1);
    }

    @Test
    void verify_tokenExpiredSinceItWasCached_isRefused() throws Exception {
        VerifiedTokenCache cache = cache(100);
        String token = TOKENS.issue("alice").compact();
        cache.verify(token, check);

        clock.set(TestTokens.NOW.plus(CONFIG.tokenLifetime()).plus(CONFIG.policy().clockSkew()));

        assertThatThrownBy(() -> cache.verify(token, check)).isInstanceOf(InvalidTokenException.class)
                .extracting(e -> ((InvalidTokenException) e).reason()).isEqualTo("token expired");
        assertThat(check.calls()).as("an expired hit goes through the full check").isEqualTo(2);
    }

    @Test
    void verify_tokenOneSecondBeforeExpiryWithSkew_isStillAHit() throws Exception {
        VerifiedTokenCache cache = cache(100);
        String token = TOKENS.issue("alice").compact();
        cache.verify(token, check);

        clock.set(TestTokens.NOW.plus(CONFIG.tokenLifetime()).plus(CONFIG.policy().clockSkew()).minusSeconds(1));
        cache.verify(token, check);

        assertThat(check.calls()).isEqualTo(1);
    }

    @Test
    void verify_tokenOlderThanTheMaximumAgeSinceItWasCached_isRefused() throws Exception {
        SigilConfig aged = TestConfigs.sigil("mp.jwt.verify.token.age", "60");
        CountingCheck agedCheck = new CountingCheck(new TestTokens(aged, clock).verifier(clock));
        VerifiedTokenCache cache = new VerifiedTokenCache(100, keyGeneration::get, aged.policy(), clock);
        String token = new TestTokens(aged, TestTokens.CLOCK).issue("alice").compact();
        cache.verify(token, agedCheck);

        clock.set(TestTokens.NOW.plus(Duration.ofSeconds(60)).plus(aged.policy().clockSkew()).plusSeconds(1));

        assertThatThrownBy(() -> cache.verify(token, agedCheck)).isInstanceOf(InvalidTokenException.class);
        assertThat(agedCheck.calls()).isEqualTo(2);
    }

    @Test
    void verify_notBeforeCheckedAgainOnAHit() throws Exception {
        VerifiedTokenCache cache = cache(100);
        long nbf = TestTokens.NOW.getEpochSecond() + 30; // within the 60 s skew: accepted now
        String token = TokenIssuer.sign(CONFIG.keys().signingKey(), Json.createObjectBuilder()
                .add("iss", CONFIG.policy().issuer()).add("sub", "alice").add("nbf", nbf)
                .add("exp", TestTokens.NOW.plusSeconds(600).getEpochSecond()).build());
        cache.verify(token, check);

        clock.set(TestTokens.NOW.minusSeconds(60)); // a clock set back: nbf is in the future again

        assertThatThrownBy(() -> cache.verify(token, check)).isInstanceOf(InvalidTokenException.class)
                .extracting(e -> ((InvalidTokenException) e).reason()).isEqualTo("token not yet valid");
    }

    @Test
    void verify_afterTheKeyGenerationChanged_checksTheSignatureAgain() throws Exception {
        VerifiedTokenCache cache = cache(100);
        String token = TOKENS.issue("alice").compact();
        cache.verify(token, check);

        keyGeneration.incrementAndGet();
        cache.verify(token, check);
        cache.verify(token, check);

        assertThat(check.calls()).isEqualTo(2);
    }

    @Test
    void verify_afterTheKeyGenerationChanged_dropsEveryEntry() throws Exception {
        VerifiedTokenCache cache = cache(100);
        for (int i = 0; i < 10; i++) {
            cache.verify(TOKENS.issue("user" + i).compact(), check);
        }
        assertThat(cache.size()).isEqualTo(10);

        keyGeneration.incrementAndGet();
        cache.verify(TOKENS.issue("alice").compact(), check);

        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void verify_keysChangingDuringTheFullCheck_storeNothing() throws Exception {
        VerifiedTokenCache cache = cache(100);
        String token = TOKENS.issue("alice").compact();
        VerifiedTokenCache.FullCheck rotatingMidway = compact -> {
            VerifiedToken verified = check.verify(compact);
            keyGeneration.incrementAndGet();
            return verified;
        };

        cache.verify(token, rotatingMidway);
        cache.verify(token, check);

        assertThat(check.calls()).isEqualTo(2);
    }

    @Test
    void verify_junkTokens_areNeverStored() {
        VerifiedTokenCache cache = cache(100);
        String valid = TOKENS.issue("alice").compact();
        String badSignature = valid.substring(0, valid.lastIndexOf('.') + 1) + "A".repeat(43);
        List<String> junk = new ArrayList<>(List.of("", "not-a-token", "a.b.c", badSignature, "x".repeat(100_000)));
        for (int i = 0; i < 500; i++) {
            junk.add(valid.substring(0, valid.lastIndexOf('.') + 1) + Integer.toString(i, 36) + "A".repeat(40));
        }

        for (String token : junk) {
            assertThatThrownBy(() -> cache.verify(token, check)).isInstanceOf(InvalidTokenException.class);
        }

        assertThat(cache.size()).isZero();
    }

    @Test
    void verify_failedRequiredClaimInTheFullCheck_isNotStored() {
        VerifiedTokenCache cache = cache(100);
        String token = TOKENS.issue("alice").compact();
        VerifiedTokenCache.FullCheck requiringTenant = compact -> {
            VerifiedToken verified = check.verify(compact);
            verified.requireClaims(java.util.Set.of("tenant"));
            return verified;
        };

        assertThatThrownBy(() -> cache.verify(token, requiringTenant)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> cache.verify(token, requiringTenant)).isInstanceOf(InvalidTokenException.class);

        assertThat(check.calls()).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void verify_moreTokensThanTheSize_keepsTheBoundAndTheTokensInUse() throws Exception {
        VerifiedTokenCache cache = cache(10);
        String hot = TOKENS.issue("hot").compact();
        cache.verify(hot, check);
        for (int i = 0; i < 100; i++) {
            cache.verify(TOKENS.issue("user" + i).compact(), check);
            cache.verify(hot, check);
            assertThat(cache.size()).isLessThanOrEqualTo(10);
        }

        assertThat(check.calls()).as("100 new tokens and the hot one once").isEqualTo(101);
    }

    @Test
    void verify_concurrentInsertsOfDistinctTokens_neverExceedTheSize() throws Exception {
        int size = 64;
        VerifiedTokenCache cache = cache(size);
        int threads = 8;
        List<List<String>> tokens = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<String> own = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                own.add(TOKENS.issue("user" + t + "-" + i).compact());
            }
            tokens.add(own);
        }
        AtomicInteger largest = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<String> own : tokens) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (String token : own) {
                        cache.verify(token, check);
                        cache.verify(token, check);
                        largest.accumulateAndGet(cache.size(), Math::max);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(largest.get()).isLessThanOrEqualTo(size);
        assertThat(cache.size()).isLessThanOrEqualTo(size);
    }

    @Test
    void verify_sizeZero_checksEveryTimeAndStoresNothing() throws Exception {
        VerifiedTokenCache cache = cache(0);
        String token = TOKENS.issue("alice").compact();

        cache.verify(token, check);
        cache.verify(token, check);

        assertThat(check.calls()).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void constructor_sizeOneOrNegative_isRefused() {
        assertThatThrownBy(() -> cache(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- helpers

    private VerifiedTokenCache cache(int size) {
        return new VerifiedTokenCache(size, keyGeneration::get, CONFIG.policy(), clock);
    }

    /** The real verifier, counting its calls. */
    private static final class CountingCheck implements VerifiedTokenCache.FullCheck {
        private final TokenVerifier verifier;
        private final AtomicInteger calls = new AtomicInteger();

        CountingCheck(TokenVerifier verifier) {
            this.verifier = verifier;
        }

        @Override
        public VerifiedToken verify(String compact) throws InvalidTokenException {
            calls.incrementAndGet();
            return verifier.verify(compact);
        }

        int calls() {
            return calls.get();
        }
    }
}
