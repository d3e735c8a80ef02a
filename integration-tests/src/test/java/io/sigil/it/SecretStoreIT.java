package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sigil's HMAC secret and a plain setting kept in the server's own secret store, changed while the
 * application runs, as docs/live-settings.md tells an operator to: on WildFly an encrypted
 * expression of Elytron's {@code expression=encryption} over a credential store, written into the
 * system property ({@code ${ENC::…}}); on Payara Server a password alias that the system property
 * names ({@code ${ALIAS=…}}). A change reaches Sigil within {@code sigil.config.reload-interval}
 * (PT2S for the test servers) without a redeploy: tokens signed with the old secret are refused,
 * tokens signed with the new one accepted, and the secret never reaches the server's log.
 * Payara Micro has no management interface: skipped there. The server's own secret is put back
 * after each test (WildFly: the property is removed, SIGIL_SECRET applies again; Payara: the
 * property names the alias {@value #PAYARA_ALIAS} again), and the test waits until it is in force.
 */
class SecretStoreIT extends SigilITBase {

    private static final String SECRET = "sigil.secret";
    private static final String LIFETIME = "sigil.token.lifetime";
    /** The alias that the build's domain keeps the test secret in (server-config/payara/sigil.asadmin). */
    private static final String PAYARA_ALIAS = "sigil-secret";
    /** The test's own aliases start with this; each new secret gets a new alias (see {@link #putSecret}). */
    private static final String PAYARA_TEST_ALIASES = "sigil-it-";
    private static final String PAYARA_LIFETIME_ALIAS = PAYARA_TEST_ALIASES + "lifetime";
    private static final boolean WILDFLY = "wildfly".equals(System.getProperty("arquillian.launch", "wildfly"));
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Time for a management command to reach the configuration Sigil reads, beyond the interval (as LiveSettingsIT). */
    private static final Duration SLACK = Duration.ofSeconds(10);
    private static final long DEFAULT_LIFETIME_SECONDS = Duration.ofMinutes(15).toSeconds();
    private static final SecureRandom RANDOM = new SecureRandom();

    private int payaraVersion;
    private String payaraAlias;

    /** How the server answers a token signed with the old secret and one signed with the new. */
    private record Verdict(int oldSecretStatus, int newSecretStatus) {
    }

    @BeforeEach
    void onlyWithAManagementInterface() throws Exception {
        Assumptions.assumeTrue(LiveSettingsIT.applicable(), "no management interface, or a server started with settings of its own");
        restore();
    }

    @AfterEach
    void restore() throws Exception {
        if (!LiveSettingsIT.applicable()) {
            return;
        }
        if (WILDFLY) {
            ServerSystemProperties.remove(SECRET);
        } else {
            ServerSystemProperties.set(SECRET, ServerSecretStore.aliasExpression(PAYARA_ALIAS));
        }
        ServerSystemProperties.remove(LIFETIME);
        TestKeys.await(() -> status(TestTokens.SERVER_SECRET), 200, "a token signed with the server's own secret, after the restore");
        TestKeys.await(this::issuedLifetime, DEFAULT_LIFETIME_SECONDS, "tokens as deployed, after the restore");
        if (!WILDFLY) {
            ServerSecretStore.deleteAliases(PAYARA_TEST_ALIASES);
        }
    }

    @Test
    void secretStore_secretReplacedInTheStore_refusesOldTokensAndAcceptsNewWithoutRedeploy() throws Exception {
        assertThat(status(TestTokens.SERVER_SECRET)).as("a token signed with the server's own secret").isEqualTo(200);
        long logOffset = ServerLog.size();

        byte[] first = randomSecret();
        putSecret(first);
        awaitSwitched(TestTokens.SERVER_SECRET, first, "after the first change");
        assertAccepted(tokenFor("alice", "alice-password"), "alice");

        byte[] second = randomSecret();
        putSecret(second);
        awaitSwitched(first, second, "after the second change");
        assertAccepted(tokenFor("alice", "alice-password"), "alice");
        deleteOldAliases();
        assertThat(status(second)).as("a token signed with the secret in force, after the old alias was deleted")
                .isEqualTo(200);

        String log = ServerLog.writtenSince(logOffset);
        assertThat(Pattern.compile("Sigil applied changed settings \\[[^\\]]*" + Pattern.quote(SECRET)).matcher(log).find())
                .as("an INFO line naming %s in:%n%s", SECRET, log).isTrue();
        String whole = ServerLog.readAll();
        for (byte[] secret : List.of(first, second)) {
            assertThat(whole).doesNotContain(text(secret)).doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void secretStore_lifetimeFromTheStore_reachesTheNextTokenWithoutRedeploy() throws Exception {
        assertThat(issuedLifetime()).isEqualTo(DEFAULT_LIFETIME_SECONDS);
        if (WILDFLY) {
            ServerSystemProperties.set(LIFETIME, ServerSecretStore.encrypted("PT7M"));
        } else {
            ServerSecretStore.storeAlias(PAYARA_LIFETIME_ALIAS, "PT7M");
            ServerSystemProperties.set(LIFETIME, ServerSecretStore.aliasExpression(PAYARA_LIFETIME_ALIAS));
        }
        long changed = System.nanoTime();
        TestKeys.await(this::issuedLifetime, 420L, "a token after the change");
        assertThat(Duration.ofNanos(System.nanoTime() - changed)).as("time until a token showed the change")
                .isLessThanOrEqualTo(INTERVAL.plus(SLACK));
    }

    /**
     * Puts the secret where the operator keeps it and points {@code sigil.secret} at it, the way
     * docs/live-settings.md gives. WildFly: a new encrypted expression written into the property.
     * Payara: a new alias (a version number in its name) and the property changed to name it; the
     * alias named before is deleted once the new secret is in force. (Payara expands
     * {@code ${ALIAS=…}} when the property is written: {@code update-password-alias} on the alias
     * the property already names is not seen until the property's text changes.)
     */
    private void putSecret(byte[] secret) throws Exception {
        if (WILDFLY) {
            ServerSystemProperties.set(SECRET, ServerSecretStore.encrypted(text(secret)));
        } else {
            String alias = PAYARA_TEST_ALIASES + "secret-v" + ++payaraVersion;
            ServerSecretStore.storeAlias(alias, text(secret));
            ServerSystemProperties.set(SECRET, ServerSecretStore.aliasExpression(alias));
            payaraAlias = alias;
        }
    }

    /** Payara: deletes the aliases that {@code sigil.secret} no longer names. */
    private void deleteOldAliases() throws Exception {
        if (!WILDFLY) {
            for (int version = 1; version < payaraVersion; version++) {
                String alias = PAYARA_TEST_ALIASES + "secret-v" + version;
                if (!alias.equals(payaraAlias)) {
                    ServerSecretStore.deleteAlias(alias);
                }
            }
        }
    }

    private void awaitSwitched(byte[] old, byte[] fresh, String when) throws Exception {
        long changed = System.nanoTime();
        TestKeys.await(() -> new Verdict(status(old), status(fresh)), new Verdict(401, 200),
                "tokens signed with the old and the new secret, " + when);
        assertThat(Duration.ofNanos(System.nanoTime() - changed)).as("time until the new secret applied, %s", when)
                .isLessThanOrEqualTo(INTERVAL.plus(SLACK));
    }

    /** @return the status of {@code /api/me} for a fresh HS256 token signed with {@code secret} */
    private int status(byte[] secret) throws Exception {
        String token = TestTokens.hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                TestTokens.claims("hmac-caller", "[\"user\"]", System.currentTimeMillis() / 1000 + 300), secret);
        return send(get("/api/me", token)).statusCode();
    }

    private long issuedLifetime() throws Exception {
        String token = tokenFor("alice", "alice-password");
        JsonObject claims = TestTokens.payload(token);
        return claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue();
    }

    /** @return 256 random bits, the least Sigil accepts for an HMAC secret */
    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }

    private static String text(byte[] secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
