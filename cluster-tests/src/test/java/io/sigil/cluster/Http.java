package io.sigil.cluster;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A plain HTTP client for the cluster tests: no redirects, no cookie store (cookies are passed
 * by hand, so a test says which node gets which cookie). Remembers the last response and prints
 * it when a test fails. One per test class instance.
 */
final class Http implements TestWatcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private volatile HttpResponse<String> last;

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = response;
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** GET {@code /api/me} with a bearer token. */
    HttpResponse<String> meWithToken(URI base, String token) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Authorization", "Bearer " + token));
    }

    /** GET {@code /api/me} with session cookies (a {@code Cookie} header value). */
    HttpResponse<String> meWithCookie(URI base, String cookie) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Cookie", cookie));
    }

    /** POST a form. */
    HttpResponse<String> postForm(URI url, String... namesAndValues) throws IOException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** POST with a bearer token and an optional JSON body. */
    HttpResponse<String> postWithToken(URI url, String token, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request);
    }

    /**
     * Signs in at {@code /api/auth/token}.
     *
     * @return the access token
     * @throws AssertionError unless the answer is 200 with a token
     */
    String token(URI base, String user, String password) throws IOException {
        HttpResponse<String> response = postForm(URI.create(base + "/api/auth/token"),
                "username", user, "password", password);
        if (response.statusCode() != 200) {
            throw new AssertionError("token request for " + user + " at " + base + " got " + response.statusCode());
        }
        return json(response).getString("access_token");
    }

    /**
     * Signs in with the form at {@code /login}.
     *
     * @return every cookie the answer set, as a {@code Cookie} header value ({@code a=1; b=2}), as
     *         a browser would send them back: the session id, and on Payara the session version
     * @throws AssertionError unless the answer is 303 with a session cookie
     */
    String formLogin(URI base, String user, String password) throws IOException {
        HttpResponse<String> response = postForm(URI.create(base + "/login"), "username", user, "password", password);
        List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.indexOf(';') < 0 ? c : c.substring(0, c.indexOf(';')))
                .toList();
        if (response.statusCode() != 303 || cookies.stream().noneMatch(c -> c.startsWith("JSESSIONID="))) {
            throw new AssertionError("form login of " + user + " at " + base + " got " + response.statusCode());
        }
        return String.join("; ", cookies);
    }

    static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        HttpResponse<String> response = last;
        if (response != null) {
            System.err.printf("%s failed; last response: %s %s -> %d%nheaders: %s%nbody: %s%n",
                    context.getDisplayName(), response.request().method(), response.uri(), response.statusCode(),
                    response.headers().map(), response.body());
        }
    }
}
