package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Revocation on one node: logging out a token refuses that token from then on, logging out
 * everywhere refuses every earlier token of the caller, and both answer like any other bad token.
 * The cluster-wide behaviour is in the cluster-tests module; this runs on every single-node target.
 */
class RevocationIT extends SigilITBase {

    @Test
    void logout_withToken_refusesThatTokenOnly() throws Exception {
        String first = tokenFor("alice", "alice-password");
        String second = tokenFor("alice", "alice-password");
        assertThat(send(get("/api/me", first)).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = send(logout("/api/auth/logout", first));
        assertThat(logout.statusCode()).isEqualTo(204);

        HttpResponse<String> after = send(get("/api/me", first));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
        assertThat(send(get("/api/me", second)).statusCode()).as("another token of the same caller").isEqualTo(200);
        assertThat(send(logout("/api/auth/logout", first)).statusCode()).as("logging out a revoked token").isEqualTo(401);
    }

    @Test
    void logoutEverywhere_refusesEveryEarlierToken_andANewLoginWorksAgain() throws Exception {
        String first = tokenFor("bob", "bob-password");
        String second = tokenFor("bob", "bob-password");

        assertThat(send(logout("/api/auth/logout?everywhere=true", first)).statusCode()).isEqualTo(204);

        for (String token : new String[] {first, second}) {
            HttpResponse<String> after = send(get("/api/me", token));
            assertThat(after.statusCode()).isEqualTo(401);
            assertThat(after.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
        }
        // The not-before has whole seconds (as iat has), so a token issued in the same second is
        // refused too; one issued a second later must work.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        int status;
        do {
            status = send(get("/api/me", tokenFor("bob", "bob-password"))).statusCode();
        } while (status != 200 && Instant.now().isBefore(deadline) && pause());
        assertThat(status).as("a token issued after logging out everywhere").isEqualTo(200);
    }

    @Test
    void logout_badEverywhereValue_is400() throws Exception {
        String token = tokenFor("alice", "alice-password");

        assertThat(send(logout("/api/auth/logout?everywhere=maybe", token)).statusCode()).isEqualTo(400);
        assertThat(send(get("/api/me", token)).statusCode()).as("nothing was revoked").isEqualTo(200);
    }

    private static HttpRequest logout(String path, String bearer) {
        return request(path).header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }
}
