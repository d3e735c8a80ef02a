package io.sigil.auth.token;

import static io.sigil.auth.token.TestJws.json;
import static io.sigil.auth.token.TestJws.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {

    /** 2027-01-15T08:00:00Z. */
    private static final long NOW = 1_800_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final String ISSUER = "https://issuer.example";
    private static final String AUDIENCE = "orders-api";
    private static final int MAX_LENGTH = 4096;

    private static final byte[] SECRET = TestJws.secret(1);
    private static final byte[] OTHER_SECRET = TestJws.secret(2);
    private static final HmacKey KEY = HmacKey.hs256(null, SECRET);

    /** No skew, no audience, no maximum age. */
    private static final TokenVerifier STRICT = verifier(KEY, Set.of(), Duration.ZERO, null, MAX_LENGTH);
    private static final TokenVerifier WITH_SKEW = verifier(KEY, Set.of(), Duration.ofSeconds(60), null, MAX_LENGTH);
    private static final TokenVerifier WITH_AUDIENCE = verifier(KEY, Set.of(AUDIENCE), Duration.ZERO, null, MAX_LENGTH);
    private static final TokenVerifier WITH_MAX_AGE =
            verifier(KEY, Set.of(), Duration.ZERO, Duration.ofHours(1), MAX_LENGTH);
    private static final TokenVerifier WITH_KID =
            verifier(HmacKey.hs256("key-1", SECRET), Set.of(), Duration.ZERO, null, MAX_LENGTH);
    private static final TokenVerifier WITH_LARGE_LIMIT = verifier(KEY, Set.of(), Duration.ZERO, null, 1 << 20);

    // RFC 7515 appendix A.1
    private static final String RFC_KEY =
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
    private static final String RFC_TOKEN = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final long RFC_EXP = 1_300_819_380L;

    private static TokenVerifier verifier(HmacKey key, Set<String> audiences, Duration skew, Duration maxAge,
                                          int maxLength) {
        return new TokenVerifier(KeyRing.of(key),
                new TokenPolicy(ISSUER, audiences, skew, Optional.ofNullable(maxAge), maxLength), CLOCK);
    }

    private static TokenVerifier rfcVerifier(long nowEpochSecond) {
        HmacKey key = HmacKey.hs256(null, Base64.getUrlDecoder().decode(RFC_KEY));
        TokenPolicy policy = new TokenPolicy("joe", Set.of(), Duration.ZERO, Optional.empty(), MAX_LENGTH);
        return new TokenVerifier(KeyRing.of(key), policy, Clock.fixed(Instant.ofEpochSecond(nowEpochSecond), ZoneOffset.UTC));
    }

    /** A claims set as ordered members; starts valid for {@link #STRICT}. */
    private static final class Claims {
        private final Map<String, Object> members = new LinkedHashMap<>();

        static Claims valid() {
            return new Claims()
                    .with("iss", ISSUER)
                    .with("sub", "alice")
                    .with("upn", "alice@example.com")
                    .with("groups", List.of("admin", "users"))
                    .with("iat", NOW - 60)
                    .with("exp", NOW + 600)
                    .with("jti", "token-1");
        }

        Claims with(String name, Object value) {
            members.put(name, value);
            return this;
        }

        Claims without(String name) {
            members.remove(name);
            return this;
        }

        String json() {
            return TestJws.object(members);
        }

        /** @return the claims plus one more member, which may repeat a name */
        String jsonWithExtraMember(String member) {
            String json = json();
            return json.substring(0, json.length() - 1) + "," + member + "}";
        }

        String token() {
            return signed(json());
        }
    }

    private static String signed(String claimsJson) {
        return TestJws.token(SECRET, TestJws.HS256_HEADER, claimsJson);
    }

    private static String signedHeader(String headerJson) {
        return TestJws.token(SECRET, headerJson, Claims.valid().json());
    }

    private static String valid() {
        return Claims.valid().token();
    }

    private static String headerPart() {
        return TestJws.parts(valid())[0];
    }

    private static String payloadPart() {
        return TestJws.parts(valid())[1];
    }

    private static String signaturePart() {
        return TestJws.parts(valid())[2];
    }

    /** Signs a possibly malformed signing input correctly, so only its form is wrong. */
    private static String resigned(String signingInput) {
        return TestJws.sign(SECRET, signingInput);
    }

    /** Overwrites characters from {@code index} on, keeping the length (and so its value mod 4). */
    private static String overwrite(String s, int index, String replacement) {
        return s.substring(0, index) + replacement + s.substring(index + replacement.length());
    }

    private static String replaceChar(String s, int index) {
        char replacement = s.charAt(index) == 'A' ? 'B' : 'A';
        return s.substring(0, index) + replacement + s.substring(index + 1);
    }

    /** Sets the lowest bit of the last character, which canonical base64url keeps zero. */
    private static String setTrailingBit(String part) {
        int last = TestJws.ALPHABET.indexOf(part.charAt(part.length() - 1));
        return part.substring(0, part.length() - 1) + TestJws.ALPHABET.charAt(last | 1);
    }

    /** Adds JSON whitespace so that the text's base64url form needs padding. */
    private static String needingPadding(String json) {
        return json.length() % 3 == 0 ? "{ " + json.substring(1) : json;
    }

    private static String payloadWithTrailingBitSet() {
        String payload = TestJws.b64(needingPadding(Claims.valid().json()));
        return resigned(headerPart() + "." + setTrailingBit(payload));
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** Signs claims holding {@code "note":"<bad>"}, where {@code bad} is raw bytes. */
    private static String invalidUtf8Claims(byte... bad) {
        String json = Claims.valid().json();
        ByteArrayOutputStream claims = new ByteArrayOutputStream();
        claims.writeBytes((json.substring(0, json.length() - 1) + ",\"note\":\"").getBytes(StandardCharsets.UTF_8));
        claims.writeBytes(bad);
        claims.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return TestJws.token(SECRET, TestJws.HS256_HEADER.getBytes(StandardCharsets.UTF_8), claims.toByteArray());
    }

    // ------------------------------------------------------------------------------------------
    // RFC 7515 appendix A.1
    // ------------------------------------------------------------------------------------------

    @Test
    void testJws_rfc7515AppendixA1SigningInput_givesPublishedSignature() {
        String signingInput = RFC_TOKEN.substring(0, RFC_TOKEN.lastIndexOf('.'));

        String signed = TestJws.sign(Base64.getUrlDecoder().decode(RFC_KEY), signingInput);

        assertThat(signed).isEqualTo(RFC_TOKEN);
    }

    @Test
    void verifiedClaimsJson_rfc7515AppendixA1_returnsPublishedClaims() throws InvalidTokenException {
        JsonObject claims = rfcVerifier(RFC_EXP - 60).verifiedClaimsJson(RFC_TOKEN);

        assertThat(claims).hasSize(3);
        assertThat(claims.getString("iss")).isEqualTo("joe");
        assertThat(claims.getJsonNumber("exp").longValueExact()).isEqualTo(RFC_EXP);
        assertThat(claims.getBoolean("http://example.com/is_root")).isTrue();
    }

    @Test
    void verify_rfc7515AppendixA1BeforeExpiry_isRejectedForMissingCallerName() {
        assertRejected(rfcVerifier(RFC_EXP - 60), RFC_TOKEN, "missing or invalid caller name");
    }

    @Test
    void verify_rfc7515KeyTokenWithSubject_isAcceptedBeforeExpiryAndRejectedAfter() throws InvalidTokenException {
        String header = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
        String claims = "{\"iss\":\"joe\",\r\n \"exp\":" + RFC_EXP + ",\r\n \"sub\":\"joe\"}";
        String token = TestJws.token(Base64.getUrlDecoder().decode(RFC_KEY), header, claims);

        assertThat(rfcVerifier(RFC_EXP - 1).verify(token).claims().name()).isEqualTo("joe");
        assertRejected(rfcVerifier(RFC_EXP), token, "token expired");
        assertRejected(rfcVerifier(RFC_EXP + 3600), token, "token expired");
    }

    // ------------------------------------------------------------------------------------------
    // Accepted tokens
    // ------------------------------------------------------------------------------------------

    @Test
    void verify_validToken_returnsNameGroupsExpiryAndTokenId() throws InvalidTokenException {
        String token = valid();

        VerifiedToken verified = STRICT.verify(token);

        JwtClaims claims = verified.claims();
        assertThat(verified.compact()).isEqualTo(token);
        assertThat(verified.keyId()).isNull();
        assertThat(claims.name()).isEqualTo("alice@example.com");
        assertThat(claims.subject()).isEqualTo("alice");
        assertThat(claims.issuer()).isEqualTo(ISSUER);
        assertThat(claims.audience()).isEmpty();
        assertThat(claims.groups()).containsExactlyInAnyOrder("admin", "users");
        assertThat(claims.issuedAt()).isEqualTo(Instant.ofEpochSecond(NOW - 60));
        assertThat(claims.expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW + 600));
        assertThat(claims.tokenId()).isEqualTo("token-1");
        assertThat(claims.json().getString("jti")).isEqualTo("token-1");
    }

    @Test
    void verify_tokenWithoutGroups_hasNoGroups() throws InvalidTokenException {
        assertThat(STRICT.verify(Claims.valid().without("groups").token()).claims().groups()).isEmpty();
    }

    @Test
    void verify_tokenExpiredWithinClockSkew_isAccepted() throws InvalidTokenException {
        String token = Claims.valid().with("exp", NOW - 59).token();

        assertThat(WITH_SKEW.verify(token).claims().expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW - 59));
    }

    @Test
    void verify_notBeforeNowAndIssuedAtWithinSkew_isAccepted() throws InvalidTokenException {
        assertThat(STRICT.verify(Claims.valid().with("nbf", NOW).token()).claims().name()).isNotNull();
        assertThat(WITH_SKEW.verify(Claims.valid().with("nbf", NOW + 60).with("iat", NOW + 60).token())
                .claims().name()).isNotNull();
    }

    @Test
    void verify_audienceArrayContainingConfiguredAudience_isAccepted() throws InvalidTokenException {
        String token = Claims.valid().with("aud", List.of("billing-api", AUDIENCE)).token();

        assertThat(WITH_AUDIENCE.verify(token).claims().audience()).containsExactlyInAnyOrder("billing-api", AUDIENCE);
    }

    @Test
    void verify_audienceStringEqualToConfiguredAudience_isAccepted() throws InvalidTokenException {
        String token = Claims.valid().with("aud", AUDIENCE).token();

        assertThat(WITH_AUDIENCE.verify(token).claims().audience()).containsExactly(AUDIENCE);
    }

    @Test
    void verify_preferredUsernameWithoutUpn_isUsedAsName() throws InvalidTokenException {
        String token = Claims.valid().without("upn").with("sub", "u-123").with("preferred_username", "bob").token();

        JwtClaims claims = STRICT.verify(token).claims();

        assertThat(claims.name()).isEqualTo("bob");
        assertThat(claims.subject()).isEqualTo("u-123");
    }

    @Test
    void verify_upnSubAndPreferredUsername_upnWins() throws InvalidTokenException {
        String token = Claims.valid().with("sub", "u-123").with("preferred_username", "bob")
                .with("upn", "alice@example.com").token();

        assertThat(STRICT.verify(token).claims().name()).isEqualTo("alice@example.com");
    }

    @Test
    void verify_onlySub_subIsUsedAsName() throws InvalidTokenException {
        assertThat(STRICT.verify(Claims.valid().without("upn").token()).claims().name()).isEqualTo("alice");
    }

    @Test
    void verify_nameOf256Characters_isAccepted() throws InvalidTokenException {
        String name = "n".repeat(256);

        assertThat(STRICT.verify(Claims.valid().with("upn", name).token()).claims().name()).isEqualTo(name);
    }

    @Test
    void verify_tokenExactlyMaxTokenAgeOld_isAccepted() throws InvalidTokenException {
        String token = Claims.valid().with("iat", NOW - 3600).token();

        assertThat(WITH_MAX_AGE.verify(token).claims().issuedAt()).isEqualTo(Instant.ofEpochSecond(NOW - 3600));
    }

    @Test
    void verify_tokenOfExactlyMaxTokenLength_isAcceptedAndOneMoreIsRejected() throws InvalidTokenException {
        String token = valid();

        assertThat(verifier(KEY, Set.of(), Duration.ZERO, null, token.length()).verify(token)).isNotNull();
        assertRejected(verifier(KEY, Set.of(), Duration.ZERO, null, token.length() - 1), token, "token too long");
    }

    @Test
    void verify_matchingKid_isAcceptedAndReported() throws InvalidTokenException {
        String token = signedHeader(json("{'alg':'HS256','typ':'JWT','kid':'key-1'}"));

        assertThat(WITH_KID.verify(token).keyId()).isEqualTo("key-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "jwt", "application/jwt"})
    void verify_typJwt_isAccepted(String typ) throws InvalidTokenException {
        String token = signedHeader(json("{'alg':'HS256','typ':'" + typ + "'}"));

        assertThat(STRICT.verify(token).claims().name()).isEqualTo("alice@example.com");
    }

    @Test
    void verify_noTyp_isAccepted() throws InvalidTokenException {
        assertThat(STRICT.verify(signedHeader(json("{'alg':'HS256'}"))).claims().name()).isNotNull();
    }

    @Test
    void verify_badClaimsWithWrongSignature_failsOnSignatureBeforeParsing() {
        String token = TestJws.token(OTHER_SECRET, TestJws.HS256_HEADER, "not json");

        assertRejected(STRICT, token, "signature mismatch");
    }

    // ------------------------------------------------------------------------------------------
    // Rejected tokens
    // ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void verify_invalidToken_isRejected(String name, String reason, TokenVerifier verifier, Supplier<String> token) {
        assertRejected(name, verifier, token.get(), reason);
    }

    private static void assertRejected(TokenVerifier verifier, String token, String reason) {
        assertRejected("token", verifier, token, reason);
    }

    private static void assertRejected(String name, TokenVerifier verifier, String token, String reason) {
        assertThat(catchThrowable(() -> verifier.verify(token)))
                .as(name)
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.reason()).contains(reason));
    }

    private static Arguments rejected(String name, String reason, Supplier<String> token) {
        return rejected(name, reason, STRICT, token);
    }

    private static Arguments rejected(String name, String reason, TokenVerifier verifier, Supplier<String> token) {
        return Arguments.of(name, reason, verifier, token);
    }

    static Stream<Arguments> rejectedTokens() {
        return Stream.of(signatureCases(), algorithmAndHeaderCases(), formCases(), jsonCases(),
                timeCases(), identityCases()).flatMap(s -> s);
    }

    private static Stream<Arguments> signatureCases() {
        String mismatch = "signature mismatch";
        return Stream.of(
                rejected("payload character changed", mismatch,
                        () -> headerPart() + "." + replaceChar(payloadPart(), 10) + "." + signaturePart()),
                rejected("signature byte changed", mismatch, () -> {
                    byte[] signature = TestJws.decode(signaturePart());
                    signature[0] ^= 1;
                    return headerPart() + "." + payloadPart() + "." + TestJws.b64(signature);
                }),
                rejected("signature truncated to 31 bytes", mismatch, () -> headerPart() + "." + payloadPart() + "."
                        + TestJws.b64(Arrays.copyOf(TestJws.decode(signaturePart()), 31))),
                rejected("signature empty", mismatch, () -> headerPart() + "." + payloadPart() + "."),
                rejected("signature with 32 extra bytes", mismatch, () -> headerPart() + "." + payloadPart() + "."
                        + TestJws.b64(Arrays.copyOf(TestJws.decode(signaturePart()), 64))),
                rejected("signed with another secret", mismatch,
                        () -> TestJws.token(OTHER_SECRET, TestJws.HS256_HEADER, Claims.valid().json())),
                // the header is read first (it names the key), so alg none fails before the signature
                rejected("alg none with empty signature", "algorithm does not match the key",
                        () -> TestJws.b64(json("{'alg':'none'}"))
                        + "." + payloadPart() + "."));
    }

    private static Stream<Arguments> algorithmAndHeaderCases() {
        String wrongAlg = "algorithm does not match the key";
        return Stream.of(
                rejected("alg none with a valid signature", wrongAlg, () -> signedHeader(json("{'alg':'none'}"))),
                rejected("alg None", wrongAlg, () -> signedHeader(json("{'alg':'None'}"))),
                rejected("alg NONE", wrongAlg, () -> signedHeader(json("{'alg':'NONE'}"))),
                rejected("alg nOnE", wrongAlg, () -> signedHeader(json("{'alg':'nOnE'}"))),
                rejected("alg HS384", wrongAlg, () -> signedHeader(json("{'alg':'HS384','typ':'JWT'}"))),
                rejected("alg HS512", wrongAlg, () -> signedHeader(json("{'alg':'HS512','typ':'JWT'}"))),
                rejected("alg RS256", wrongAlg, () -> signedHeader(json("{'alg':'RS256','typ':'JWT'}"))),
                rejected("alg hs256 in lower case", wrongAlg, () -> signedHeader(json("{'alg':'hs256'}"))),
                rejected("alg missing", wrongAlg, () -> signedHeader(json("{'typ':'JWT'}"))),
                rejected("alg not a string", "alg must be a string", () -> signedHeader(json("{'alg':['HS256']}"))),
                rejected("crit header", "critical header parameters are not supported",
                        () -> signedHeader(json("{'alg':'HS256','crit':['exp'],'exp':1}"))),
                rejected("b64 false header", "unencoded payloads are not supported",
                        () -> signedHeader(json("{'alg':'HS256','b64':false}"))),
                rejected("b64 false header marked critical", "critical header parameters are not supported",
                        () -> signedHeader(json("{'alg':'HS256','b64':false,'crit':['b64']}"))),
                rejected("typ JOSE+JSON", "unexpected typ",
                        () -> signedHeader(json("{'alg':'HS256','typ':'JOSE+JSON'}"))),
                rejected("typ JOSE", "unexpected typ", () -> signedHeader(json("{'alg':'HS256','typ':'JOSE'}"))),
                rejected("typ at+jwt", "unexpected typ", () -> signedHeader(json("{'alg':'HS256','typ':'at+jwt'}"))),
                rejected("typ not a string", "typ must be a string",
                        () -> signedHeader(json("{'alg':'HS256','typ':1}"))),
                rejected("kid not matching the key's kid", "unknown kid", WITH_KID,
                        () -> signedHeader(json("{'alg':'HS256','typ':'JWT','kid':'key-2'}"))),
                rejected("duplicate alg in header", "header is not valid JSON",
                        () -> signedHeader(json("{'alg':'HS256','alg':'none'}"))),
                rejected("header a JSON array", "header is not a JSON object", () -> signedHeader("[\"HS256\"]")),
                rejected("header a JSON string", "header is not a JSON object", () -> signedHeader("\"HS256\"")),
                rejected("header invalid JSON", "header is not valid JSON", () -> signedHeader("{\"alg\":")),
                rejected("header empty", "header is not valid JSON", () -> signedHeader("")),
                rejected("header invalid UTF-8", "header is not valid UTF-8", () -> TestJws.token(SECRET,
                        new byte[] {'{', '"', 'a', 'l', 'g', '"', ':', '"', (byte) 0xFF, '"', '}'},
                        Claims.valid().json().getBytes(StandardCharsets.UTF_8))),
                // Parsson stops at depth 1000 with a plain RuntimeException
                rejected("header nested 100000 deep", "header", WITH_LARGE_LIMIT,
                        () -> signedHeader("{\"alg\":\"HS256\",\"x\":" + nested(100_000) + "}")),
                // Parsson's readValue() stops after the first value
                rejected("data after the header object", "header",
                        () -> signedHeader(TestJws.HS256_HEADER + "]")));
    }

    private static Stream<Arguments> formCases() {
        String badChar = "invalid base64url character";
        return Stream.of(
                rejected("null", "empty token", () -> null),
                rejected("empty string", "empty token", () -> ""),
                rejected("one part", "token must have exactly three parts", () -> headerPart()),
                rejected("two parts", "token must have exactly three parts",
                        () -> headerPart() + "." + payloadPart()),
                rejected("four parts", "token must have exactly three parts", () -> valid() + "." + signaturePart()),
                rejected("four parts, last empty", "token must have exactly three parts", () -> valid() + "."),
                rejected("longer than maxTokenLength", "token too long",
                        () -> Claims.valid().with("padding", "x".repeat(MAX_LENGTH)).token()),
                rejected("padding in header", badChar, () -> resigned(
                        TestJws.b64Padded(needingPadding(TestJws.HS256_HEADER)) + "." + payloadPart())),
                rejected("padding in payload", badChar, () -> resigned(
                        headerPart() + "." + TestJws.b64Padded(needingPadding(Claims.valid().json())))),
                rejected("padding in signature", badChar, () -> valid() + "="),
                rejected("space inside payload", badChar,
                        () -> resigned(headerPart() + "." + overwrite(payloadPart(), 8, " "))),
                rejected("newline inside header", badChar,
                        () -> resigned(overwrite(headerPart(), 8, "\n") + "." + payloadPart())),
                rejected("CRLF inside payload", badChar,
                        () -> resigned(headerPart() + "." + overwrite(payloadPart(), 8, "\r\n"))),
                rejected("tab inside signature", badChar,
                        () -> headerPart() + "." + payloadPart() + "." + overwrite(signaturePart(), 8, "\t")),
                rejected("leading space", "invalid base64url", () -> resigned(" " + headerPart() + "." + payloadPart())),
                rejected("trailing newline", badChar, () -> valid() + "\n"),
                rejected("non-ASCII letter in payload", badChar,
                        () -> resigned(headerPart() + "." + overwrite(payloadPart(), 8, "\u00e9"))),
                rejected("Arabic-Indic digit in header", badChar,
                        () -> resigned(overwrite(headerPart(), 8, "\u0663") + "." + payloadPart())),
                rejected("standard base64 '+' in payload", badChar,
                        () -> resigned(headerPart() + "." + overwrite(payloadPart(), 8, "+"))),
                rejected("standard base64 '/' in header", badChar,
                        () -> resigned(overwrite(headerPart(), 8, "/") + "." + payloadPart())),
                rejected("payload of length 4n+1", "invalid base64url length", () -> {
                    String payload = payloadPart();
                    return resigned(headerPart() + "." + payload + "A".repeat((5 - payload.length() % 4) % 4));
                }),
                rejected("non-canonical trailing bits in signature", "non-canonical base64url",
                        () -> headerPart() + "." + payloadPart() + "." + setTrailingBit(signaturePart())),
                rejected("non-canonical trailing bits in payload", "non-canonical base64url",
                        TokenVerifierTest::payloadWithTrailingBitSet));
    }

    private static Stream<Arguments> jsonCases() {
        String notJson = "claims is not valid JSON";
        String notObject = "claims is not a JSON object";
        return Stream.of(
                rejected("invalid UTF-8 byte 0xFF in claims", "claims is not valid UTF-8",
                        () -> invalidUtf8Claims((byte) 0xFF)),
                rejected("overlong UTF-8 encoding in claims", "claims is not valid UTF-8",
                        () -> invalidUtf8Claims((byte) 0xC0, (byte) 0xAF)),
                rejected("UTF-8 encoded surrogate in claims", "claims is not valid UTF-8",
                        () -> invalidUtf8Claims((byte) 0xED, (byte) 0xA0, (byte) 0x80)),
                rejected("duplicate exp", notJson,
                        () -> signed(Claims.valid().jsonWithExtraMember("\"exp\":" + (NOW - 600)))),
                rejected("duplicate sub", notJson,
                        () -> signed(Claims.valid().without("upn").jsonWithExtraMember("\"sub\":\"admin\""))),
                rejected("claims a JSON array", notObject, () -> signed("[" + Claims.valid().json() + "]")),
                rejected("claims a JSON string", notObject, () -> signed("\"alice\"")),
                rejected("claims JSON null", notObject, () -> signed("null")),
                rejected("claims invalid JSON", notJson, () -> signed("{\"sub\":")),
                rejected("claims empty", notJson, () -> signed("")),
                // Parsson's readValue() stops after the first value
                rejected("data after the claims object", "claims", () -> signed(Claims.valid().json() + "x")),
                rejected("second object after the claims object", "claims",
                        () -> signed(Claims.valid().json() + "{\"upn\":\"admin\"}")),
                // Parsson stops at depth 1000 with a plain RuntimeException
                rejected("claim nested 100000 deep", "claims", WITH_LARGE_LIMIT,
                        () -> Claims.valid().with("x", raw(nested(100_000))).token()),
                rejected("claim with 100000 unclosed brackets", "claims", WITH_LARGE_LIMIT,
                        () -> signed(Claims.valid().jsonWithExtraMember("\"x\":" + "[".repeat(100_000)))),
                // Parsson refuses numbers over 1100 characters with UnsupportedOperationException
                rejected("claim with a 2000-digit number", "claims",
                        () -> Claims.valid().with("x", raw("1".repeat(2000))).token()));
    }

    private static Stream<Arguments> timeCases() {
        String badDate = "exp must be an integer NumericDate";
        return Stream.of(
                rejected("exp missing", "missing exp", () -> Claims.valid().without("exp").token()),
                rejected("exp null", badDate, () -> Claims.valid().with("exp", null).token()),
                rejected("exp a string", badDate, () -> Claims.valid().with("exp", String.valueOf(NOW + 600)).token()),
                rejected("exp 1.5", badDate, () -> Claims.valid().with("exp", 1.5).token()),
                rejected("exp negative", "exp is out of range", () -> Claims.valid().with("exp", -1).token()),
                rejected("exp 1e30", "exp", () -> Claims.valid().with("exp", raw("1e30")).token()),
                rejected("exp 2^63", "exp is out of range",
                        () -> Claims.valid().with("exp", BigInteger.ONE.shiftLeft(63)).token()),
                rejected("exp after year 9999", "exp is out of range",
                        () -> Claims.valid().with("exp", 253_402_300_800L).token()),
                rejected("expired", "token expired", () -> Claims.valid().with("exp", NOW - 1).token()),
                rejected("expiring exactly now", "token expired", () -> Claims.valid().with("exp", NOW).token()),
                rejected("expired by exactly the skew", "token expired", WITH_SKEW,
                        () -> Claims.valid().with("exp", NOW - 60).token()),
                rejected("nbf in the future", "token not yet valid",
                        () -> Claims.valid().with("nbf", NOW + 1).token()),
                rejected("nbf in the future beyond skew", "token not yet valid", WITH_SKEW,
                        () -> Claims.valid().with("nbf", NOW + 61).token()),
                rejected("nbf a string", "nbf must be an integer NumericDate",
                        () -> Claims.valid().with("nbf", "0").token()),
                rejected("iat in the future", "token issued in the future",
                        () -> Claims.valid().with("iat", NOW + 1).token()),
                rejected("iat in the future beyond skew", "token issued in the future", WITH_SKEW,
                        () -> Claims.valid().with("iat", NOW + 61).token()),
                rejected("iat older than max token age", "token too old", WITH_MAX_AGE,
                        () -> Claims.valid().with("iat", NOW - 3601).token()),
                rejected("iat missing while max token age is configured", "missing iat", WITH_MAX_AGE,
                        () -> Claims.valid().without("iat").token()));
    }

    private static Stream<Arguments> identityCases() {
        String badName = "missing or invalid caller name";
        String badGroups = "groups must be an array of strings";
        return Stream.of(
                rejected("wrong iss", "wrong issuer",
                        () -> Claims.valid().with("iss", "https://other.example").token()),
                rejected("iss differing in case", "wrong issuer",
                        () -> Claims.valid().with("iss", ISSUER.toUpperCase()).token()),
                rejected("iss missing", "wrong issuer", () -> Claims.valid().without("iss").token()),
                rejected("iss an array", "iss must be a string",
                        () -> Claims.valid().with("iss", List.of(ISSUER)).token()),
                rejected("aud configured, missing", "wrong audience", WITH_AUDIENCE, TokenVerifierTest::valid),
                rejected("aud configured, wrong", "wrong audience", WITH_AUDIENCE,
                        () -> Claims.valid().with("aud", "billing-api").token()),
                rejected("aud configured, array without match", "wrong audience", WITH_AUDIENCE,
                        () -> Claims.valid().with("aud", List.of("billing-api", "orders")).token()),
                rejected("aud configured, empty array", "wrong audience", WITH_AUDIENCE,
                        () -> Claims.valid().with("aud", List.of()).token()),
                rejected("aud a number", "aud must be an array of strings", WITH_AUDIENCE,
                        () -> Claims.valid().with("aud", 1).token()),
                rejected("groups a string", badGroups, () -> Claims.valid().with("groups", "admin").token()),
                rejected("groups containing a number", badGroups,
                        () -> Claims.valid().with("groups", List.of("admin", 1)).token()),
                rejected("groups containing null", badGroups,
                        () -> Claims.valid().with("groups", Arrays.asList("admin", null)).token()),
                rejected("no upn, sub or preferred_username", badName,
                        () -> Claims.valid().without("upn").without("sub").token()),
                rejected("upn blank", badName, () -> Claims.valid().with("upn", "  ").token()),
                rejected("name of 300 characters", badName,
                        () -> Claims.valid().without("upn").with("sub", "s".repeat(300)).token()),
                rejected("upn of 257 characters", badName, () -> Claims.valid().with("upn", "u".repeat(257)).token()),
                rejected("upn a number", "upn must be a string", () -> Claims.valid().with("upn", 7).token()),
                rejected("sub an object", "sub must be a string",
                        () -> Claims.valid().with("sub", raw("{}")).token()),
                rejected("jti a number", "jti must be a string", () -> Claims.valid().with("jti", 1).token()));
    }
}
