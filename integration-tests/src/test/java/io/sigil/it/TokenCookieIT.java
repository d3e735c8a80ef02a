package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The token cookie ({@code sigil.token.cookie=sigil_token} in the tests): read when the request
 * carries no Authorization header, never on a cross-site state-changing request.
 */
class TokenCookieIT extends SigilITBase {

    private static HttpRequest.Builder withCookie(String path, String token) {
        return request(path).header("Cookie", "sigil_token=" + token);
    }

    @Test
    void me_tokenInTheCookie_isAccepted() throws Exception {
        HttpResponse<String> response = send(withCookie("/api/me", tokenFor("bob", "bob-password")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("name")).isEqualTo("bob");
        assertThat(json(response).getString("authenticatedBy")).isEqualTo("token");
    }

    @Test
    void me_badTokenInTheCookie_is401InvalidToken() throws Exception {
        HttpResponse<String> response = send(withCookie("/api/me", "not-a-token").GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void me_headerAndCookie_theHeaderWins() throws Exception {
        HttpResponse<String> response = send(withCookie("/api/me", "not-a-token")
                .header("Authorization", "Bearer " + TestTokens.valid("carol", "[\"user\"]")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("name")).isEqualTo("carol");
    }

    @Test
    void me_twoTokenCookies_is400() throws Exception {
        String token = TestTokens.valid("carol", "[\"user\"]");
        HttpResponse<String> response = send(request("/api/me")
                .header("Cookie", "sigil_token=" + token + "; sigil_token=" + token).GET().build());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    /**
     * A POST that another site makes the browser send carries the cookie too; the browser marks
     * it {@code Sec-Fetch-Site: cross-site} and Sigil then ignores the cookie: 401, where the
     * same POST from the same site reaches the resource (which answers 405: it has no POST).
     */
    @Test
    void post_crossSiteWithTokenCookie_isNotAuthenticated() throws Exception {
        String token = tokenFor("alice", "alice-password");
        HttpResponse<String> crossSite = send(withCookie("/api/me", token).header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(crossSite.statusCode()).isEqualTo(401);
        assertThat(crossSite.headers().firstValue("WWW-Authenticate")).hasValue(REALM_CHALLENGE);

        HttpResponse<String> sameOrigin = send(withCookie("/api/me", token).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(sameOrigin.statusCode()).isEqualTo(405);
    }
}
