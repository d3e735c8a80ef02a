package io.sigil.auth.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.token.HmacKey;
import io.sigil.auth.token.SigningKey;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsrfGuardTest {

    private static final SigningKey KEY = HmacKey.hs256(null, new byte[32]);
    private static final SigningKey OTHER_KEY = HmacKey.hs256(null, new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
            29, 30, 31, 32});
    private static final String CSRF_COOKIE = "__Host-sigil-csrf";

    /** A POST to https://app.example/app/api/x with the given headers and cookies. */
    private static HttpServletRequest post(Map<String, String> headers, Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(CsrfGuardTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getMethod" -> "POST";
                    case "getRequestURL" -> new StringBuffer("https://app.example/app/api/x");
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    case "getContentType" -> headers.get("Content-Type");
                    case "getParameter" -> headers.get("param:" + args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"same-origin", "none", "Same-Origin"})
    void sameOrigin_fetchMetadataOfOwnPages_passes(String site) {
        assertThat(CsrfGuard.sameOrigin(post(headers("Sec-Fetch-Site", site)), "alice", KEY, CSRF_COOKIE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site", "anything"})
    void sameOrigin_otherFetchMetadata_failsEvenWithAGoodOriginAndToken(String site) {
        String token = CsrfGuard.newToken(KEY, "alice");
        assertThat(CsrfGuard.sameOrigin(post(headers("Sec-Fetch-Site", site, "Origin", "https://app.example",
                CsrfGuard.HEADER, token), new Cookie(CSRF_COOKIE, token)), "alice", KEY, CSRF_COOKIE)).isFalse();
    }

    @Test
    void sameOrigin_ownOriginWithoutFetchMetadata_passes() {
        assertThat(CsrfGuard.sameOrigin(post(headers("Origin", "https://app.example")), "alice", KEY, CSRF_COOKIE))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://app.example", "https://app.example:8443", "null"})
    void sameOrigin_otherOrigin_fails(String origin) {
        assertThat(CsrfGuard.sameOrigin(post(headers("Origin", origin)), "alice", KEY, CSRF_COOKIE)).isFalse();
    }

    @Test
    void sameOrigin_neitherHeader_tokenInHeaderEqualToCookieAndBoundToTheCaller_passes() {
        String token = CsrfGuard.newToken(KEY, "alice");
        assertThat(CsrfGuard.sameOrigin(post(headers(CsrfGuard.HEADER, token), new Cookie(CSRF_COOKIE, token)),
                "alice", KEY, CSRF_COOKIE)).isTrue();
    }

    @Test
    void sameOrigin_neitherHeader_tokenInFormField_passes() {
        String token = CsrfGuard.newToken(KEY, "alice");
        assertThat(CsrfGuard.sameOrigin(post(headers("Content-Type", "application/x-www-form-urlencoded",
                "param:" + CsrfGuard.FIELD, token), new Cookie(CSRF_COOKIE, token)), "alice", KEY, CSRF_COOKIE)).isTrue();
    }

    @Test
    void sameOrigin_neitherHeader_noToken_fails() {
        String token = CsrfGuard.newToken(KEY, "alice");
        assertThat(CsrfGuard.sameOrigin(post(headers(), new Cookie(CSRF_COOKIE, token)), "alice", KEY, CSRF_COOKIE))
                .isFalse();
    }

    @Test
    void sameOrigin_tokenDiffersFromTheCookie_fails() {
        String token = CsrfGuard.newToken(KEY, "alice");
        String other = CsrfGuard.newToken(KEY, "alice");
        assertThat(CsrfGuard.sameOrigin(post(headers(CsrfGuard.HEADER, token), new Cookie(CSRF_COOKIE, other)),
                "alice", KEY, CSRF_COOKIE)).isFalse();
    }

    @Test
    void sameOrigin_tokenOfAnotherCaller_fails() {
        // An attacker who can plant cookies copies its own token into the victim's cookie and form.
        String mallorys = CsrfGuard.newToken(KEY, "mallory");
        assertThat(CsrfGuard.sameOrigin(post(headers(CsrfGuard.HEADER, mallorys), new Cookie(CSRF_COOKIE, mallorys)),
                "alice", KEY, CSRF_COOKIE)).isFalse();
    }

    @Test
    void sameOrigin_tokenSignedUnderAnotherKey_fails() {
        String forged = CsrfGuard.newToken(OTHER_KEY, "alice");
        assertThat(CsrfGuard.sameOrigin(post(headers(CsrfGuard.HEADER, forged), new Cookie(CSRF_COOKIE, forged)),
                "alice", KEY, CSRF_COOKIE)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "abc.", ".abc", "abc.!!!", "a.b.c"})
    void sameOrigin_malformedToken_fails(String token) {
        assertThat(CsrfGuard.sameOrigin(post(headers(CsrfGuard.HEADER, token), new Cookie(CSRF_COOKIE, token)),
                "alice", KEY, CSRF_COOKIE)).isFalse();
    }

    @Test
    void sameOrigin_twoCsrfCookies_fails() {
        String token = CsrfGuard.newToken(KEY, "alice");
        assertThat(CsrfGuard.sameOrigin(post(headers(CsrfGuard.HEADER, token), new Cookie(CSRF_COOKIE, token),
                new Cookie(CSRF_COOKIE, token)), "alice", KEY, CSRF_COOKIE)).isFalse();
    }

    @Test
    void newToken_isRandomEachTime() {
        assertThat(CsrfGuard.newToken(KEY, "alice")).isNotEqualTo(CsrfGuard.newToken(KEY, "alice"));
    }
}
