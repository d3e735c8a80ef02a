package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user store that is down is answered 503 with {@code Retry-After}, never 401, by the token
 * endpoint and by the form login, and logged once. A variant of the reference EAR (see
 * {@link VariantDeployments}) points {@code sigil.datasource} at a data source whose database
 * does not listen (H2 over TCP to a closed port on 127.0.0.1).
 */
class UserStoreDownIT extends SigilITBase {

    private static final String NAME = "sigil-store-down";
    private static final String DATA_SOURCE = "<data-source><name>java:app/jdbc/sigil-down</name>"
            + "<class-name>org.h2.jdbcx.JdbcDataSource</class-name>"
            + "<url>jdbc:h2:tcp://127.0.0.1:1/mem:nothing</url><user>sa</user></data-source>";

    private static boolean deployed;

    @BeforeAll
    static void deployTheVariant() throws Exception {
        Assumptions.assumeTrue(VariantDeployments.supported(), "this target cannot deploy from the test");
        Path ear = VariantDeployments.build(NAME, "sigil.datasource=java:app/jdbc/sigil-down\n", DATA_SOURCE);
        VariantDeployments.Result result = VariantDeployments.deploy(ear, NAME);
        assertThat(result.exitCode()).as("deploying the variant: %s", result.output()).isZero();
        deployed = true;
    }

    @AfterAll
    static void undeployTheVariant() throws Exception {
        if (deployed) {
            VariantDeployments.undeploy(NAME);
        }
    }

    private static String url(String path) {
        return BASE.substring(0, BASE.lastIndexOf('/') + 1) + NAME + path;
    }

    @Test
    void tokenRequest_storeDown_is503WithRetryAfter() throws Exception {
        long logStart = ServerLog.size();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/auth/token")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-password")).build());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        String log = ServerLog.writtenSince(logStart);
        assertThat(log.split("password checks are answered 503 until", -1).length - 1)
                .as("the outage is logged once, not per request:%n%s", log).isLessThanOrEqualTo(1);
    }

    @Test
    void formLogin_storeDown_is503WithRetryAfter() throws Exception {
        HttpResponse<String> response = send(browser(), HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-password")).build());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.body()).contains("unavailable").doesNotContain("Invalid user name or password");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }
}
