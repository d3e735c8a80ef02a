package io.sigil.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster contract, run against two nodes of one server: tokens, the session fallback,
 * revocations, refresh token families and login throttle counters cross nodes, and the survivor keeps serving when the node that created a session is
 * killed. The failover case runs last: it leaves one node. Subclasses start the cluster once per
 * class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class AbstractClusterIT {

    /** How soon a revocation on one node must be seen on the other. */
    static final Duration PROPAGATION = Duration.ofSeconds(1);
    static final String INVALID_TOKEN = "Bearer realm=\"sigil\", error=\"invalid_token\"";

    @RegisterExtension
    final Http http = new Http();

    abstract ClusterUnderTest cluster();

    private URI node(int n) {
        return cluster().base(n);
    }

    @Test
    @Order(1)
    void token_issuedOnNode1_isAcceptedOnNode2AndTheOtherWay() throws IOException {
        String fromNode1 = http.token(node(1), "alice", "alice-password");
        String fromNode2 = http.token(node(2), "bob", "bob-password");

        HttpResponse<String> onNode2 = http.meWithToken(node(2), fromNode1);
        assertThat(onNode2.statusCode()).isEqualTo(200);
        assertThat(Http.json(onNode2).getString("name")).isEqualTo("alice");
        assertThat(Http.json(onNode2).getString("authenticatedBy")).isEqualTo("token");
        assertThat(onNode2.headers().firstValue("Set-Cookie")).as("no session for a token").isEmpty();

        HttpResponse<String> onNode1 = http.meWithToken(node(1), fromNode2);
        assertThat(onNode1.statusCode()).isEqualTo(200);
        assertThat(Http.json(onNode1).getString("name")).isEqualTo("bob");
    }

    @Test
    @Order(2)
    void sessionLogin_onNode1_isHonouredOnNode2WithTheSameCookie() throws IOException {
        String cookie = http.formLogin(node(1), "bob", "bob-password");

        HttpResponse<String> onNode2 = http.meWithCookie(node(2), cookie);

        assertThat(onNode2.statusCode()).isEqualTo(200);
        assertThat(Http.json(onNode2).getString("name")).isEqualTo("bob");
        assertThat(Http.json(onNode2).getString("authenticatedBy")).isEqualTo("session");
        assertThat(Http.json(onNode2).getJsonArray("groups").getString(0)).isEqualTo("user");
    }

    @Test
    @Order(3)
    void logout_onNode1_tokenIsRefusedOnNode2WithinOneSecond() throws IOException {
        String token = http.token(node(1), "alice", "alice-password");
        String other = http.token(node(1), "alice", "alice-password");
        assertThat(http.meWithToken(node(2), token).statusCode()).isEqualTo(200);

        assertThat(http.postWithToken(URI.create(node(1) + "/api/auth/logout"), token, null).statusCode())
                .isEqualTo(204);
        Instant loggedOut = Instant.now();

        Duration seen = refusedWithin(node(2), token, loggedOut);
        report("revocation seen on node 2 " + seen.toMillis() + " ms after the logout on node 1 answered");
        assertRefused(http.meWithToken(node(1), token));
        assertThat(http.meWithToken(node(2), other).statusCode()).as("another token of alice").isEqualTo(200);
        assertThat(http.postWithToken(URI.create(node(2) + "/api/auth/logout"), token, null).statusCode())
                .as("a revoked token cannot log out again").isEqualTo(401);

        // A token without jti (an outside issuer's) cannot be revoked alone: 400, and it stays valid.
        String withoutJti = RotationKeys.token(RotationKeys.OLD, "carol", false);
        assertThat(http.postWithToken(URI.create(node(1) + "/api/auth/logout"), withoutJti, null).statusCode())
                .isEqualTo(400);
        assertThat(http.meWithToken(node(2), withoutJti).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void logoutEverywhere_onNode2_revokesEveryTokenOfTheCallerOnBothNodes() throws IOException {
        String first = http.token(node(1), "alice", "alice-password");
        String second = http.token(node(2), "alice", "alice-password");
        String bobs = http.token(node(1), "bob", "bob-password");

        assertThat(http.postWithToken(URI.create(node(2) + "/api/auth/logout?everywhere=true"), second, null)
                .statusCode()).isEqualTo(204);
        Instant loggedOut = Instant.now();

        refusedWithin(node(1), first, loggedOut);
        refusedWithin(node(1), second, loggedOut);
        assertRefused(http.meWithToken(node(2), first));
        assertThat(http.meWithToken(node(2), bobs).statusCode()).as("bob's token").isEqualTo(200);
        // A token issued in the same second as the logout is refused too (iat has whole seconds);
        // one issued after it works on both nodes.
        String fresh = tokenIssuedAfter(node(1), "alice", "alice-password", loggedOut);
        assertThat(http.meWithToken(node(2), fresh).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void passwordChange_onNode1_revokesTheCallersTokensOnBothNodes() throws IOException {
        URI password = URI.create(node(1) + "/api/auth/password");
        String token = http.token(node(1), "bob", "bob-password");
        String onNode2 = http.token(node(2), "bob", "bob-password");

        assertThat(http.postWithToken(password, token, "{\"currentPassword\":\"bob-password\",\"newPassword\":\"short\"}")
                .statusCode()).as("too short").isEqualTo(400);
        assertThat(http.postWithToken(password, token, "{\"currentPassword\":\"wrong-password\","
                + "\"newPassword\":\"bob-new-password-1\"}").statusCode()).as("wrong current").isEqualTo(403);
        assertThat(http.postWithToken(password, token, "[1]").statusCode()).as("malformed").isEqualTo(400);
        assertThat(http.meWithToken(node(2), onNode2).statusCode()).as("refused changes revoke nothing")
                .isEqualTo(200);

        assertThat(http.postWithToken(password, token,
                "{\"currentPassword\":\"bob-password\",\"newPassword\":\"bob-new-password-1\"}").statusCode())
                .isEqualTo(204);
        Instant changed = Instant.now();

        refusedWithin(node(2), onNode2, changed);
        assertRefused(http.meWithToken(node(1), token));
        assertThat(http.postForm(URI.create(node(1) + "/api/auth/token"), "username", "bob", "password",
                "bob-password").statusCode()).as("old password on node 1").isEqualTo(401);

        // Put the demo password back (node 1's user store; each node has its own embedded H2).
        String fresh = tokenIssuedAfter(node(1), "bob", "bob-new-password-1", changed);
        assertThat(http.postWithToken(password, fresh,
                "{\"currentPassword\":\"bob-new-password-1\",\"newPassword\":\"bob-password\"}").statusCode())
                .isEqualTo(204);
    }

    @Test
    @Order(6)
    void keyRotation_onBothNodesWithoutRestart_keepsOldTokensValidUntilTheOldKeyIsDropped() throws IOException {
        String oldKeys = RotationKeys.token(RotationKeys.OLD, "carol");
        String newKeys = RotationKeys.token(RotationKeys.NEW, "carol");
        String issued = http.token(node(1), "alice", "alice-password");
        for (int n = 1; n <= 2; n++) {
            assertThat(http.meWithToken(node(n), oldKeys).statusCode()).as("old key, node " + n).isEqualTo(200);
            assertRefused(http.meWithToken(node(n), newKeys));
        }

        // Step 1 on each node in turn: the new key joins the old one.
        for (int n = 1; n <= 2; n++) {
            RotationKeys.write(cluster().keysFile(n), RotationKeys.OLD, RotationKeys.NEW);
        }
        for (int n = 1; n <= 2; n++) {
            acceptedWithin(node(n), newKeys);
            assertThat(http.meWithToken(node(n), oldKeys).statusCode()).as("old key after the new one came").isEqualTo(200);
            assertThat(http.meWithToken(node(n), issued).statusCode()).as("a token the node issued").isEqualTo(200);
        }

        // Once the old key's tokens have expired it is dropped, and its tokens are refused everywhere.
        for (int n = 1; n <= 2; n++) {
            RotationKeys.write(cluster().keysFile(n), RotationKeys.NEW);
        }
        for (int n = 1; n <= 2; n++) {
            refusedWithin(node(n), oldKeys, Instant.now(), RotationKeys.RELOAD.multipliedBy(10));
            assertThat(http.meWithToken(node(n), newKeys).statusCode()).as("new key").isEqualTo(200);
        }
    }

    @Test
    @Order(7)
    void refreshToken_usedOnNode1_replayedOnNode2_isRefused_andEndsTheFamilyOnBoth() throws IOException {
        URI node1 = URI.create(node(1) + "/api/auth/token");
        URI node2 = URI.create(node(2) + "/api/auth/token");
        HttpResponse<String> login = http.postForm(node1, "username", "alice", "password", "alice-password");
        assertThat(login.statusCode()).isEqualTo(200);
        String first = Http.json(login).getString("refresh_token");
        HttpResponse<String> rotated = http.postForm(node1, "grant_type", "refresh_token", "refresh_token", first);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newest = Http.json(rotated).getString("refresh_token");
        String access = Http.json(rotated).getString("access_token");
        assertThat(http.meWithToken(node(2), access).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = http.postForm(node2, "grant_type", "refresh_token", "refresh_token", first);
        assertThat(replay.statusCode()).as("the used token replayed on node 2").isEqualTo(400);
        assertThat(Http.json(replay).getString("error")).isEqualTo("invalid_grant");

        for (URI token : new URI[] {node1, node2}) {
            HttpResponse<String> newestUse = http.postForm(token, "grant_type", "refresh_token", "refresh_token", newest);
            assertThat(newestUse.statusCode()).as("the family's newest token at " + token).isEqualTo(400);
            assertThat(Http.json(newestUse).getString("error")).isEqualTo("invalid_grant");
        }
        for (int n = 1; n <= 2; n++) {
            assertRefused(http.meWithToken(node(n), access));
            assertRefused(http.meWithToken(node(n), Http.json(login).getString("access_token")));
        }
    }

    @Test
    @Order(8)
    void failuresCountedOnNode1_throttleTheSameAccountOnNode2() throws IOException {
        String account = "cluster-throttled-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(http.postForm(URI.create(node(1) + "/api/auth/token"), "username", account, "password", "wrong")
                    .statusCode()).as("failure %d on node 1", i + 1).isEqualTo(401);
        }
        HttpResponse<String> onNode2 = http.postForm(URI.create(node(2) + "/api/auth/token"),
                "username", account, "password", "wrong");
        assertThat(onNode2.statusCode()).as("the same account on node 2").isEqualTo(429);
        assertThat(onNode2.headers().firstValue("Retry-After")).isPresent();
        assertThat(onNode2.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(http.postForm(URI.create(node(2) + "/api/auth/token"), "username", "bob", "password", "bob-password")
                .statusCode()).as("another account on node 2").isEqualTo(200);
    }

    @Test
    @Order(100)
    void killNode1_survivorServesItsSessionAndTokens() throws Exception {
        String token = http.token(node(1), "alice", "alice-password");
        String cookie = http.formLogin(node(1), "bob", "bob-password");
        assertThat(http.meWithCookie(node(2), cookie).statusCode()).isEqualTo(200);

        FailoverProbe probe = new FailoverProbe(http, node(2), token, cookie);
        probe.start();
        Instant killed = cluster().kill(1);
        Instant detected = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (detected == null && System.nanoTime() < deadline) {
            detected = cluster().deathSeen(2, 1).orElse(null);
            Thread.sleep(50);
        }
        // Keep probing a little after the survivor has settled.
        Thread.sleep(2000);
        FailoverProbe.Result result = probe.stop();

        String figures = String.format("%s failover: node 1 killed (SIGKILL); node 2 saw it leave %s; during %d ms"
                        + " of probing node 2 every %d ms: token requests %d sent, %d failed; session requests %d"
                        + " sent, %d failed; longest token request %d ms, longest session request %d ms",
                cluster().name(), detected == null ? "never (90 s)" : Duration.between(killed, detected).toMillis()
                        + " ms after the kill", result.elapsed().toMillis(), FailoverProbe.PERIOD.toMillis(),
                result.tokenRequests(), result.tokenFailures(), result.sessionRequests(), result.sessionFailures(),
                result.slowestToken().toMillis(), result.slowestSession().toMillis());
        report(figures);
        assertThat(detected).as("the survivor noticed the dead node").isNotNull();
        assertThat(result.tokenFailures()).as("failed token requests").isZero();
        assertThat(http.meWithCookie(node(2), cookie).statusCode()).as("the session after the failover")
                .isEqualTo(200);
        assertThat(Http.json(http.meWithCookie(node(2), cookie)).getString("name")).isEqualTo("bob");
        assertThat(http.meWithToken(node(2), token).statusCode()).isEqualTo(200);
    }

    /** Polls a node until it refuses a token, for at most {@link #PROPAGATION}. */
    Duration refusedWithin(URI base, String token, Instant since) throws IOException {
        return refusedWithin(base, token, since, PROPAGATION);
    }

    /** Polls a node until it accepts a token, for at most ten key reload intervals. */
    void acceptedWithin(URI base, String token) throws IOException {
        Instant deadline = Instant.now().plus(RotationKeys.RELOAD.multipliedBy(10));
        int status;
        do {
            status = http.meWithToken(base, token).statusCode();
            if (status == 200) {
                return;
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(base + " still refused the token (status " + status + ")");
    }

    /** Polls a node until it refuses a token, for at most the given time. */
    Duration refusedWithin(URI base, String token, Instant since, Duration limit) throws IOException {
        Instant deadline = since.plus(limit);
        HttpResponse<String> response;
        do {
            response = http.meWithToken(base, token);
            if (response.statusCode() == 401) {
                assertRefused(response);
                return Duration.between(since, Instant.now());
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(base + " still accepted the token " + Duration.between(since, Instant.now())
                .toMillis() + " ms after it was revoked (status " + response.statusCode() + ")");
    }

    /** Signs in until the token's second is after {@code since}: a not-before refuses its own second. */
    String tokenIssuedAfter(URI base, String user, String password, Instant since) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Instant.now().getEpochSecond() <= since.getEpochSecond() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return http.token(base, user, password);
    }

    /** A short pause between two polls, so that polling does not hog a shared machine. */
    private static void pause() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    void report(String line) throws IOException {
        System.out.println("[" + cluster().name() + "] " + line);
        Files.createDirectories(ClusterSettings.reportDir());
        Files.writeString(ClusterSettings.reportDir().resolve(cluster().name().toLowerCase(java.util.Locale.ROOT)
                        .replace(' ', '-') + ".txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
