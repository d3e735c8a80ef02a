package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.IssuedToken;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.token.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigilConfigLoaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

    /** 32 bytes, unpadded base64url: 43 characters. */
    private static final String SECRET = base64Url(bytes(32, 1));
    private static final String OTHER_SECRET = base64Url(bytes(32, 2));

    // ---------------------------------------------------------------- defaults

    @Test
    void load_onlyValidSecret_appliesDefaults() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(SigilConfigLoader.SECRET, SECRET));

        assertThat(config.keys().signingKey().algorithm()).isEqualTo(JwsAlgorithm.HS256);
        assertThat(config.keys().signingKey().keyId()).isNull();
        assertThat(config.keys().publishedKeys()).isEmpty();
        assertThat(config.policy().issuer()).isEqualTo("sigil");
        assertThat(config.policy().audiences()).isEmpty();
        assertThat(config.tokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.policy().clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.policy().maxTokenAge()).isEmpty();
        assertThat(config.policy().maxTokenLength()).isEqualTo(8192);
        assertThat(config.generateSecret()).isFalse();
        assertThat(config.dataSource()).as("Sigil's JDBC user store is opt-in").isEmpty();
        assertThat(config.realm()).isEqualTo("sigil");
    }

    @Test
    void load_keyConstants_matchDocumentedNames() {
        assertThat(SigilConfigLoader.SECRET).isEqualTo("sigil.secret");
        assertThat(SigilConfigLoader.ISSUER).isEqualTo("mp.jwt.verify.issuer");
        assertThat(SigilConfigLoader.AUDIENCES).isEqualTo("mp.jwt.verify.audiences");
        assertThat(SigilConfigLoader.CLOCK_SKEW).isEqualTo("mp.jwt.verify.clock.skew");
        assertThat(SigilConfigLoader.TOKEN_AGE).isEqualTo("mp.jwt.verify.token.age");
        assertThat(SigilConfigLoader.LIFETIME).isEqualTo("sigil.token.lifetime");
        assertThat(SigilConfigLoader.MAX_LENGTH).isEqualTo("sigil.token.max-length");
        assertThat(SigilConfigLoader.GENERATE_SECRET).isEqualTo("sigil.secret.generate");
        assertThat(SigilConfigLoader.DATASOURCE).isEqualTo("sigil.datasource");
        assertThat(SigilConfigLoader.REALM).isEqualTo("sigil.realm");
    }

    @Test
    void load_allValuesSet_usesThem() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET,
                "mp.jwt.verify.issuer", "https://issuer.example",
                "mp.jwt.verify.audiences", "orders",
                "mp.jwt.verify.clock.skew", "30",
                "mp.jwt.verify.token.age", "3600",
                "sigil.token.lifetime", "PT5M",
                "sigil.token.max-length", "4096",
                "sigil.datasource", "  java:comp/env/jdbc/users  ",
                "sigil.realm", "  orders  "));

        assertThat(config.policy().issuer()).isEqualTo("https://issuer.example");
        assertThat(config.policy().audiences()).containsExactly("orders");
        assertThat(config.policy().clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.policy().maxTokenAge()).isEqualTo(Optional.of(Duration.ofHours(1)));
        assertThat(config.tokenLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.policy().maxTokenLength()).isEqualTo(4096);
        assertThat(config.dataSource()).contains("java:comp/env/jdbc/users");
        assertThat(config.realm()).isEqualTo("orders");
        assertThat(config.generateSecret()).isFalse();
    }

    // ---------------------------------------------------------------- secret

    @Test
    void load_missingSecretOutsideDemo_failsNamingTheKey() {
        SigilConfigurationException e = failure(MapConfig.of());

        assertThat(e.getMessage()).contains("sigil.secret").contains("SIGIL_SECRET");
    }

    @Test
    void load_missingSecretWithDemoFalse_failsNamingTheKey() {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret.generate", "false"));

        assertThat(e.getMessage()).contains("sigil.secret").contains("SIGIL_SECRET");
    }

    @Test
    void load_emptySecretOutsideDemo_failsLikeAMissingOne() {
        // MicroProfile Config 2.0+ treats an empty value as missing.
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", ""));

        assertThat(e.getMessage()).contains("sigil.secret").contains("SIGIL_SECRET");
    }

    @Test
    void load_blankSecretOutsideDemo_failsNamingTheKey() {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", "   "));

        assertThat(e.getMessage()).contains("sigil.secret");
    }

    @Test
    void load_missingSecretInDemo_generatesAKeyPerLoad() throws InvalidTokenException {
        SigilConfig first = SigilConfigLoader.load(MapConfig.of("sigil.secret.generate", "true"));
        SigilConfig second = SigilConfigLoader.load(MapConfig.of("sigil.secret.generate", "true"));

        assertThat(first.generateSecret()).isTrue();
        assertThat(second.generateSecret()).isTrue();
        // Each generated key verifies its own tokens ...
        assertThat(verifies(first, issue(first))).isTrue();
        assertThat(verifies(second, issue(second))).isTrue();
        // ... and not the other's: the secret is random, not a fixed demo constant.
        assertThat(verifies(second, issue(first))).isFalse();
        assertThat(verifies(first, issue(second))).isFalse();
    }

    @Test
    void load_configuredSecret_givesTheSameKeyEveryLoad() throws InvalidTokenException {
        SigilConfig first = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET));
        SigilConfig second = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET));
        SigilConfig other = SigilConfigLoader.load(MapConfig.of("sigil.secret", OTHER_SECRET));

        assertThat(verifies(second, issue(first))).isTrue();
        assertThat(verifies(other, issue(first))).isFalse();
    }

    @Test
    void load_configuredSecretInDemo_usesTheConfiguredSecret() throws InvalidTokenException {
        SigilConfig demo = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET, "sigil.secret.generate", "true"));
        SigilConfig plain = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET));

        assertThat(demo.generateSecret()).isTrue();
        assertThat(verifies(plain, issue(demo))).isTrue();
    }

    @Test
    void load_secretOf31Bytes_failsNamingTheKeyWithoutEchoingIt() {
        String shortSecret = base64Url(bytes(31, 3));

        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", shortSecret));

        assertThat(e.getMessage()).contains("sigil.secret").doesNotContain(shortSecret);
        assertThat(causeChainText(e)).doesNotContain(shortSecret);
    }

    @Test
    void load_secretOf31BytesInDemo_failsNamingTheKey() {
        String shortSecret = base64Url(bytes(31, 3));

        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", shortSecret, "sigil.secret.generate", "true"));

        assertThat(e.getMessage()).contains("sigil.secret").doesNotContain(shortSecret);
    }

    @Test
    void load_secretOf32BytesSurroundedByWhitespace_isAccepted() throws InvalidTokenException {
        SigilConfig spaced = SigilConfigLoader.load(MapConfig.of("sigil.secret", "  " + SECRET + "\n"));
        SigilConfig plain = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET));

        assertThat(verifies(plain, issue(spaced))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "+", "/", " ", ".", "é"})
    void load_secretNotBase64Url_failsNamingTheKeyWithoutEchoingIt(String bad) {
        // Long enough that only the alphabet is wrong; '+' and '/' are standard base64, not base64url.
        String secret = SECRET.substring(0, 20) + bad + SECRET.substring(21);

        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", secret));

        assertThat(e.getMessage()).contains("sigil.secret").doesNotContain(secret)
                .doesNotContain(SECRET.substring(0, 20));
        assertThat(causeChainText(e)).doesNotContain(secret);
    }

    @Test
    void load_secretWithImpossibleLength_failsNamingTheKeyWithoutEchoingIt() {
        // 4n + 1 characters can never be base64.
        String secret = SECRET + "AA";
        assertThat(secret.length() % 4).isEqualTo(1);

        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", secret));

        assertThat(e.getMessage()).contains("sigil.secret").doesNotContain(secret);
    }

    @Test
    void load_paddedBase64UrlSecret_isAcceptedAndEqualsTheUnpaddedOne() throws InvalidTokenException {
        String padded = Base64.getUrlEncoder().encodeToString(bytes(32, 1));
        assertThat(padded).endsWith("=").isEqualTo(SECRET + "=");

        SigilConfig fromPadded = SigilConfigLoader.load(MapConfig.of("sigil.secret", padded));
        SigilConfig fromUnpadded = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET));

        assertThat(verifies(fromUnpadded, issue(fromPadded))).isTrue();
    }

    @Test
    void load_doublePaddedBase64UrlSecret_isAccepted() {
        String padded = Base64.getUrlEncoder().encodeToString(bytes(34, 4));
        assertThat(padded).endsWith("==");

        assertThatCode(() -> SigilConfigLoader.load(MapConfig.of("sigil.secret", padded))).doesNotThrowAnyException();
    }

    // ---------------------------------------------------------------- issuer and audiences

    @Test
    void load_audiencesWithSpacesAndEmptyItems_areSplitAndTrimmed() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "mp.jwt.verify.audiences", "a, b ,,c"));

        assertThat(config.policy().audiences()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void load_audiencesOnlySeparators_giveNoAudience() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "mp.jwt.verify.audiences", " , ,"));

        assertThat(config.policy().audiences()).isEmpty();
    }

    @Test
    void load_duplicateAudiences_areCollapsed() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "mp.jwt.verify.audiences", "a,a , a"));

        assertThat(config.policy().audiences()).containsExactly("a");
    }

    @Test
    void load_issuerWithSurroundingSpaces_isTrimmed() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "mp.jwt.verify.issuer", "  https://issuer.example \t"));

        assertThat(config.policy().issuer()).isEqualTo("https://issuer.example");
    }

    @Test
    void load_blankIssuer_failsNamingTheKey() {
        SigilConfigurationException e = failure(MapConfig.of(
                "sigil.secret", SECRET, "mp.jwt.verify.issuer", "   "));

        assertThat(e.getMessage()).contains("mp.jwt.verify.issuer");
    }

    // ---------------------------------------------------------------- lifetime

    @ParameterizedTest
    @ValueSource(strings = {"PT1H", " PT1H ", "pt1h", "PT60M", "PT3600S"})
    void load_isoLifetime_isParsed(String value) {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET, "sigil.token.lifetime", value));

        assertThat(config.tokenLifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void load_lifetimeOfOneSecond_isAccepted() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET, "sigil.token.lifetime", "PT1S"));

        assertThat(config.tokenLifetime()).isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"15 minutes", "fifteen", "P1H", "PT15M30", "1d"})
    void load_lifetimeNotIso8601_failsNamingTheKeyWithoutEchoingIt(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "sigil.token.lifetime", value));

        assertThat(e.getMessage()).contains("sigil.token.lifetime").doesNotContain(value);
    }

    /**
     * A zero, negative or sub-second lifetime fails when the configuration is loaded, that is at
     * deployment, not later when the {@link TokenIssuer} is first produced.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT15M", "PT0.5S"})
    void load_lifetimeUnderOneSecond_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "sigil.token.lifetime", value));

        assertThat(e.getMessage()).contains("sigil.token.lifetime");
    }

    /**
     * A lifetime reaching past 9999-12-31 would issue tokens whose {@code exp} the verifier
     * refuses; lifetimes above {@link TokenIssuer#MAX_LIFETIME} fail at load instead.
     */
    @ParameterizedTest
    @ValueSource(strings = {"P3000000D", "P31D"})
    void load_lifetimeAboveTheMaximum_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "sigil.token.lifetime", value));

        assertThat(e.getMessage()).contains("sigil.token.lifetime");
    }

    @Test
    void load_lifetimeAtTheMaximum_issuesVerifiableTokens() throws Exception {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET, "sigil.token.lifetime", "P30D"));

        assertThat(config.tokenLifetime()).isEqualTo(TokenIssuer.MAX_LIFETIME);
        assertThat(verifies(config, issue(config))).isTrue();
    }

    // ---------------------------------------------------------------- clock skew and token age

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "60s", "99999999999999999999"})
    void load_clockSkewNotALong_failsNamingTheKeyWithoutEchoingIt(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "mp.jwt.verify.clock.skew", value));

        assertThat(e.getMessage()).contains("mp.jwt.verify.clock.skew").doesNotContain(value);
        assertThat(e.getCause()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"301", "-1", "9223372036854775807"})
    void load_clockSkewOutOfRange_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "mp.jwt.verify.clock.skew", value));

        assertThat(e.getMessage()).contains("mp.jwt.verify.clock.skew");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 300})
    void load_clockSkewAtBounds_isAccepted(long seconds) {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "mp.jwt.verify.clock.skew", Long.toString(seconds)));

        assertThat(config.policy().clockSkew()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1"})
    void load_tokenAgeNotPositive_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "mp.jwt.verify.token.age", value));

        assertThat(e.getMessage()).contains("mp.jwt.verify.token.age");
    }

    /**
     * An enormous maximum token age would overflow {@code iat + maxTokenAge} in the verifier;
     * anything above {@link io.sigil.auth.token.TokenPolicy#MAX_TOKEN_AGE} fails at load instead.
     */
    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "100000000000000000", "31536001"})
    void load_hugeTokenAge_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "mp.jwt.verify.token.age", value));

        assertThat(e.getMessage()).contains("mp.jwt.verify.token.age");
    }

    @Test
    void load_tokenAgeNotALong_failsNamingTheKeyWithoutEchoingIt() {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "mp.jwt.verify.token.age", "an hour"));

        assertThat(e.getMessage()).contains("mp.jwt.verify.token.age").doesNotContain("an hour");
    }

    @Test
    void load_tokenAgeOfOneSecond_isAccepted() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET, "mp.jwt.verify.token.age", "1"));

        assertThat(config.policy().maxTokenAge()).contains(Duration.ofSeconds(1));
    }

    // ---------------------------------------------------------------- max length

    @ParameterizedTest
    @ValueSource(strings = {"10", "63", "1048577", "-1"})
    void load_maxLengthOutOfRange_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "sigil.token.max-length", value));

        assertThat(e.getMessage()).contains("sigil.token.max-length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "8k", "4294967296"})
    void load_maxLengthNotAnInteger_failsNamingTheKeyWithoutEchoingIt(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "sigil.token.max-length", value));

        assertThat(e.getMessage()).contains("sigil.token.max-length").doesNotContain(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 1 << 20})
    void load_maxLengthAtBounds_isAccepted(int value) {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "sigil.token.max-length", Integer.toString(value)));

        assertThat(config.policy().maxTokenLength()).isEqualTo(value);
    }

    // ---------------------------------------------------------------- realm

    @ParameterizedTest
    @ValueSource(strings = {"my\"realm", "my\\realm", "   "})
    void load_unsafeRealm_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "sigil.realm", value));

        assertThat(e.getMessage()).contains("sigil.realm");
    }

    // ---------------------------------------------------------------- demo

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True "})
    void load_demoTrueSpellings_enableDemo(String value) {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of("sigil.secret.generate", value));

        assertThat(config.generateSecret()).isTrue();
    }

    /** Demo mode weakens security, so only an explicit true turns it on and a typo is an error. */
    @ParameterizedTest
    @ValueSource(strings = {"yes", "on", "1", "ture"})
    void load_demoLenientSpellings_failNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "sigil.secret.generate", value));

        assertThat(e.getMessage()).contains("sigil.secret.generate");
    }

    @Test
    void load_demoNotABoolean_failsNamingTheKey() {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "sigil.secret.generate", "maybe"));

        assertThat(e.getMessage()).contains("sigil.secret.generate").doesNotContain("maybe");
    }

    @Test
    void load_demoNotABooleanWithoutSecret_reportsTheDemoKeyFirst() {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret.generate", "maybe"));

        assertThat(e.getMessage()).contains("sigil.secret.generate");
    }

    // ---------------------------------------------------------------- token transport

    @Test
    void load_noTransportKeys_readsAuthorizationBearerOnly() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET));

        assertThat(config.transport()).isEqualTo(TokenTransport.bearer());
        assertThat(config.transport().usesAuthorization()).isTrue();
        assertThat(config.transport().cookie()).isEmpty();
    }

    @Test
    void load_customHeader_isKept() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "mp.jwt.token.header", " X-Access-Token "));

        assertThat(config.transport().header()).isEqualTo("X-Access-Token");
        assertThat(config.transport().usesAuthorization()).isFalse();
        assertThat(config.transport().cookieOnly()).isFalse();
    }

    @Test
    void load_headerCookieWithoutName_usesMicroProfileDefaultCookieBearer() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "mp.jwt.token.header", "Cookie"));

        assertThat(config.transport().cookieOnly()).isTrue();
        assertThat(config.transport().cookie()).contains("Bearer");
    }

    @Test
    void load_sigilCookieNameWithAuthorizationHeader_readsBoth() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "sigil.token.cookie", "sigil_token"));

        assertThat(config.transport().usesAuthorization()).isTrue();
        assertThat(config.transport().cookie()).contains("sigil_token");
    }

    @Test
    void load_mpCookieNameWithoutHeaderCookie_isIgnoredAsMicroProfileJwtSays() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "mp.jwt.token.cookie", "sigil_token"));

        assertThat(config.transport().usesAuthorization()).isTrue();
        assertThat(config.transport().cookie()).isEmpty();
    }

    @Test
    void load_mpCookieNameWithHeaderCookie_readsOnlyThatCookie() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "mp.jwt.token.header", "Cookie", "mp.jwt.token.cookie", "jwt"));

        assertThat(config.transport().cookieOnly()).isTrue();
        assertThat(config.transport().cookie()).contains("jwt");
    }

    @Test
    void load_sigilCookieWithHeaderCookie_failsNamingBothKeys() {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "mp.jwt.token.header", "Cookie",
                "sigil.token.cookie", "jwt"));

        assertThat(e.getMessage()).contains("sigil.token.cookie").contains("mp.jwt.token.cookie");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Token", "X-Token:", "Tök", "a\"b"})
    void load_headerNotAHeaderName_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "mp.jwt.token.header", value));

        assertThat(e.getMessage()).contains("mp.jwt.token.header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my cookie", "a;b", "a=b", "(x)"})
    void load_cookieNotACookieName_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "mp.jwt.token.cookie", value));

        assertThat(e.getMessage()).contains("mp.jwt.token.cookie");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my cookie", "a;b", "a=b", "(x)"})
    void load_sigilCookieNotACookieName_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "sigil.token.cookie", value));

        assertThat(e.getMessage()).contains("sigil.token.cookie");
    }

    // ---------------------------------------------------------------- required claims and JWKS caching

    @Test
    void load_requiredClaims_areSplitTrimmedAndCollapsed() {
        SigilConfig config = SigilConfigLoader.load(MapConfig.of(
                "sigil.secret", SECRET, "sigil.token.required-claims", " jti, sub,,jti "));

        assertThat(config.requiredClaims()).containsExactlyInAnyOrder("jti", "sub");
    }

    @Test
    void load_requiredClaimWithControlCharacter_failsNamingTheKey() {
        SigilConfigurationException e = failure(MapConfig.of(
                "sigil.secret", SECRET, "sigil.token.required-claims", "jti,a\u0001b"));

        assertThat(e.getMessage()).contains("sigil.token.required-claims");
    }

    @Test
    void load_noJwksMaxAge_isFiveMinutes() {
        assertThat(SigilConfigLoader.load(MapConfig.of("sigil.secret", SECRET)).jwksMaxAge())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-PT1S", "P2D", "five minutes"})
    void load_jwksMaxAgeOutOfRangeOrMalformed_failsNamingTheKey(String value) {
        SigilConfigurationException e = failure(MapConfig.of("sigil.secret", SECRET, "sigil.jwks.max-age", value));

        assertThat(e.getMessage()).contains("sigil.jwks.max-age");
    }

    // ---------------------------------------------------------------- helpers

    private static SigilConfigurationException failure(MapConfig config) {
        Throwable thrown = catchThrowable(() -> SigilConfigLoader.load(config));
        assertThat(thrown).isInstanceOf(SigilConfigurationException.class);
        return (SigilConfigurationException) thrown;
    }

    private static String issue(SigilConfig config) {
        TokenIssuer issuer = new TokenIssuer(config.keys().signingKey(), config.policy().issuer(),
                config.policy().audiences(), config.tokenLifetime(), CLOCK);
        IssuedToken token = issuer.issue("alice", Set.of("user"));
        return token.compact();
    }

    /** @return whether the config's verifier accepts the token; false only for a bad signature */
    private static boolean verifies(SigilConfig config, String compact) throws InvalidTokenException {
        TokenVerifier verifier = new TokenVerifier(config.keys().resolver(), config.policy(), CLOCK);
        try {
            assertThat(verifier.verify(compact).claims().name()).isEqualTo("alice");
            return true;
        } catch (InvalidTokenException e) {
            if (!"signature mismatch".equals(e.reason())) {
                throw e;
            }
            return false;
        }
    }

    private static String causeChainText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
