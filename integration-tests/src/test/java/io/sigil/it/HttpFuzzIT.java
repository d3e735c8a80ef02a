package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile HTTP at the layer below the tokens: huge and repeated {@code Authorization} headers,
 * hundreds of cookies, invalid percent-encodings and raw bytes, long paths, clients that send a
 * byte at a time. Whatever the server or Sigil refuses, the answer is never a 5xx and never
 * carries a stack trace; the server's log gets no stack trace either. A server may refuse an
 * oversized head by closing the connection without an answer, which counts as a refusal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpFuzzIT extends SigilITBase {

    private static final List<String> CASES = new ArrayList<>();
    private static long logStart;

    @BeforeAll
    static void markTheLog() throws IOException {
        logStart = ServerLog.configured() ? ServerLog.size() : 0;
    }

    /** Last, as a test rather than in {@code @AfterAll}, so that a failure leaves the deployment to Arquillian. */
    @Test
    @Order(Integer.MAX_VALUE)
    void serverLog_afterTheHostileRequests_hasNoStackTrace() throws Exception {
        Assumptions.assumeTrue(ServerLog.configured(), "no server log named (sigil.it.server-log)");
        // Known and not Sigil's: Payara Server refuses a request line it cannot parse in
        // CoyoteAdapter.postParseRequest, before any application code, and logs SEVERE
        // AS-WEB-CORE-00037 "Unexpected termination" with a short stack trace (see
        // docs/failure-modes.md). That record is left out; everything else must be clean.
        String log = ServerLog.writtenSince(logStart).replaceAll("(?s)\\[AS-WEB-CORE-00037\\].*?\\]\\]", "");
        assertThat(log).as("server log during %d hostile requests", CASES.size())
                .doesNotContainPattern("(?m)^\\s+at [a-zA-Z_$][\\w$]*\\.")
                .doesNotContain("Caused by:");
    }

    private static void assertRefusedCleanly(String name, RawHttp.Answer answer) {
        CASES.add(name);
        assertThat(answer.status()).as("%s: status (0 = closed without an answer)%n%s", name, answer.text())
                .isLessThan(500);
        assertThat(LEAK.matcher(answer.text()).find()).as("%s: no stack trace or exception name%n%s", name,
                answer.text()).isFalse();
    }

    private static String repeat(char c, int times) {
        return String.valueOf(c).repeat(times);
    }

    @Test
    void hugeAuthorizationHeader_isRefused() throws Exception {
        for (int size : new int[] {8 * 1024, 64 * 1024, 512 * 1024}) {
            RawHttp.Answer answer = RawHttp.exchange(RawHttp.head("GET", RawHttp.path("/api/me"),
                    "Authorization: Bearer " + repeat('a', size) + "\r\n"));
            assertRefusedCleanly("Authorization of " + size + " bytes", answer);
            assertThat(answer.status()).as("Authorization of %d bytes", size).isIn(0, 400, 401, 413, 431);
        }
    }

    @Test
    void repeatedAuthorizationHeaders_areRefused() throws Exception {
        String token = tokenFor("alice", "alice-password");
        for (int count : new int[] {2, 50}) {
            String[] lines = new String[count];
            for (int i = 0; i < count; i++) {
                lines[i] = "Authorization: Bearer " + (i == 0 ? token : "x" + i) + "\r\n";
            }
            RawHttp.Answer answer = RawHttp.exchange(RawHttp.head("GET", RawHttp.path("/api/me"), lines));
            assertRefusedCleanly(count + " Authorization headers", answer);
            assertThat(answer.status()).as("%d Authorization headers", count).isIn(400, 401);
        }
    }

    @Test
    void manyCookies_areServedOrRefused() throws Exception {
        // 180 cookies, about what a browser keeps for one site at most. Beyond 200, WildFly's
        // Undertow (max-cookies) fails the request with 500 before any application code runs:
        // see docs/failure-modes.md.
        StringBuilder cookies = new StringBuilder("Cookie: JSESSIONID=" + repeat('z', 300));
        for (int i = 0; i < 180; i++) {
            cookies.append("; c").append(i).append("=v").append(i);
        }
        assertRefusedCleanly("180 cookies", RawHttp.exchange(RawHttp.head("GET", RawHttp.path("/api/me"),
                cookies + "\r\n")));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            lines.append("Cookie: sigil_token=").append(i % 2 == 0 ? "eyJ" : "%ff").append(i).append("\r\n");
        }
        assertRefusedCleanly("100 Cookie headers with bad tokens", RawHttp.exchange(RawHttp.head("GET",
                RawHttp.path("/api/me"), lines.toString())));
    }

    @Test
    void oddEncodingsInThePath_areServedOrRefused() throws Exception {
        String[] paths = {"/api/me/%00", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/api/%ff%fe", "/api/me%",
            "/api/me;jsessionid=abc", "/api/auth/token?%zz=%", "/api/me?x=%u0041", "/..%2f..%2fapi/me",
            "/api/%2e%2e/%2e%2e/", "/login?next=%0d%0aLocation:%20http://evil.example/"};
        for (String path : paths) {
            assertRefusedCleanly("path " + path, RawHttp.exchange(RawHttp.head("GET", RawHttp.path(path))));
        }
        byte[] rawBytes = RawHttp.path("/api/me/\u00ff\u00fe\u0080");
        assertRefusedCleanly("raw bytes in the path", RawHttp.exchange(RawHttp.head("GET", rawBytes)));
    }

    @Test
    void oddEncodingsInAuthorization_areRefused() throws Exception {
        String[] values = {"Bearer \u00ff\u00fe\u00c3\u00a9", "Bearer", "Bearer ", "Bearer\ta.b.c", "bearer a.b.c",
            "Basic YWxpY2U6YWxpY2UtcGFzc3dvcmQ=", "Bearer a..c", "Bearer " + repeat('.', 200),
            "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer %65%79%4a"};
        for (String value : values) {
            RawHttp.Answer answer = RawHttp.exchange(RawHttp.head("GET", RawHttp.path("/api/me"),
                    "Authorization: " + value + "\r\n"));
            assertRefusedCleanly("Authorization: " + value, answer);
            assertThat(answer.status()).as("Authorization: %s", value).isIn(400, 401);
        }
    }

    @Test
    void oddBodies_atTheTokenEndpoint_areRefused() throws Exception {
        String[][] bodies = {{"application/x-www-form-urlencoded", "username=%zz&password=%"},
            {"application/x-www-form-urlencoded; charset=UTF-7", "username=alice&password=x"},
            {"application/json", "{\"username\":\"\u00ff\u00fe\",\"password\":"},
            {"application/json", "[" + repeat('[', 5000)},
            {"application/json; charset=ISO-2022-JP", "{}"},
            {"application/x-www-form-urlencoded", "username=" + repeat('a', 3 * 1024 * 1024)}};
        for (String[] body : bodies) {
            byte[] bytes = body[1].getBytes(StandardCharsets.ISO_8859_1);
            String name = "token body " + body[0] + " of " + bytes.length + " bytes";
            RawHttp.Answer answer = RawHttp.exchange(RawHttp.post("/api/auth/token", body[0], bytes));
            assertRefusedCleanly(name, answer);
            assertThat(answer.status()).as(name).isIn(0, 400, 401, 413, 415);
        }
    }

    @Test
    void oddBodies_atTheFormLogin_areRefused() throws Exception {
        String[][] bodies = {{"application/x-www-form-urlencoded; charset=UTF-7", "username=alice&password=x"},
            {"application/x-www-form-urlencoded", "username=%zz&password=%"},
            {"application/x-www-form-urlencoded; charset=no-such-charset", "username=a&password=b"}};
        for (String[] body : bodies) {
            assertRefusedCleanly("form login body " + body[0] + ": " + body[1], RawHttp.exchange(
                    RawHttp.post("/login", body[0], body[1].getBytes(StandardCharsets.ISO_8859_1))));
        }
    }

    @Test
    void longPaths_areRefused() throws Exception {
        for (int size : new int[] {4 * 1024, 32 * 1024, 256 * 1024}) {
            assertRefusedCleanly("path of " + size + " bytes", RawHttp.exchange(RawHttp.head("GET",
                    RawHttp.path("/api/" + repeat('a', size)))));
        }
    }

    @Test
    void slowClient_isAnsweredAndDoesNotBlockOthers() throws Exception {
        String token = tokenFor("bob", "bob-password");
        byte[] request = RawHttp.head("GET", RawHttp.path("/api/me"), "Authorization: Bearer " + token + "\r\n");
        Thread slow = new Thread(() -> {
            try {
                RawHttp.Answer answer = RawHttp.exchange(request, Math.max(1, request.length / 40), Duration.ofMillis(50));
                synchronized (CASES) {
                    assertRefusedCleanly("slow client", answer);
                }
                assertThat(answer.status()).isEqualTo(200);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        slow.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        slow.start();
        // Meanwhile other clients are served at once.
        for (int i = 0; i < 5; i++) {
            assertThat(send(get("/api/me", token)).statusCode()).isEqualTo(200);
        }
        slow.join(60_000);
        assertThat(failure.get()).as("the slow client").isNull();

        byte[] post = RawHttp.post("/api/auth/token", "application/x-www-form-urlencoded",
                "username=bob&password=bob-password".getBytes(StandardCharsets.ISO_8859_1));
        RawHttp.Answer answer = RawHttp.exchange(post, 8, Duration.ofMillis(20));
        assertRefusedCleanly("slow token request", answer);
        assertThat(answer.status()).isEqualTo(200);
    }
}
