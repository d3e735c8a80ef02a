package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.jupiter.api.Test;

/**
 * A single-page application fires several requests at once on one session: 32 threads send
 * requests with the same session cookie for a few seconds, and every one must be answered 200
 * without a stall. On WildFly this needs a session cache that does not lock the session for a
 * whole request (see server-config/wildfly/sigil.cli and docs/failure-modes.md).
 */
class ConcurrentSessionIT extends SigilITBase {

    private static final int THREADS = 32;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("sigil.it.concurrent-session.seconds", 5));
    /** Generous on a shared two-core machine, well below the 15 s lock timeout a stall shows. */
    private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(10);

    @Test
    void sessionCookie_32ConcurrentRequests_allAnswered200WithoutStall() throws Exception {
        HttpClient browser = browser();
        assertThat(send(browser, postForm("/login", "username", "alice", "password", "alice-password")).statusCode())
                .isEqualTo(303);
        String cookie = sessionCookie(browser);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        AtomicLong answered = new AtomicLong();
        LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);
        long end = System.nanoTime() + RUN.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String path = t % 4 == 3 ? "/api/admin/whoami" : "/api/me";
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> response = client.send(request(path).header("Cookie", cookie)
                                    .GET().build(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200 || response.body().contains("Exception")) {
                                failures.computeIfAbsent("status " + response.statusCode(), k -> new AtomicLong())
                                        .incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
                                    .incrementAndGet();
                        }
                        answered.incrementAndGet();
                        slowestMillis.accumulate((System.nanoTime() - start) / 1_000_000);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        System.out.printf("ConcurrentSessionIT: %d requests in %s on %d threads, slowest %d ms, failures %s%n",
                answered.get(), RUN, THREADS, slowestMillis.get(), failures);
        assertThat(failures).as("failed requests by kind, of %d", answered.get()).isEmpty();
        assertThat(answered.get()).isGreaterThan(THREADS);
        assertThat(Duration.ofMillis(slowestMillis.get())).as("slowest request").isLessThan(SLOWEST_ALLOWED);
        // The session still works afterwards.
        assertThat(send(browser, get("/api/me", null)).body()).contains("\"authenticatedBy\":\"session\"");
    }

    private static String sessionCookie(HttpClient browser) {
        return browser.cookieHandler().map(handler -> {
            try {
                // Every cookie the browser would send, as a browser does: Payara Micro pairs the
                // session id with a JSESSIONIDVERSION cookie.
                String cookies = String.join("; ", handler.get(java.net.URI.create(BASE + "/api/me"), Map.of())
                        .getOrDefault("Cookie", List.of()));
                assertThat(cookies).contains("JSESSIONID=");
                return cookies;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).orElseThrow();
    }
}
