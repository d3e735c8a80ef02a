package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settings changed in the running server's management interface (WildFly CLI, Payara's
 * {@code asadmin}), as an operator changes them in the admin console, reach the next issued token
 * without a redeploy: Sigil looks at its settings again every {@code sigil.config.reload-interval}
 * (PT2S for the test servers). An invalid value changes nothing and is logged once. Payara Micro
 * has no management interface: skipped there. Every property set here is removed again, and the
 * test waits until the server issues tokens as before, so the other tests are not disturbed.
 */
class LiveSettingsIT extends SigilITBase {

    private static final String LIFETIME = "sigil.token.lifetime";
    private static final String AUDIENCES = "mp.jwt.verify.audiences";
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Time for a management command to reach the configuration Sigil reads, beyond the interval. */
    private static final Duration SLACK = Duration.ofSeconds(10);
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

    /** What a token shows of the settings it was issued under. */
    private record Issued(long lifetimeSeconds, Set<String> audiences) {
    }

    /**
     * Needs a management interface, and the server as deployed for most tests (Authorization
     * header, default lifetime): not the extra WildFly starts with a custom token header or the
     * browser tests' short lifetime, where {@code -Dit.test} can force it too. SecretStoreIT asks
     * the same.
     */
    static boolean applicable() {
        return ServerSystemProperties.supported() && System.getProperty("sigil.it.token-header") == null
                && System.getProperty("sigil.it.token-lifetime-seconds") == null;
    }

    @BeforeEach
    void onlyWithAManagementInterface() throws Exception {
        Assumptions.assumeTrue(applicable(), "no management interface, or a server started with settings of its own");
        restore();
    }

    @AfterEach
    void restore() throws Exception {
        if (!applicable()) {
            return;
        }
        ServerSystemProperties.remove(LIFETIME);
        ServerSystemProperties.remove(AUDIENCES);
        awaitIssued(new Issued(DEFAULT_LIFETIME.toSeconds(), Set.of()), "tokens as deployed, after the restore");
    }

    @Test
    void liveSettings_lifetimeAndAudienceChangedInTheConsole_reachTheNextTokenWithoutRedeploy() throws Exception {
        assertThat(issued()).isEqualTo(new Issued(DEFAULT_LIFETIME.toSeconds(), Set.of()));

        ServerSystemProperties.set(LIFETIME, "PT7M");
        ServerSystemProperties.set(AUDIENCES, "sigil-live");
        long changed = System.nanoTime();
        Issued expected = new Issued(420, Set.of("sigil-live"));
        awaitIssued(expected, "a token after the change");
        Duration took = Duration.ofNanos(System.nanoTime() - changed);
        assertThat(took).as("time until a token showed the change (interval %s)", INTERVAL)
                .isLessThanOrEqualTo(INTERVAL.plus(SLACK));

        String token = tokenFor("alice", "alice-password");
        assertAccepted(token, "alice");
    }

    @Test
    void liveSettings_invalidLifetime_keepsTheLastGoodSettingsAndIsLoggedOnce() throws Exception {
        ServerSystemProperties.set(LIFETIME, "PT7M");
        awaitIssued(new Issued(420, Set.of()), "a token after a valid change");

        long logOffset = ServerLog.size();
        ServerSystemProperties.set(LIFETIME, "banana");
        // Several intervals, each with requests that would pick up a change.
        long until = System.nanoTime() + INTERVAL.plus(SLACK).toNanos();
        while (System.nanoTime() < until) {
            assertThat(issued()).as("a token while the value is invalid").isEqualTo(new Issued(420, Set.of()));
            Thread.sleep(500);
        }
        String log = ServerLog.writtenSince(logOffset);
        assertThat(count(log, Pattern.quote(LIFETIME + " must be"))).as("SEVERE lines naming the key in:%n%s", log)
                .isEqualTo(1);
        assertThat(log).doesNotContain("banana");
        // WildFly writes JUL's SEVERE as ERROR on the message's line; Payara as [SEVERE] on the line before it.
        assertThat(textBefore(log, LIFETIME + " must be")).containsAnyOf("SEVERE", "ERROR");
    }

    private void awaitIssued(Issued expected, String what) throws Exception {
        TestKeys.await(this::issued, expected, what);
    }

    /** Logs in and reads the lifetime and audiences of the token the server issued. */
    private Issued issued() throws Exception {
        String token = tokenFor("alice", "alice-password");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        JsonObject claims;
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            claims = reader.readObject();
        }
        Set<String> audiences = new TreeSet<>();
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString single) {
            audiences.add(single.getString());
        } else if (aud != null) {
            aud.asJsonArray().getValuesAs(JsonString.class).forEach(s -> audiences.add(s.getString()));
        }
        return new Issued(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue(),
                Set.copyOf(audiences));
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** @return up to 300 characters of the log before the first occurrence of {@code part} */
    private static String textBefore(String text, String part) {
        int at = text.indexOf(part);
        return at < 0 ? "" : text.substring(Math.max(0, at - 300), at);
    }
}
