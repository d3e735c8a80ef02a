package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens on one node (RFC 6749 §6 with RFC 9700's rotation): each use returns a new pair,
 * a second use of a token ends its family, and logout, logout everywhere end families; a session
 * login obeys logout everywhere. The cluster cases are in the cluster-tests module.
 */
class RefreshTokenIT extends SigilITBase {

    @Test
    void passwordGrant_answersARefreshToken_andEachUseReturnsANewPair() throws Exception {
        JsonObject login = grant(postForm("/api/auth/token", "grant_type", "password",
                "username", "alice", "password", "alice-password"));
        assertThat(login.getString("token_type")).isEqualTo("Bearer");
        String first = login.getString("refresh_token");

        JsonObject second = grant(postForm("/api/auth/token", "grant_type", "refresh_token", "refresh_token", first));
        assertThat(second.getString("refresh_token")).isNotEqualTo(first);
        assertThat(second.getJsonNumber("expires_in").longValue()).isEqualTo(900);
        HttpResponse<String> me = send(get("/api/me", second.getString("access_token")));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).getString("name")).isEqualTo("alice");
        assertThat(json(me).getJsonArray("groups").toString()).isEqualTo("[\"admin\",\"user\"]");

        JsonObject third = grant(postJson("/api/auth/token",
                "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + second.getString("refresh_token") + "\"}"));
        assertThat(send(get("/api/me", third.getString("access_token"))).statusCode()).isEqualTo(200);
    }

    @Test
    void refreshToken_usedTwice_isInvalidGrant_andEndsTheWholeFamily() throws Exception {
        JsonObject login = grant(postForm("/api/auth/token", "username", "alice", "password", "alice-password"));
        String first = login.getString("refresh_token");
        JsonObject second = grant(refresh(first));

        assertInvalidGrant(send(refresh(first)));

        assertInvalidGrant(send(refresh(second.getString("refresh_token"))));
        for (String access : new String[] {login.getString("access_token"), second.getString("access_token")}) {
            HttpResponse<String> me = send(get("/api/me", access));
            assertThat(me.statusCode()).as("an access token of the ended family").isEqualTo(401);
            assertThat(me.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
        }
    }

    @Test
    void badRefreshRequests_getTheOAuthErrors() throws Exception {
        assertInvalidGrant(send(refresh("not-a-refresh-token")));
        assertInvalidGrant(send(refresh("AAAAAAAAAAAAAAAAAAAAAA.0." + "A".repeat(43))));
        HttpResponse<String> missing = send(postForm("/api/auth/token", "grant_type", "refresh_token"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).getString("error")).isEqualTo("invalid_request");
        HttpResponse<String> other = send(postForm("/api/auth/token", "grant_type", "client_credentials"));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(json(other).getString("error")).isEqualTo("unsupported_grant_type");
    }

    @Test
    void logout_endsTheFamilyOfItsToken() throws Exception {
        JsonObject login = grant(postForm("/api/auth/token", "username", "alice", "password", "alice-password"));
        HttpResponse<String> logout = send(logout("/api/auth/logout", login.getString("access_token")));
        assertThat(logout.statusCode()).isEqualTo(204);

        assertInvalidGrant(send(refresh(login.getString("refresh_token"))));
    }

    @Test
    void logoutEverywhere_endsTheCallersFamilies_andSessionLogins() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> formLogin = send(browser, postForm("/login", "username", "bob", "password", "bob-password"));
        assertThat(formLogin.statusCode()).isEqualTo(303);
        assertThat(json(send(browser, get("/api/me", null))).getString("authenticatedBy")).isEqualTo("session");
        JsonObject login = grant(postForm("/api/auth/token", "username", "bob", "password", "bob-password"));

        HttpResponse<String> logout = send(logout("/api/auth/logout?everywhere=true", login.getString("access_token")));
        assertThat(logout.statusCode()).isEqualTo(204);

        assertInvalidGrant(send(refresh(login.getString("refresh_token"))));
        HttpResponse<String> session = send(browser, get("/api/me", null));
        assertThat(session.statusCode()).as("a session login from before the logout everywhere").isEqualTo(401);
        // The not-before has whole seconds: let the next test's logins of bob start in a later one.
        Thread.sleep(1100);
        HttpResponse<String> again = send(browser, postForm("/login", "username", "bob", "password", "bob-password"));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(send(browser, get("/api/me", null)).statusCode()).as("a new session login").isEqualTo(200);
    }

    private static HttpRequest logout(String path, String bearer) {
        return request(path).header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private static HttpRequest refresh(String token) {
        return postForm("/api/auth/token", "grant_type", "refresh_token", "refresh_token", token);
    }

    private JsonObject grant(HttpRequest request) throws Exception {
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject body = json(response);
        assertThat(body.getString("access_token").split("\\.")).hasSize(3);
        assertThat(body.getString("refresh_token")).matches("[A-Za-z0-9_.-]{60,}");
        return body;
    }

    private static void assertInvalidGrant(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(json(response).getString("error")).isEqualTo("invalid_grant");
        assertThat(json(response).containsKey("access_token")).isFalse();
    }
}
