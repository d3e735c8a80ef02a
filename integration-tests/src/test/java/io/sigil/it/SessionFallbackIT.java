package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The classic form login, the HttpSession fallback, and its limits. */
class SessionFallbackIT extends SigilITBase {

    private final HttpClient browser = browser();

    private HttpResponse<String> login(String username, String password, String... extra) throws Exception {
        String[] fields = new String[4 + extra.length];
        fields[0] = "username";
        fields[1] = username;
        fields[2] = "password";
        fields[3] = password;
        System.arraycopy(extra, 0, fields, 4, extra.length);
        return send(browser, postForm("/login", fields));
    }

    @Test
    void loginPage_servesAForm() throws Exception {
        HttpResponse<String> response = send(browser, get("/login", null));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("<form method=\"post\"", "name=\"username\"", "name=\"password\"");
    }

    @Test
    void formLogin_thenMeWithOnlyTheSessionCookie_saysSession() throws Exception {
        HttpResponse<String> login = login("alice", "alice-password");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/app/");
        assertThat(login.headers().firstValue("Set-Cookie").orElse("")).contains("JSESSIONID").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> me = send(browser, get("/api/me", null));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body())
                .isEqualTo("{\"name\":\"alice\",\"groups\":[\"admin\",\"user\"],\"authenticatedBy\":\"session\"}");

        HttpResponse<String> admin = send(browser, get("/api/admin/whoami", null));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json(admin).getString("ejbCaller")).isEqualTo("alice");
    }

    @Test
    void formLogin_plantedSessionId_isNotKept() throws Exception {
        HttpResponse<String> login = send(http, request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=planted-by-an-attacker")
                .POST(HttpRequest.BodyPublishers.ofString("username=bob&password=bob-password"))
                .build());
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Set-Cookie").orElse(""))
                .startsWith("JSESSIONID=").doesNotContain("planted-by-an-attacker");
    }

    @Test
    void formLogin_sameOriginNext_isFollowed_otherwiseRoot() throws Exception {
        HttpResponse<String> inside = login("bob", "bob-password", "next", "/app/api/me");
        assertThat(inside.headers().firstValue("Location").orElse("")).endsWith("/app/api/me");
        HttpResponse<String> outside = send(browser(), postForm("/login",
                "username", "bob", "password", "bob-password", "next", "//evil.example/app/"));
        assertThat(outside.statusCode()).isEqualTo(303);
        assertThat(outside.headers().firstValue("Location").orElse("")).endsWith("/app/")
                .doesNotContain("evil");
    }

    @Test
    void formLogin_wrongPassword_showsTheFormAgainWithoutSession() throws Exception {
        HttpResponse<String> login = login("alice", "wrong-password");
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.body()).contains("Invalid user name or password", "<form");
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(send(browser, get("/api/me", null)).statusCode()).isEqualTo(401);
    }

    @Test
    void logout_endsTheSession() throws Exception {
        assertThat(login("alice", "alice-password").statusCode()).isEqualTo(303);
        assertThat(send(browser, get("/api/me", null)).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = send(browser, request("/logout")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(logout.statusCode()).isEqualTo(303);

        HttpResponse<String> me = send(browser, get("/api/me", null));
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate")).hasValue(REALM_CHALLENGE);
    }

    @Test
    void badToken_withValidSessionCookie_isStill401() throws Exception {
        assertThat(login("alice", "alice-password").statusCode()).isEqualTo(303);
        HttpResponse<String> response = send(browser, get("/api/me", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void validToken_withSessionCookie_tokenWins() throws Exception {
        assertThat(login("alice", "alice-password").statusCode()).isEqualTo(303);
        HttpResponse<String> response = send(browser, get("/api/me", tokenFor("bob", "bob-password")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("name")).isEqualTo("bob");
        assertThat(json(response).getString("authenticatedBy")).isEqualTo("token");
    }
}
