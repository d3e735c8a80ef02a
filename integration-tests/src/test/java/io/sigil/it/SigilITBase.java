package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;

/**
 * Deploys the reference application that the build produced for the target under test, unchanged
 * (the EAR on WildFly and Payara Server, the WAR on Payara Micro), and gives its black-box tests
 * their base URL and helpers; the HTTP client and the checks on every response are
 * {@link BlackBoxITBase}'s.
 */
abstract class SigilITBase extends BlackBoxITBase {

    static final String BASE = System.getProperty("sigil.it.base-url", "http://127.0.0.1:8080/app");
    static final String REALM_CHALLENGE = "Bearer realm=\"sigil\"";
    static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"sigil\", error=\"invalid_token\"";

    /**
     * After each class: the server's log holds neither the secret nor any token. (Tokens are JWS
     * whose header starts with {@code eyJ}; passwords of the demo users are checked too.) The log
     * is the one of the target under test: see {@link ServerLog}.
     */
    @AfterAll
    static void serverLogCarriesNoSecretOrToken() throws IOException {
        Assumptions.assumeTrue(ServerLog.configured(), "no server log named (sigil.it.server-log)");
        String text = ServerLog.readAll();
        assertThat(text).doesNotContain(System.getProperty("sigil.it.secret", "c2lnaWwtaW50ZWdyYXRpb24tdGVzdC1zZWNyZXQtMzI"))
                .doesNotContain(new String(TestTokens.SERVER_SECRET, StandardCharsets.ISO_8859_1))
                .doesNotContain("eyJhbGciOi").doesNotContain("alice-password").doesNotContain("bob-password");
    }

    /**
     * The archive the build produced for the target under test, unchanged: {@code sigil.ear} for
     * WildFly and Payara Server, {@code sigil.war} for Payara Micro (property
     * {@code sigil.it.archive}).
     */
    @Deployment(testable = false)
    static Archive<?> application() {
        return archive(new File(System.getProperty("sigil.it.archive", "target/deployments/sigil.ear")));
    }

    static HttpRequest.Builder request(String path) {
        return requestAt(BASE, path);
    }

    static HttpRequest get(String path, String bearer) {
        return getAt(BASE, path, bearer);
    }

    static HttpRequest postForm(String path, String... namesAndValues) {
        return postFormAt(BASE, path, namesAndValues);
    }

    static HttpRequest postJson(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Logs in through the token endpoint and returns the access token. */
    String tokenFor(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = send(postForm("/api/auth/token", "username", username, "password", password));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).getString("access_token");
    }

    /** Asserts that {@code /api/me} accepts the token as the caller {@code name}, by token. */
    void assertAccepted(String token, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = send(get("/api/me", token));
        assertThat(response.statusCode()).as("status for a good token").isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.getString("name")).isEqualTo(name);
        assertThat(body.getString("authenticatedBy")).isEqualTo("token");
    }
}
