package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Sigil's metrics and health endpoints ({@code /api/auth/metrics}, {@code /api/auth/health}): who
 * may read them, their format, and counts that follow a known sequence of requests. The counters
 * belong to the application and other test classes move them too, so the counts are compared as
 * the difference between a scrape before and one after the sequence (the test classes of one
 * server run one after the other).
 */
class MetricsIT extends SigilITBase {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-z_]+(?:\\{[^}]*})?) (-?[0-9.eE+]+)$");
    private static final String METRICS_ROLE = "[\"sigil-metrics\"]";

    @Test
    void metrics_withoutCredentials_is401WithBearerChallenge() throws Exception {
        HttpResponse<String> response = send(get("/api/auth/metrics", null));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(REALM_CHALLENGE);
        assertThat(response.body()).doesNotContain("sigil_tokens");
    }

    @Test
    void metrics_callerWithoutTheRole_is403() throws Exception {
        HttpResponse<String> response = send(get("/api/auth/metrics", TestTokens.valid("metrics-it-user", "[\"user\"]")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("sigil_tokens");
    }

    @Test
    void metrics_badToken_is401InvalidToken() throws Exception {
        HttpResponse<String> response = send(get("/api/auth/metrics", "x" + TestTokens.valid("m", METRICS_ROLE)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void metrics_callerWithTheRole_getsPrometheusTextWithHelpAndType() throws Exception {
        HttpResponse<String> response = send(get("/api/auth/metrics", TestTokens.valid("metrics-it-reader", METRICS_ROLE)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain")
                .contains("version=0.0.4");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body())
                .contains("# HELP sigil_tokens_accepted_total ", "# TYPE sigil_tokens_accepted_total counter\n")
                .contains("# TYPE sigil_signing_key_usable gauge\n", "\nsigil_signing_key_usable 1\n")
                .contains("sigil_tokens_refused_total{reason=\"unknown_key\"} ")
                .doesNotContain("eyJ");
        assertThat(samples(response.body()).get("sigil_verification_keys")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void health_anonymous_isUpWithoutDetails() throws Exception {
        HttpResponse<String> response = send(get("/api/auth/health", null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void health_callerWithTheRole_seesTheChecks() throws Exception {
        HttpResponse<String> response = send(get("/api/auth/health", TestTokens.valid("metrics-it-reader", METRICS_ROLE)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(body.getJsonArray("checks").toString()).contains("sigil-signing-key", "sigil-revocation-store");
    }

    /**
     * Payara's own MicroProfile Health endpoint (on by default, at the server's root) lists Sigil's
     * readiness check, with its status only. WildFly's {@code standalone-ha.xml} has no
     * MicroProfile Health subsystem, so there the check is not added.
     */
    @Test
    void serverHealth_onPayara_listsSigilsReadinessCheck() throws Exception {
        Assumptions.assumeTrue(System.getProperty("arquillian.launch", "wildfly").startsWith("payara"),
                "MicroProfile Health is on by default on Payara only");
        String root = BASE.substring(0, BASE.lastIndexOf('/'));

        HttpResponse<String> response = send(requestAt(root, "/health/ready").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsPattern("\"name\"\\s*:\\s*\"sigil\"").doesNotContain("revocation");
    }

    @Test
    void metrics_afterAKnownSequence_showTheExpectedDifferences() throws Exception {
        String reader = TestTokens.valid("metrics-it-reader", METRICS_ROLE);
        Map<String, Double> before = scrape(reader);

        // A wrong password at the token endpoint, then three password grants.
        assertThat(send(postForm("/api/auth/token", "username", "alice", "password", "wrong")).statusCode()).isEqualTo(401);
        JsonObject first = grant();
        String token = first.getString("access_token");
        String refresh = first.getString("refresh_token");
        String loggedOut = grant().getString("access_token");
        grant();
        // Two accepted requests.
        assertThat(send(get("/api/me", token)).statusCode()).isEqualTo(200);
        assertThat(send(get("/api/me", token)).statusCode()).isEqualTo(200);
        // Four bad tokens of known kinds.
        long now = System.currentTimeMillis() / 1000;
        String expired = TestTokens.hs256("{\"alg\":\"HS256\"}", TestTokens.claims("alice", "[]", now - 3600),
                TestTokens.SERVER_SECRET);
        String otherKey = TestTokens.hs256("{\"alg\":\"HS256\"}", TestTokens.claims("alice", "[]", now + 300),
                "another-secret-of-at-least-thirty-two-bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String otherIssuer = TestTokens.hs256("{\"alg\":\"HS256\"}", TestTokens.claims("alice", "[]", now + 300)
                .replace("\"iss\":\"sigil\"", "\"iss\":\"someone-else\""), TestTokens.SERVER_SECRET);
        for (String bad : new String[] {expired, otherKey, otherIssuer, "not-a-token"}) {
            assertThat(send(get("/api/me", bad)).statusCode()).as("a bad token").isIn(400, 401);
        }
        // A logout (one revocation, then the revoked token refused), and a logout everywhere.
        assertThat(send(post("/api/auth/logout", loggedOut)).statusCode()).isEqualTo(204);
        assertThat(send(get("/api/me", loggedOut)).statusCode()).isEqualTo(401);
        assertThat(send(post("/api/auth/logout?everywhere=true", TestTokens.valid("metrics-it-caller", "[\"user\"]")))
                .statusCode()).isEqualTo(204);
        // A refresh, then the used refresh token again: reuse.
        assertThat(send(postForm("/api/auth/token", "grant_type", "refresh_token", "refresh_token", refresh))
                .statusCode()).isEqualTo(200);
        assertThat(send(postForm("/api/auth/token", "grant_type", "refresh_token", "refresh_token", refresh))
                .statusCode()).isEqualTo(400);
        // A failed and a successful form login (HttpSession).
        HttpClient browser = browser();
        assertThat(send(browser, postForm("/login", "username", "bob", "password", "wrong")).statusCode()).isEqualTo(401);
        assertThat(send(browser, postForm("/login", "username", "bob", "password", "bob-password")).statusCode())
                .isEqualTo(303);

        Map<String, Double> after = scrape(reader);

        Map<String, Double> expected = new HashMap<>();
        expected.put("sigil_tokens_issued_total{grant=\"password\"}", 3.0);
        expected.put("sigil_tokens_issued_total{grant=\"refresh\"}", 1.0);
        // /api/me twice, two logouts, and the second scrape itself.
        expected.put("sigil_tokens_accepted_total", 5.0);
        expected.put("sigil_tokens_refused_total{reason=\"expired\"}", 1.0);
        expected.put("sigil_tokens_refused_total{reason=\"signature\"}", 1.0);
        expected.put("sigil_tokens_refused_total{reason=\"issuer\"}", 1.0);
        expected.put("sigil_tokens_refused_total{reason=\"malformed\"}", 1.0);
        expected.put("sigil_tokens_refused_total{reason=\"revoked\"}", 1.0);
        expected.put("sigil_tokens_refused_total{reason=\"audience\"}", 0.0);
        expected.put("sigil_tokens_refused_total{reason=\"other\"}", 0.0);
        expected.put("sigil_password_grants_refused_total", 1.0);
        expected.put("sigil_session_logins_total{result=\"ok\"}", 1.0);
        expected.put("sigil_session_logins_total{result=\"failed\"}", 1.0);
        expected.put("sigil_logins_throttled_total", 0.0);
        expected.put("sigil_revocations_total{cause=\"logout\"}", 1.0);
        expected.put("sigil_revocations_total{cause=\"logout_everywhere\"}", 1.0);
        expected.put("sigil_revocations_total{cause=\"password_change\"}", 0.0);
        expected.put("sigil_refresh_reuse_detected_total", 1.0);
        Map<String, Double> differences = new HashMap<>();
        for (String name : expected.keySet()) {
            assertThat(after).containsKey(name);
            differences.put(name, after.get(name) - before.get(name));
        }
        assertThat(differences).as("after minus before").isEqualTo(expected);
        assertThat(after.get("sigil_signing_key_usable")).isEqualTo(1.0);
    }

    private JsonObject grant() throws Exception {
        HttpResponse<String> response = send(postForm("/api/auth/token", "username", "alice", "password", "alice-password"));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    private static HttpRequest post(String path, String bearer) {
        return request(path).header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private Map<String, Double> scrape(String bearer) throws Exception {
        HttpResponse<String> response = send(get("/api/auth/metrics", bearer));
        assertThat(response.statusCode()).isEqualTo(200);
        return samples(response.body());
    }

    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        Matcher matcher = SAMPLE.matcher(text);
        while (matcher.find()) {
            samples.put(matcher.group(1), Double.valueOf(matcher.group(2)));
        }
        return samples;
    }
}
