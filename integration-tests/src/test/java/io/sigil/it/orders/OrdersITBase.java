package io.sigil.it.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.it.BlackBoxITBase;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;

/**
 * Deploys the second application, {@code examples/orders} ({@code orders.ear}, context root
 * {@code /orders}), into the server of the target under test, where the reference application's
 * tests run too (one application at a time: each test class deploys its own). Its users live in
 * its own store: {@code ann} (group buyer) and {@code ben} (buyer, auditor). The example is an
 * EAR, so the classes run where the build names its archive ({@code sigil.it.orders.archive}:
 * WildFly and Payara Server) and are disabled on Payara Micro, which deploys no EAR.
 */
abstract class OrdersITBase extends BlackBoxITBase {

    /** The target's origin (from {@code sigil.it.base-url}) with the example's context root. */
    static final String BASE = URI.create(System.getProperty("sigil.it.base-url", "http://127.0.0.1:8080/app"))
            .resolve("/orders").toString();
    static final String REALM_CHALLENGE = "Bearer realm=\"sigil\"";
    static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"sigil\", error=\"invalid_token\"";
    static final String PROBLEM_JSON = "application/problem+json";

    /** After each class: the server's log holds neither the secret, nor a token, nor a password. */
    @AfterAll
    static void serverLogCarriesNoSecretTokenOrPassword() throws IOException {
        assertThat(serverLog()).doesNotContain(System.getProperty("sigil.it.secret"))
                .doesNotContain("eyJhbGciOi").doesNotContain("ann-example-password").doesNotContain("ben-example-password");
    }

    /** The example's EAR as the build produced it. */
    @Deployment(testable = false)
    static Archive<?> orders() {
        return archive(new File(System.getProperty("sigil.it.orders.archive", "target/deployments/orders.ear")));
    }

    static HttpRequest get(String path, String bearer) {
        return getAt(BASE, path, bearer);
    }

    static HttpRequest postForm(String path, String... namesAndValues) {
        return postFormAt(BASE, path, namesAndValues);
    }

    static HttpRequest post(String path, String bearer) {
        HttpRequest.Builder builder = requestAt(BASE, path).POST(HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    /** Logs in through the example's token endpoint ({@code sigil.endpoints.base-path=/auth}). */
    String tokenFor(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = send(postForm("/auth/token", "username", username, "password", password));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("token_type")).isEqualTo("Bearer");
        return json(response).getString("access_token");
    }
}
