package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Sigil's metrics in the server's own metrics system, scraped where the server publishes it:
 * Payara's MicroProfile Metrics at {@code /metrics?scope=application} (Server and Micro, on by
 * default), WildFly's Micrometer Prometheus registry at {@code /prometheus} on the management port
 * (the IT server turns the micrometer subsystem on with {@code server-config/wildfly/micrometer.cli}).
 * After a known sequence of requests the counters must have moved by exactly the expected amounts
 * (differences between a scrape before and one after; other test classes move them too), and be
 * typed as counters. A series is found by its name and its Sigil label; labels the server adds
 * (application, scope) are ignored and series that differ only in them are added up.
 */
class ServerMetricsIT extends SigilITBase {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (-?[0-9.eE+]+)(?: [0-9]+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void serverMetrics_countersAreTypedAsCounters_andGaugesAreThere() throws Exception {
        String text = scrapeServer();

        assertThat(text).containsPattern("(?m)^# TYPE sigil_tokens_accepted(_total)? counter$")
                .containsPattern("(?m)^# TYPE sigil_tokens_refused(_total)? counter$")
                .containsPattern("(?m)^# TYPE sigil_signing_key_usable gauge$")
                .doesNotContain("eyJ");
        Map<String, Double> samples = samples(text);
        assertThat(samples.get("sigil_signing_key_usable")).isEqualTo(1.0);
        assertThat(samples.get("sigil_verification_keys")).isGreaterThanOrEqualTo(1.0);
        assertThat(samples).containsKeys("sigil_tokens_refused_total{reason=\"unknown_key\"}",
                "sigil_key_reloads_total{result=\"failed\"}", "sigil_key_files_read_age_seconds");
    }

    @Test
    void serverMetrics_afterAKnownSequence_showTheExpectedDifferences() throws Exception {
        Map<String, Double> before = samples(scrapeServer());

        // A password grant, the token accepted once, a token under another key refused.
        HttpResponse<String> grant = send(postForm("/api/auth/token", "username", "alice", "password", "alice-password"));
        assertThat(grant.statusCode()).isEqualTo(200);
        assertThat(send(get("/api/me", json(grant).getString("access_token"))).statusCode()).isEqualTo(200);
        long now = System.currentTimeMillis() / 1000;
        String otherKey = TestTokens.hs256("{\"alg\":\"HS256\"}", TestTokens.claims("alice", "[]", now + 300),
                "another-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.US_ASCII));
        assertThat(send(get("/api/me", otherKey)).statusCode()).isEqualTo(401);
        // A session login through the form.
        HttpClient browser = browser();
        assertThat(send(browser, postForm("/login", "username", "bob", "password", "bob-password")).statusCode())
                .isEqualTo(303);
        // Wrong passwords for an account nobody uses until the throttle answers 429.
        String account = "server-metrics-" + System.nanoTime();
        int refused = 0;
        int status = 0;
        for (int i = 0; i < 10 && status != 429; i++) {
            status = send(postForm("/api/auth/token", "username", account, "password", "wrong-" + i)).statusCode();
            assertThat(status).isIn(401, 429);
            refused += status == 401 ? 1 : 0;
        }
        assertThat(status).as("the throttle answered within 10 attempts").isEqualTo(429);

        Map<String, Double> after = samples(scrapeServer());

        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("sigil_tokens_issued_total{grant=\"password\"}", 1.0);
        expected.put("sigil_tokens_issued_total{grant=\"refresh\"}", 0.0);
        expected.put("sigil_tokens_accepted_total", 1.0);
        expected.put("sigil_tokens_refused_total{reason=\"signature\"}", 1.0);
        expected.put("sigil_tokens_refused_total{reason=\"expired\"}", 0.0);
        expected.put("sigil_tokens_refused_total{reason=\"malformed\"}", 0.0);
        expected.put("sigil_session_logins_total{result=\"ok\"}", 1.0);
        expected.put("sigil_session_logins_total{result=\"failed\"}", 0.0);
        expected.put("sigil_password_grants_refused_total", (double) refused);
        expected.put("sigil_logins_throttled_total", 1.0);
        expected.put("sigil_revocations_total{cause=\"logout\"}", 0.0);
        expected.put("sigil_refresh_reuse_detected_total", 0.0);
        Map<String, Double> differences = new LinkedHashMap<>();
        for (String series : expected.keySet()) {
            assertThat(before).as("scraped before").containsKey(series);
            assertThat(after).as("scraped after").containsKey(series);
            differences.put(series, after.get(series) - before.get(series));
        }
        assertThat(differences).as("after minus before").isEqualTo(expected);
    }

    /** @return the server's metrics text; not checked for leaks as Sigil's answers are (it is the server's) */
    private String scrapeServer() throws Exception {
        String target = System.getProperty("arquillian.launch", "wildfly");
        String url;
        if (target.startsWith("payara")) {
            url = BASE.substring(0, BASE.lastIndexOf('/')) + "/metrics?scope=application";
        } else {
            String port = System.getProperty("sigil.it.management-port");
            Assumptions.assumeTrue(port != null, "no management port named (sigil.it.management-port)");
            url = "http://127.0.0.1:" + port + "/prometheus";
        }
        HttpResponse<String> response = http.send(requestAt(url, "").GET().build(), HttpResponse.BodyHandlers.ofString());
        reporter.remember(response);
        assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
        return response.body();
    }

    /**
     * @return the samples by name and Sigil label ({@code name{label="value"}} or {@code name}),
     *         other labels dropped and their series added up
     */
    static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            String name = sample.group(1);
            if (!name.startsWith("sigil_")) {
                continue;
            }
            String key = name;
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    if (label.group(1).matches("grant|reason|result|cause")) {
                        key = name + "{" + label.group(1) + "=\"" + label.group(2) + "\"}";
                    }
                }
            }
            samples.merge(key, Double.valueOf(sample.group(3)), Double::sum);
        }
        return samples;
    }
}
