package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Login throttling on one node with the default numbers (5 free failures per account, then 1 s,
 * 2 s, 4 s …): 429 with {@code Retry-After} and a problem body, before the password is hashed;
 * other accounts unaffected; a success resets the account. Accounts that do not exist stand in
 * for attacked ones (they cost the same hash), so the demo users stay usable for other tests.
 */
class LoginThrottleIT extends SigilITBase {

    private static final int FREE_FAILURES = 5;

    @Test
    void fiftyWrongPasswords_are429AfterTheThreshold_withoutHashing_andAnotherAccountLogsInAtOnce() throws Exception {
        String account = "throttled-" + System.nanoTime();
        List<Long> refusedMillis = new ArrayList<>();
        List<Long> throttledMillis = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = send(postForm("/api/auth/token",
                    "username", account, "password", "wrong-password-" + i));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.statusCode()).as("attempt %d", i + 1).isIn(401, 429);
            if (i < FREE_FAILURES) {
                assertThat(response.statusCode()).as("attempt %d is within the free failures", i + 1).isEqualTo(401);
            }
            if (response.statusCode() == 429) {
                assertThrottled(response);
                throttledMillis.add(millis);
            } else {
                refusedMillis.add(millis);
            }
        }
        // Each 401 cost one password hash; past the threshold the waits double (1 s, 2 s, 4 s …),
        // so however slowly the 50 requests ran, only a few more passwords reached the store.
        assertThat(refusedMillis).as("attempts that reached the identity store").hasSizeBetween(FREE_FAILURES, 10);
        assertThat(median(throttledMillis)).as("a 429 hashes nothing: its median time (ms) against a 401's")
                .isLessThan(median(refusedMillis));

        HttpResponse<String> other = send(postForm("/api/auth/token", "username", "bob", "password", "bob-password"));
        assertThat(other.statusCode()).as("another account, same address").isEqualTo(200);
    }

    @Test
    void aSuccess_resetsTheAccountsCounter() throws Exception {
        assertThat(tokenFor("alice", "alice-password")).isNotEmpty();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < FREE_FAILURES - 1; i++) {
                assertThat(send(postForm("/api/auth/token", "username", "alice", "password", "wrong")).statusCode())
                        .as("round %d, failure %d", round, i + 1).isEqualTo(401);
            }
            assertThat(tokenFor("alice", "alice-password")).isNotEmpty();
        }
    }

    @Test
    void formLogin_isThrottledToo() throws Exception {
        String account = "form-throttled-" + System.nanoTime();
        for (int i = 0; i < FREE_FAILURES; i++) {
            assertThat(send(postForm("/login", "username", account, "password", "wrong")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = send(postForm("/login", "username", account, "password", "wrong"));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThrottled(throttled);
        assertThat(throttled.headers().allValues("Set-Cookie")).as("no session").isEmpty();
    }

    @Test
    void passwordChange_wrongCurrentPasswords_areThrottled() throws Exception {
        String token = tokenFor("bob", "bob-password");
        HttpResponse<String> throttled = null;
        for (int i = 0; i <= FREE_FAILURES; i++) {
            throttled = send(request("/api/auth/password").header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"currentPassword\":\"wrong-" + i + "\",\"newPassword\":\"never-set-password\"}")).build());
            assertThat(throttled.statusCode()).as("attempt %d", i + 1).isEqualTo(i < FREE_FAILURES ? 403 : 429);
        }
        assertThrottled(throttled);
        HttpResponse<String> login = send(postForm("/api/auth/token", "username", "bob", "password", "bob-password"));
        assertThat(login.statusCode()).as("bob's sign-in waits as well").isEqualTo(429);
        // Wait it out and sign in, which resets bob's counter for the other tests.
        Thread.sleep(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 200);
        assertThat(tokenFor("bob", "bob-password")).isNotEmpty();
    }

    private static void assertThrottled(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                value -> assertThat(Long.parseLong(value)).isBetween(1L, 900L));
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).getInt("status")).isEqualTo(429);
        assertThat(response.body()).doesNotContain("access_token").doesNotContain("wrong");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
