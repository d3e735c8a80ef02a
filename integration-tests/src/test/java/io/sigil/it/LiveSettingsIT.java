package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * (PT2S for the test servers); so do the outside issuers of {@code sigil.issuers} (one is added,
 * changed and given an invalid value). An invalid value changes nothing and is logged once. Payara Micro
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
    private static final String ISSUERS = "sigil.issuers";
    /** The keys of the outside issuer the test adds; its {@code iss} needs no escaping in either tool. */
    private static final String LIVE_PREFIX = "sigil.issuer.live.";
    private static final String LIVE_ISS = "sigil-it-live";

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

    @Test
    void liveSettings_outsideIssuerAddedChangedAndBrokenInTheConsole_followsWithoutRedeploy() throws Exception {
        Optional<String> deployedIssuers = ServerSystemProperties.value(ISSUERS);
        Path dir = Files.createTempDirectory("sigil-live-issuer");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        TestKeys.SigningKey liveKey = new TestKeys.SigningKey("ES256", "live-es256", pair.getPrivate());
        Path keys = Files.writeString(dir.resolve("live.jwks.json"),
                "{\"keys\":[" + TestKeys.publicEcJwk(pair, "live-es256") + "]}");
        String forLive = liveKey.sign(outsideClaims(LIVE_ISS, "sigil-live"));
        String forLive2 = liveKey.sign(outsideClaims(LIVE_ISS, "sigil-live-2"));
        String ofIssuerA = TestKeys.ISSUER_A_ES256.sign(outsideClaims(TrustedIssuersIT.ISSUER_A, "sigil-it"));
        String ofKeycloak = TestKeys.KEYCLOAK_RS256.sign(outsideClaims(TrustedIssuersIT.KEYCLOAK, "account"));
        try {
            assertThat(status(forLive)).as("an issuer not yet trusted").isEqualTo(401);

            ServerSystemProperties.set(LIVE_PREFIX + "iss", LIVE_ISS);
            ServerSystemProperties.set(LIVE_PREFIX + "keys.location", keys.toString());
            ServerSystemProperties.set(LIVE_PREFIX + "audiences", "sigil-live");
            ServerSystemProperties.set(ISSUERS, "issuer-a,live");
            long changed = System.nanoTime();
            TestKeys.await(() -> status(forLive), 200, "the added issuer's token");
            assertThat(Duration.ofNanos(System.nanoTime() - changed)).as("time until the added issuer was trusted")
                    .isLessThanOrEqualTo(INTERVAL.plus(SLACK));
            assertAccepted(forLive, "pat");
            assertThat(status(ofIssuerA)).as("issuer-a, still listed").isEqualTo(200);
            assertThat(status(ofKeycloak)).as("keycloak, no longer listed").isEqualTo(401);

            ServerSystemProperties.set(LIVE_PREFIX + "audiences", "sigil-live-2");
            TestKeys.await(() -> status(forLive), 401, "the accepted token, after its audience was dropped");
            assertThat(status(forLive2)).as("a token for the new audience").isEqualTo(200);

            long logOffset = ServerLog.size();
            ServerSystemProperties.set(LIVE_PREFIX + "groups-claim", "realm_access//roles");
            long until = System.nanoTime() + INTERVAL.plus(SLACK).toNanos();
            while (System.nanoTime() < until) {
                assertThat(status(forLive2)).as("the live issuer while a value is invalid").isEqualTo(200);
                assertThat(status(forLive)).isEqualTo(401);
                assertThat(status(ofIssuerA)).isEqualTo(200);
                Thread.sleep(500);
            }
            String log = ServerLog.writtenSince(logOffset);
            String severe = LIVE_PREFIX + "groups-claim is not a well-formed claim path";
            assertThat(count(log, Pattern.quote(severe))).as("SEVERE lines naming the key in:%n%s", log).isEqualTo(1);
            assertThat(textBefore(log, severe)).containsAnyOf("SEVERE", "ERROR");
        } finally {
            ServerSystemProperties.restore(ISSUERS, deployedIssuers);
            for (String suffix : List.of("groups-claim", "audiences", "keys.location", "iss")) {
                ServerSystemProperties.remove(LIVE_PREFIX + suffix);
            }
            TestKeys.await(() -> status(ofKeycloak), 200, "keycloak's token, after the restore");
            TestKeys.await(() -> status(forLive2), 401, "the live issuer's token, after the restore");
            Files.deleteIfExists(keys);
            Files.deleteIfExists(dir);
        }
    }

    /** Claims as an outside issuer writes them, for the caller "pat". */
    private static String outsideClaims(String iss, String audience) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"" + iss + "\",\"sub\":\"pat\",\"aud\":\"" + audience + "\",\"groups\":[\"partner\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 900) + ",\"jti\":\"live-" + System.nanoTime() + "\"}";
    }

    private int status(String token) throws Exception {
        return send(get("/api/me", token)).statusCode();
    }

    private void awaitIssued(Issued expected, String what) throws Exception {
        TestKeys.await(this::issued, expected, what);
    }

    /** Logs in and reads the lifetime and audiences of the token the server issued. */
    private Issued issued() throws Exception {
        String token = tokenFor("alice", "alice-password");
        JsonObject claims = TestTokens.payload(token);
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
