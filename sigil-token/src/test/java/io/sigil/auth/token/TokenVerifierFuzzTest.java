package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coverage-guided fuzzing of {@link TokenVerifier#verify} with Jazzer. Every input starts from a
 * token this test signed (HS256, RS256, PS256, ES256, EdDSA, one kid each, plus a kid-less HS256
 * key) and is changed by the fuzzer: raw text, spliced bytes, a header or claims part replaced,
 * or fuzzer-chosen header and claims signed with a real key (so the claim checks are fuzzed
 * too). Properties: nothing but {@link InvalidTokenException} escapes; a token that is accepted
 * is byte for byte one this test signed.
 *
 * <p>{@code mvn verify} replays the seeds under {@code TokenVerifierFuzzTestInputs} (regression
 * mode) and runs a short fuzzing session in a second Surefire execution. Longer runs: see
 * {@code sigil-token/FUZZING.md}.
 */
class TokenVerifierFuzzTest {

    private static final long NOW = 1_800_000_000L;
    private static final String ISSUER = "https://issuer.example";
    private static final JwsAlgorithm[] ALGORITHMS = {
        JwsAlgorithm.HS256, JwsAlgorithm.RS256, JwsAlgorithm.PS256, JwsAlgorithm.ES256, JwsAlgorithm.EdDSA};

    /** Two seconds: a few milliseconds is normal, so this only catches a real blow-up. */
    private static final long MAX_NANOS_PER_INPUT = 2_000_000_000L;
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null
            && !System.getenv("JAZZER_FUZZ").isEmpty();

    private static final List<SigningKey> KEYS = new ArrayList<>();
    private static final List<String> BASE_TOKENS = new ArrayList<>();
    private static final Set<String> SIGNED = ConcurrentHashMap.newKeySet();
    private static final TokenVerifier VERIFIER;

    static {
        List<VerificationKey> verificationKeys = new ArrayList<>();
        for (JwsAlgorithm algorithm : ALGORITHMS) {
            SigningKey key = TestKeys.signingKey(algorithm, "kid-" + algorithm.joseName());
            KEYS.add(key);
            verificationKeys.add(key.verificationKey());
        }
        SigningKey kidless = SigningKey.hmac(JwsAlgorithm.HS256, null, TestKeys.secret(JwsAlgorithm.HS256, 99));
        KEYS.add(kidless);
        verificationKeys.add(kidless.verificationKey());
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        VERIFIER = new TokenVerifier(KeyRing.of(verificationKeys.toArray(VerificationKey[]::new)),
                new TokenPolicy(ISSUER, Set.of(), Duration.ofSeconds(60), Optional.empty(), 8192), clock);
        for (SigningKey key : KEYS) {
            BASE_TOKENS.add(new TokenIssuer(key, ISSUER, Set.of("api"), Duration.ofMinutes(5), clock)
                    .issue("alice", Set.of("users")).compact());
        }
        SIGNED.addAll(BASE_TOKENS);
    }

    @FuzzTest(maxDuration = "30s")
    void verify_fuzzedToken_onlyRefusesOrAcceptsWhatWasSigned(FuzzedDataProvider data) {
        String token = token(data);
        VerifiedToken verified;
        long start = System.nanoTime();
        try {
            verified = VERIFIER.verify(token);
        } catch (InvalidTokenException e) {
            assertThat(e.reason()).isNotBlank();
            return;
        } finally {
            checkTime(System.nanoTime() - start);
        }
        assertThat(SIGNED).as("accepted a token the test did not sign").contains(token);
        assertThat(verified.compact()).isEqualTo(token);
    }

    /**
     * While fuzzing (not in regression runs), fails on any single verification slower than
     * {@link #MAX_NANOS_PER_INPUT}: generous, so that only a real blow-up (quadratic parsing, a
     * hang) trips it, not a GC pause. Jazzer's JUnit {@code @Timeout} support would also bound the
     * whole fuzzing run, so it cannot be used for this.
     */
    private static void checkTime(long nanos) {
        if (FUZZING) {
            assertThat(nanos).as("one verification took %d ms", nanos / 1_000_000).isLessThan(MAX_NANOS_PER_INPUT);
        }
    }

    private static String token(FuzzedDataProvider data) {
        String base = BASE_TOKENS.get(data.consumeInt(0, BASE_TOKENS.size() - 1));
        String[] parts = base.split("\\.", -1);
        switch (data.consumeInt(0, 5)) {
            case 0 -> {
                return data.consumeRemainingAsString();
            }
            case 1 -> {
                int from = data.consumeInt(0, base.length());
                int to = data.consumeInt(from, base.length());
                return base.substring(0, from) + data.consumeString(64) + base.substring(to);
            }
            case 2 -> {
                return b64(data.consumeString(512)) + "." + parts[1] + "." + parts[2];
            }
            case 3 -> {
                return parts[0] + "." + b64(data.consumeString(2048)) + "." + parts[2];
            }
            case 4 -> {
                return parts[0] + "." + parts[1] + "." + b64(data.consumeBytes(200));
            }
            default -> {
                SigningKey key = KEYS.get(data.consumeInt(0, KEYS.size() - 1));
                String header = data.consumeString(256);
                String claims = data.consumeRemainingAsString();
                String signingInput = b64(header) + "." + b64(claims);
                String signed = signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
                SIGNED.add(signed);
                return signed;
            }
        }
    }

    private static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
