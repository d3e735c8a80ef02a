package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The token endpoint and bearer-token authentication of {@code /api/me}, good and hostile. */
class BearerTokenIT extends SigilITBase {

    @Test
    void me_withoutCredentials_is401WithBearerChallenge() throws Exception {
        HttpResponse<String> response = send(get("/api/me", null));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(REALM_CHALLENGE);
        assertProblem(response, 401);
    }

    @Test
    void serverLog_saysTokenRequestsTakeTheDirectPath() throws Exception {
        // sigil.token.direct-path is on by default: every token test of this suite takes it
        // (CustomTokenHeaderIT's server turns it off and takes Jakarta Security's bridge).
        assertThat(serverLog()).contains("Sigil's direct token path registered in front of");
    }

    @Test
    void unknownPath_isProblemJson404() throws Exception {
        assertProblem(send(get("/no/such/page", null)), 404);
    }

    @Test
    void token_fromForm_hasTheOAuthShape() throws Exception {
        HttpResponse<String> response = send(postForm("/api/auth/token",
                "username", "alice", "password", "alice-password"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject body = json(response);
        assertThat(body.getString("token_type")).isEqualTo("Bearer");
        assertThat(body.getJsonNumber("expires_in").longValue()).isEqualTo(900);
        assertThat(body.getString("access_token").split("\\.")).hasSize(3);
    }

    @Test
    void token_fromJson_isAcceptedByMe() throws Exception {
        HttpResponse<String> tokenResponse = send(postJson("/api/auth/token",
                "{\"username\":\"bob\",\"password\":\"bob-password\"}"));
        assertThat(tokenResponse.statusCode()).isEqualTo(200);
        String token = json(tokenResponse).getString("access_token");

        HttpResponse<String> me = send(get("/api/me", token));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonObject body = json(me);
        assertThat(body.getString("name")).isEqualTo("bob");
        assertThat(body.getJsonArray("groups").getString(0)).isEqualTo("user");
        assertThat(body.getString("authenticatedBy")).isEqualTo("token");
    }

    @Test
    void me_withFreshToken_showsNameGroupsAndToken() throws Exception {
        HttpResponse<String> response = send(get("/api/me", tokenFor("alice", "alice-password")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"name\":\"alice\",\"groups\":[\"admin\",\"user\"],\"authenticatedBy\":\"token\"}");
    }

    @Test
    void me_withTokenMintedByTheTestWithTheConfiguredSecret_isAccepted() throws Exception {
        HttpResponse<String> response = send(get("/api/me", TestTokens.valid("carol", "[\"auditor\"]")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("name")).isEqualTo("carol");
    }

    @Test
    void token_wrongPassword_andUnknownUser_getTheSame401() throws Exception {
        HttpResponse<String> wrongPassword = send(postForm("/api/auth/token",
                "username", "alice", "password", "not-her-password"));
        HttpResponse<String> unknownUser = send(postForm("/api/auth/token",
                "username", "mallory", "password", "not-her-password"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownUser.headers().firstValue("WWW-Authenticate"))
                .isEqualTo(wrongPassword.headers().firstValue("WWW-Authenticate"));
        assertThat(wrongPassword.body()).doesNotContain("access_token");
    }

    @Test
    void token_malformedRequests_get400() throws Exception {
        assertThat(send(postForm("/api/auth/token", "username", "alice")).statusCode()).isEqualTo(400);
        assertThat(send(postForm("/api/auth/token", "password", "x")).statusCode()).isEqualTo(400);
        assertThat(send(postForm("/api/auth/token", "username", "alice", "username", "bob",
                "password", "x")).statusCode()).isEqualTo(400);
        assertThat(send(postJson("/api/auth/token", "{\"username\":")).statusCode()).isEqualTo(400);
        assertThat(send(postJson("/api/auth/token", "[1,2]")).statusCode()).isEqualTo(400);
        assertThat(send(postJson("/api/auth/token", "{\"username\":1,\"password\":2}")).statusCode()).isEqualTo(400);
        assertThat(send(postJson("/api/auth/token", "{\"username\":\"" + "a".repeat(300)
                + "\",\"password\":\"x\"}")).statusCode()).isEqualTo(400);
    }

    @Test
    void me_tokenWithChangedPayloadByte_is401InvalidToken() throws Exception {
        String[] parts = tokenFor("bob", "bob-password").split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String claims = new String(payload, StandardCharsets.UTF_8).replace("\"bob\"", "\"boc\"");
        assertInvalid(parts[0] + "." + TestTokens.b64(claims) + "." + parts[2]);
    }

    @Test
    void me_tokenWithChangedSignature_is401InvalidToken() throws Exception {
        String token = tokenFor("bob", "bob-password");
        char last = token.charAt(token.length() - 10);
        assertInvalid(token.substring(0, token.length() - 10) + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() - 9));
    }

    @Test
    void me_algNone_is401InvalidToken() throws Exception {
        String claims = TestTokens.claims("alice", "[\"admin\"]", System.currentTimeMillis() / 1000 + 300);
        assertInvalid(TestTokens.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + TestTokens.b64(claims) + ".");
        String[] signed = TestTokens.valid("alice", "[\"admin\"]").split("\\.");
        assertInvalid(TestTokens.b64("{\"alg\":\"none\"}") + "." + signed[1] + "." + signed[2]);
    }

    @Test
    void me_expiredToken_is401InvalidToken() throws Exception {
        long longAgo = System.currentTimeMillis() / 1000 - 3600;
        assertInvalid(TestTokens.hs256("{\"alg\":\"HS256\"}", TestTokens.claims("alice", "[]", longAgo),
                TestTokens.SERVER_SECRET));
    }

    @Test
    void me_tokenSignedWithAnotherSecret_is401InvalidToken() throws Exception {
        byte[] other = "another-secret-of-thirty-two-byt".getBytes(StandardCharsets.US_ASCII);
        assertInvalid(TestTokens.hs256("{\"alg\":\"HS256\"}",
                TestTokens.claims("alice", "[\"admin\"]", System.currentTimeMillis() / 1000 + 300), other));
    }

    @Test
    void me_garbageTokens_are401InvalidToken() throws Exception {
        assertInvalid("not-a-token");
        assertInvalid("a.b.c.d");
        assertInvalid("eyJhbGciOiJIUzI1NiJ9.e30=.AAAA");
    }

    @Test
    void me_emptyBearer_is400InvalidRequest() throws Exception {
        HttpResponse<String> response = send(request("/api/me").header("Authorization", "Bearer ").GET().build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"sigil\", error=\"invalid_request\"");
        assertProblem(response, 400);
    }

    private void assertInvalid(String token) throws Exception {
        HttpRequest request = get("/api/me", token);
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as("status for a bad token").isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
        assertProblem(response, 401);
        assertThat(json(response).getString("detail")).isEqualTo("The access token is not valid.");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).getInt("status")).isEqualTo(status);
    }
}
