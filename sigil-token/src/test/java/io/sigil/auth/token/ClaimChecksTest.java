package io.sigil.auth.token;

import io.sigil.auth.token.internal.ClaimChecks;
import io.sigil.auth.token.internal.StrictJson;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The claim checks of {@link TokenVerifier} (the claims parsed by {@link StrictJson}, then
 * {@link ClaimChecks}) against a reference: {@link StrictJson#parseObject} followed by the claim
 * checks as they were written over a {@link JsonObject} before issue 3 (kept below as
 * {@link #eagerCheck}, on {@link Instant}s where {@link ClaimChecks} compares epoch seconds). Same
 * accepted and refused payloads, same reasons, same claims. Until issue 12 this compared a
 * streaming claims pass with the reference; that pass is gone and the reference stays.
 */
class ClaimChecksTest {

    private static final long NOW = 1_800_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW, 500_000_000), ZoneOffset.UTC);
    private static final String ISSUER = "sigil";
    private static final byte[] SECRET = TestJws.secret(7);
    private static final TokenPolicy POLICY =
            new TokenPolicy(ISSUER, Set.of(), Duration.ofSeconds(30), Optional.empty(), 1 << 20);
    private static final TokenPolicy WITH_AUDIENCE_AND_AGE =
            new TokenPolicy(ISSUER, Set.of("api"), Duration.ZERO, Optional.of(Duration.ofMillis(3_600_500)), 1 << 20);

    /** Payloads that probe the strict parse: each must get the same answer from both. */
    static Stream<String> hostilePayloads() {
        String deep16 = "[".repeat(15) + "]".repeat(15);
        String deep17 = "[".repeat(16) + "]".repeat(16);
        return Stream.of(
                "{}", "[]", "", " ", "{\"a\":1}x", "{\"a\":1} ", "{\"a\":1}{\"b\":2}", "{\"a\":}", "{\"a\" 1}",
                "{\"exp\":1,\"exp\":2}", "{\"exp\":1,\"exp\":x}", "{\"x\":1,\"x\":x}", "{\"x\":{\"y\":1,\"y\":2}}",
                "{\"groups\":[{\"a\":1,\"a\":1}]}", "{\"aud\":[1,{\"b\":[],\"b\":[]}]}",
                "{\"x\":" + deep16 + "}", "{\"x\":" + deep17 + "}", "{\"groups\":" + deep16 + "}",
                "{\"groups\":" + deep17 + "}", "{\"exp\":{\"a\":" + deep16 + "}}",
                "{\"x\":1" + "0".repeat(2000) + "}", "{\"exp\":1" + "0".repeat(2000) + "}",
                "{\"x\":[1e" + "9".repeat(20) + "]}", "{\"x\":1.5e999999999}", "{\"exp\":1E0}", "{\"exp\":1.0}",
                "{\"exp\":-0}", "{\"\\u0065xp\":1,\"exp\":2}", "{\"x\":\"\\ud800\"}", "{\"x\":tru}", "{\"x\":nul}",
                "{\"x\":01}", "{\"x\":\"a\nb\"}", "{'x':1}", "{\"x\":1,}", "{,}", "{\"x\":[1,]}");
    }

    @ParameterizedTest
    @MethodSource("hostilePayloads")
    void verify_hostilePayload_answersAsTheReference(String payload) {
        assertSameVerification(payload.getBytes(StandardCharsets.UTF_8), POLICY);
    }

    @Test
    void verify_invalidUtf8_answersAsTheReference() {
        assertSameVerification(new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, '"', '}'}, POLICY);
        assertSameVerification(new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                POLICY);
        assertSameVerification(("{\"upn\":\"zo\u00eb\",\"iss\":\"sigil\",\"exp\":" + (NOW + 60) + "}")
                .getBytes(StandardCharsets.UTF_8), POLICY);
    }

    @Test
    void verify_mutatedRandomClaimSets_answerAsTheReference() {
        Random random = new Random(42);
        for (int i = 0; i < 3_000; i++) {
            byte[] mutated = randomClaims(random).getBytes(StandardCharsets.UTF_8);
            String replacements = "{}[]\",:01e.-x \\";
            mutated[random.nextInt(mutated.length)] = (byte) replacements.charAt(random.nextInt(replacements.length()));
            assertSameVerification(mutated, POLICY);
        }
    }

    @Test
    void verify_randomClaimSets_sameOutcomeAndClaimsAsTheReference() {
        Random random = new Random(4242);
        int accepted = 0;
        for (int i = 0; i < 3_000; i++) {
            byte[] claims = randomClaims(random).getBytes(StandardCharsets.UTF_8);
            TokenPolicy policy = i % 3 == 0 ? WITH_AUDIENCE_AND_AGE : POLICY;
            accepted += assertSameVerification(claims, policy) ? 1 : 0;
        }
        // the generator must reach both outcomes for the comparison to mean something
        assertThat(accepted).isBetween(100, 2_900);
    }

    @Test
    void verify_rfc7515Claims_jsonEqualsTheParsedClaims() throws Exception {
        // the RFC 7515 A.1 payload: CRLF whitespace and a URI-named boolean claim
        String claims = "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
        TokenVerifier verifier = new TokenVerifier(KeyRing.of(HmacKey.hs256(null, SECRET)),
                new TokenPolicy("joe", Set.of(), Duration.ZERO, Optional.empty(), 4096),
                Clock.fixed(Instant.ofEpochSecond(1_300_819_000L), ZoneOffset.UTC));
        String token = TestJws.token(SECRET, TestJws.HS256_HEADER, claims.replace("\"iss\":\"joe\"",
                "\"iss\":\"joe\",\"sub\":\"joe\""));
        JsonObject json = verifier.verify(token).claims().json();
        JsonObject parsed = verifier.verifiedClaimsJson(token);
        assertThat(json).isEqualTo(parsed);
        assertThat(json.toString()).isEqualTo(parsed.toString());
        assertThat(json.getBoolean("http://example.com/is_root")).isTrue();
    }

    /** @return whether the token was accepted */
    private static boolean assertSameVerification(byte[] claims, TokenPolicy policy) {
        String token = TestJws.token(SECRET, TestJws.HS256_HEADER.getBytes(StandardCharsets.UTF_8), claims);
        TokenVerifier verifier = new TokenVerifier(KeyRing.of(HmacKey.hs256(null, SECRET)), policy, CLOCK);
        String text = new String(claims, StandardCharsets.UTF_8);
        Object[] expected = new Object[1];
        Object[] actual = new Object[1];
        String expectedOutcome = outcome(() -> expected[0] = eagerCheck(StrictJson.parseObject(claims, "claims"), policy));
        String actualOutcome = outcome(() -> actual[0] = verifier.verify(token).claims());
        assertThat(actualOutcome).as(text).isEqualTo(expectedOutcome);
        if (expected[0] == null) {
            return false;
        }
        assertThat(actual[0]).as(text).isEqualTo(expected[0]);
        assertThat(((JwtClaims) actual[0]).json().toString()).isEqualTo(((JwtClaims) expected[0]).json().toString());
        return true;
    }

    private interface Action {
        Object run() throws Exception;
    }

    private static String outcome(Action action) {
        try {
            action.run();
            return "accepted";
        } catch (InvalidTokenException e) {
            return "rejected: " + e.reason();
        } catch (Exception e) {
            return "threw " + e;
        }
    }

    /** Random claims: the checked members with values of every type, other members, nesting, repeats. */
    private static String randomClaims(Random random) {
        List<String> members = new ArrayList<>();
        String[] names = {"exp", "nbf", "iat", "iss", "aud", "sub", "upn", "preferred_username", "groups", "jti",
                "x", "nested", "http://example.com/c"};
        members.add("\"exp\":" + (NOW + 600));
        members.add("\"iss\":\"" + ISSUER + "\"");
        members.add("\"sub\":\"alice\"");
        members.add("\"aud\":[\"api\",\"other\"]");
        members.add("\"iat\":" + (NOW - 60));
        int extra = random.nextInt(6);
        for (int i = 0; i < extra; i++) {
            String member = "\"" + names[random.nextInt(names.length)] + "\":" + randomValue(random, 0);
            if (random.nextInt(4) == 0 || members.stream().noneMatch(m -> m.startsWith(member.substring(0,
                    member.indexOf(':'))))) {
                members.add(random.nextInt(members.size() + 1), member);
            } else {
                members.set(IntStream.range(0, members.size())
                        .filter(j -> members.get(j).startsWith(member.substring(0, member.indexOf(':'))))
                        .findFirst().orElseThrow(), member);
            }
        }
        return "{" + String.join(random.nextBoolean() ? "," : " ,\r\n ", members) + "}";
    }

    private static String randomValue(Random random, int depth) {
        String[] scalars = {"\"alice\"", "\"api\"", "\"\"", "\" \"", "\"a\\u0000b\"", "\"\\ud83d\\ude00\"",
                "\"\\ud83d\"", "\"sigil\"", "null", "true", "false", "0", "-1", "1.5", "1E0", "1e3", "1.0",
                String.valueOf(NOW + 600), String.valueOf(NOW - 4_000), String.valueOf(NOW + 100),
                String.valueOf(NOW - 30), "253402300799", "253402300800", "99999999999999999999", "-0"};
        int kind = random.nextInt(depth > 3 ? 1 : 4);
        return switch (kind) {
            case 0 -> scalars[random.nextInt(scalars.length)];
            case 1 -> "[" + String.join(",", strings(random)) + "]";
            case 2 -> "[" + randomValue(random, depth + 1) + "," + randomValue(random, depth + 1) + "]";
            default -> "{\"k\":" + randomValue(random, depth + 1)
                    + (random.nextInt(5) == 0 ? ",\"k\":1" : ",\"j\":" + randomValue(random, depth + 1)) + "}";
        };
    }

    private static List<String> strings(Random random) {
        List<String> values = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            values.add(random.nextBoolean() ? "\"api\"" : "\"admin\"");
        }
        return values;
    }

    // The claim checks as they were before the streaming pass, over the eagerly parsed object.

    private static JwtClaims eagerCheck(JsonObject claims, TokenPolicy policy) throws InvalidTokenException {
        Instant now = CLOCK.instant();
        long skew = policy.clockSkew().toSeconds();
        Instant expiresAt = numericDate(claims, "exp");
        if (expiresAt == null) {
            throw new InvalidTokenException("missing exp");
        }
        if (!now.isBefore(expiresAt.plusSeconds(skew))) {
            throw new InvalidTokenException("token expired");
        }
        Instant notBefore = numericDate(claims, "nbf");
        if (notBefore != null && now.plusSeconds(skew).isBefore(notBefore)) {
            throw new InvalidTokenException("token not yet valid");
        }
        Instant issuedAt = numericDate(claims, "iat");
        if (issuedAt != null && now.plusSeconds(skew).isBefore(issuedAt)) {
            throw new InvalidTokenException("token issued in the future");
        }
        if (policy.maxTokenAge().isPresent()) {
            if (issuedAt == null) {
                throw new InvalidTokenException("missing iat");
            }
            if (issuedAt.plus(policy.maxTokenAge().get()).plusSeconds(skew).isBefore(now)) {
                throw new InvalidTokenException("token too old");
            }
        }
        String issuer = StrictJson.optionalString(claims, "iss");
        if (!policy.issuer().equals(issuer)) {
            throw new InvalidTokenException("wrong issuer");
        }
        Set<String> audience = stringOrStrings(claims, "aud");
        if (!policy.audiences().isEmpty() && audience.stream().noneMatch(policy.audiences()::contains)) {
            throw new InvalidTokenException("wrong audience");
        }
        String subject = StrictJson.optionalString(claims, "sub");
        String name = StrictJson.optionalString(claims, "upn");
        if (name == null) {
            name = StrictJson.optionalString(claims, "preferred_username");
        }
        if (name == null) {
            name = subject;
        }
        if (name == null || name.isBlank() || name.length() > 256
                || name.codePoints().anyMatch(c -> c < 0x20 || c == 0x7f
                || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw new InvalidTokenException("missing or invalid caller name");
        }
        Set<String> groups = strings(claims, "groups");
        String tokenId = StrictJson.optionalString(claims, "jti");
        return new JwtClaims(name, subject, issuer, audience, groups, issuedAt, expiresAt, tokenId, claims);
    }

    private static Instant numericDate(JsonObject object, String name) throws InvalidTokenException {
        JsonValue value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw new InvalidTokenException(name + " must be an integer NumericDate");
        }
        long seconds;
        try {
            seconds = ((JsonNumber) value).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidTokenException(name + " is out of range", e);
        }
        if (seconds < 0 || seconds > 253_402_300_799L) {
            throw new InvalidTokenException(name + " is out of range");
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static Set<String> stringOrStrings(JsonObject object, String name) throws InvalidTokenException {
        JsonValue value = object.get(name);
        if (value != null && value.getValueType() == JsonValue.ValueType.STRING) {
            return Set.of(((JsonString) value).getString());
        }
        return strings(object, name);
    }

    private static Set<String> strings(JsonObject object, String name) throws InvalidTokenException {
        JsonValue value = object.get(name);
        if (value == null) {
            return Set.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidTokenException(name + " must be an array of strings");
        }
        Set<String> result = new LinkedHashSet<>();
        for (JsonValue element : (JsonArray) value) {
            if (element.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidTokenException(name + " must be an array of strings");
            }
            result.add(((JsonString) element).getString());
        }
        return result;
    }
}
