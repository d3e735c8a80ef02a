package io.sigil.auth.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.TokenTransport;
import io.sigil.auth.testing.FakeRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenExtractorTest {

    private static final TokenExtractor BEARER = new TokenExtractor(TokenTransport.bearer());
    private static final TokenExtractor CUSTOM = new TokenExtractor(
            new TokenTransport("X-Access-Token", Optional.empty()));
    private static final TokenExtractor BEARER_AND_COOKIE = new TokenExtractor(
            new TokenTransport("Authorization", Optional.of("sigil_token")));
    private static final TokenExtractor COOKIE_ONLY = new TokenExtractor(
            new TokenTransport("Cookie", Optional.of("Bearer")));

    // ---------------------------------------------------------------- Authorization

    @Test
    void extract_bearerHeader_findsTheToken() {
        assertThat(BEARER.extract(request().header("Authorization", "Bearer abc.def.ghi").servletRequest()))
                .isEqualTo(new TokenExtractor.Found("abc.def.ghi", false));
    }

    @Test
    void extract_bearerSchemeInOtherCase_findsTheToken() {
        assertThat(BEARER.extract(request().header("Authorization", "bEARER abc").servletRequest()))
                .isEqualTo(new TokenExtractor.Found("abc", false));
    }

    @Test
    void extract_basicAuthorization_isAbsent() {
        assertThat(BEARER.extract(request().header("Authorization", "Basic YWxpY2U6eA==").servletRequest()))
                .isInstanceOf(TokenExtractor.Absent.class);
    }

    @Test
    void extract_bearerPrefixWithoutSpace_isAbsent() {
        assertThat(BEARER.extract(request().header("Authorization", "Bearerabc").servletRequest()))
                .isInstanceOf(TokenExtractor.Absent.class);
    }

    @Test
    void extract_emptyBearer_isMalformed() {
        assertThat(BEARER.extract(request().header("Authorization", "Bearer   ").servletRequest()))
                .isInstanceOf(TokenExtractor.Malformed.class);
    }

    @Test
    void extract_twoAuthorizationHeaders_isMalformed() {
        assertThat(BEARER.extract(request().header("Authorization", "Bearer a").header("Authorization", "Bearer b").servletRequest()))
                .isInstanceOf(TokenExtractor.Malformed.class);
    }

    @Test
    void extract_defaultTransport_ignoresCookiesAndOtherHeaders() {
        assertThat(BEARER.extract(request().cookie("Bearer", "abc").header("X-Access-Token", "abc").servletRequest()))
                .isInstanceOf(TokenExtractor.Absent.class);
    }

    // ---------------------------------------------------------------- custom header

    @Test
    void extract_customHeader_findsTheBareToken() {
        assertThat(CUSTOM.extract(request().header("x-access-token", " abc.def.ghi ").servletRequest()))
                .isEqualTo(new TokenExtractor.Found("abc.def.ghi", false));
    }

    @Test
    void extract_customHeader_ignoresAuthorizationBearer() {
        assertThat(CUSTOM.extract(request().header("Authorization", "Bearer abc").servletRequest()))
                .isInstanceOf(TokenExtractor.Absent.class);
    }

    @Test
    void extract_customHeaderEmptyOrTwice_isMalformed() {
        assertThat(CUSTOM.extract(request().header("X-Access-Token", " ").servletRequest()))
                .isInstanceOf(TokenExtractor.Malformed.class);
        assertThat(CUSTOM.extract(request().header("X-Access-Token", "a").header("X-Access-Token", "b").servletRequest()))
                .isInstanceOf(TokenExtractor.Malformed.class);
    }

    // ---------------------------------------------------------------- cookie

    @Test
    void extract_cookieWithoutHeader_findsTheCookieToken() {
        assertThat(BEARER_AND_COOKIE.extract(request().cookie("sigil_token", "abc").servletRequest()))
                .isEqualTo(new TokenExtractor.Found("abc", true));
    }

    @Test
    void extract_headerAndCookie_theHeaderWins() {
        assertThat(BEARER_AND_COOKIE.extract(request().header("Authorization", "Bearer fromheader")
                .cookie("sigil_token", "fromcookie").servletRequest()))
                .isEqualTo(new TokenExtractor.Found("fromheader", false));
    }

    @Test
    void extract_malformedHeaderWithCookie_isMalformedNotRescuedByTheCookie() {
        assertThat(BEARER_AND_COOKIE.extract(request().header("Authorization", "Bearer ")
                .cookie("sigil_token", "fromcookie").servletRequest()))
                .isInstanceOf(TokenExtractor.Malformed.class);
    }

    @Test
    void extract_twoTokenCookies_isMalformed() {
        assertThat(BEARER_AND_COOKIE.extract(request().cookie("sigil_token", "a").cookie("sigil_token", "b").servletRequest()))
                .isInstanceOf(TokenExtractor.Malformed.class);
    }

    @Test
    void extract_emptyCookieOrOtherCookie_isAbsent() {
        assertThat(BEARER_AND_COOKIE.extract(request().cookie("sigil_token", "").servletRequest()))
                .isInstanceOf(TokenExtractor.Absent.class);
        assertThat(BEARER_AND_COOKIE.extract(request().cookie("JSESSIONID", "abc").servletRequest()))
                .isInstanceOf(TokenExtractor.Absent.class);
    }

    @Test
    void extract_cookieOnCrossSitePost_isIgnored() {
        assertThat(BEARER_AND_COOKIE.extract(request().method("POST").header("Sec-Fetch-Site", "cross-site")
                .cookie("sigil_token", "abc").servletRequest()))
                .isInstanceOf(TokenExtractor.Absent.class);
    }

    @Test
    void extract_cookieOnCrossSiteGetOrSameSitePost_isFound() {
        assertThat(BEARER_AND_COOKIE.extract(request().method("GET").header("Sec-Fetch-Site", "cross-site")
                .cookie("sigil_token", "abc").servletRequest()))
                .isEqualTo(new TokenExtractor.Found("abc", true));
        assertThat(BEARER_AND_COOKIE.extract(request().method("POST").header("Sec-Fetch-Site", "same-origin")
                .cookie("sigil_token", "abc").servletRequest()))
                .isEqualTo(new TokenExtractor.Found("abc", true));
    }

    @Test
    void extract_cookieOnly_ignoresTheAuthorizationHeader() {
        assertThat(COOKIE_ONLY.extract(request().header("Authorization", "Bearer abc").servletRequest()))
                .isInstanceOf(TokenExtractor.Absent.class);
        assertThat(COOKIE_ONLY.extract(request().cookie("Bearer", "abc").servletRequest()))
                .isEqualTo(new TokenExtractor.Found("abc", true));
    }

    @Test
    void extract_tokenCookieAmongOthersAndQuoted_isFound() {
        assertThat(BEARER_AND_COOKIE.extract(request().header("Cookie", "a=1; sigil_token=\"abc\"; b=2").servletRequest()))
                .isEqualTo(new TokenExtractor.Found("abc", true));
    }

    @Test
    void extract_tokenCookiesInTwoCookieHeaders_isMalformed() {
        assertThat(BEARER_AND_COOKIE.extract(request().header("Cookie", "sigil_token=a")
                .header("Cookie", "sigil_token=b").servletRequest()))
                .isInstanceOf(TokenExtractor.Malformed.class);
    }

    @Test
    void extract_cookieWhoseNameOnlyEndsLikeTheTokenCookie_isAbsent() {
        assertThat(BEARER_AND_COOKIE.extract(request().header("Cookie", "xsigil_token=abc").servletRequest()))
                .isInstanceOf(TokenExtractor.Absent.class);
    }

    @Test
    void found_toString_neverShowsTheToken() {
        assertThat(new TokenExtractor.Found("secret.token.value", true).toString()).doesNotContain("secret");
    }

    // ---------------------------------------------------------------- helpers

    private static FakeRequest request() {
        return new FakeRequest();
    }
}
