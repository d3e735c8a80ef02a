package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploys the archive that the build produced for the target under test, unchanged (the EAR on
 * WildFly and Payara Server, the WAR on Payara Micro), and gives the black-box tests a real HTTP
 * client. Every response passes through {@link #send}, which checks that no body carries a stack
 * frame or an exception name, and remembers the last response so that a failing test prints it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class SigilITBase {

    static final String BASE = System.getProperty("sigil.it.base-url", "http://127.0.0.1:8080/app");
    static final String REALM_CHALLENGE = "Bearer realm=\"sigil\"";
    static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"sigil\", error=\"invalid_token\"";

    static final Pattern LEAK = Pattern.compile(
            "Exception|Error:|\\bat [a-z]+\\.[a-z]|java\\.|jakarta\\.|org\\.jboss|io\\.sigil|Caused by");

    @RegisterExtension
    final LastResponseReporter reporter = new LastResponseReporter();

    /** A client that keeps no cookies and follows no redirects. */
    final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

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
        File file = new File(System.getProperty("sigil.it.archive", "target/deployments/sigil.ear"));
        ZipImporter importer = ShrinkWrap.create(ZipImporter.class, file.getName()).importFrom(file);
        if (file.getName().endsWith(".war")) {
            return importer.as(WebArchive.class);
        }
        return importer.as(EnterpriseArchive.class);
    }

    /** @return a client with its own cookie jar, like one browser */
    static HttpClient browser() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
    }

    static HttpRequest get(String path, String bearer) {
        HttpRequest.Builder builder = request(path).GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    static HttpRequest postForm(String path, String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    static HttpRequest postJson(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return send(http, request);
    }

    HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        reporter.remember(response);
        assertThat(LEAK.matcher(response.body()).find())
                .as("response body must not carry a stack trace or exception name: %s", response.body())
                .isFalse();
        return response;
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

    static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
