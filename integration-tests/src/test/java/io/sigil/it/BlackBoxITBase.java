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
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every black-box test shares, whichever application it deploys: a real HTTP client, and
 * {@link #send}, which checks that no body carries a stack frame or an exception name and
 * remembers the last response so that a failing test prints it. A subclass names its archive in
 * one {@code @Deployment(testable = false)} method (see {@link #archive}) and its base URL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class BlackBoxITBase {

    static final Pattern LEAK = Pattern.compile(
            "Exception|Error:|\\bat [a-z]+\\.[a-z]|java\\.|jakarta\\.|org\\.jboss|io\\.sigil|Caused by");

    @RegisterExtension
    final LastResponseReporter reporter = new LastResponseReporter();

    /** A client that keeps no cookies and follows no redirects. */
    protected final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * @param file a built archive, unchanged
     * @return it as an EAR, or as a WAR if its name ends with {@code .war}
     */
    protected static Archive<?> archive(File file) {
        ZipImporter importer = ShrinkWrap.create(ZipImporter.class, file.getName()).importFrom(file);
        if (file.getName().endsWith(".war")) {
            return importer.as(WebArchive.class);
        }
        return importer.as(EnterpriseArchive.class);
    }

    /** @return a client with its own cookie jar, like one browser */
    protected static HttpClient browser() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    /** @return a request for {@code base + path}, with the tests' timeout */
    protected static HttpRequest.Builder requestAt(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    /** @return a GET of {@code base + path}, with {@code Authorization: Bearer} unless {@code bearer} is null */
    protected static HttpRequest getAt(String base, String path, String bearer) {
        HttpRequest.Builder builder = requestAt(base, path).GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    /** @return a POST of {@code base + path} with the form fields given as name, value, name, value… */
    protected static HttpRequest postFormAt(String base, String path, String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return requestAt(base, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    protected HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return send(http, request);
    }

    protected HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        reporter.remember(response);
        assertThat(LEAK.matcher(response.body()).find())
                .as("response body must not carry a stack trace or exception name: %s", response.body())
                .isFalse();
        return response;
    }

    protected static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /**
     * @return the whole server log of the target under test (see {@link ServerLog}); the test is
     *         skipped where the build named none
     */
    protected static String serverLog() throws IOException {
        Assumptions.assumeTrue(ServerLog.configured(), "no server log named (sigil.it.server-log)");
        return ServerLog.readAll();
    }
}
