package io.sigil.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a token request and a session request to one node every {@link #PERIOD} on a thread of
 * its own, and counts what failed (any status but 200, or no answer), while a test kills the other
 * node.
 */
final class FailoverProbe {

    static final Duration PERIOD = Duration.ofMillis(50);

    /** What the probe saw. */
    record Result(Duration elapsed, int tokenRequests, int tokenFailures, int sessionRequests,
                  int sessionFailures, Duration slowestToken, Duration slowestSession) {
    }

    private final Http http;
    private final URI base;
    private final String token;
    private final String cookie;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::run, "failover-probe");
    private long started;
    private int tokenRequests;
    private int tokenFailures;
    private int sessionRequests;
    private int sessionFailures;
    private long slowestToken;
    private long slowestSession;

    FailoverProbe(Http http, URI base, String token, String cookie) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.cookie = cookie;
    }

    void start() {
        started = System.nanoTime();
        thread.start();
    }

    Result stop() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofSeconds(60).toMillis());
        return new Result(Duration.ofNanos(System.nanoTime() - started), tokenRequests, tokenFailures,
                sessionRequests, sessionFailures, Duration.ofNanos(slowestToken), Duration.ofNanos(slowestSession));
    }

    private void run() {
        while (running.get()) {
            long before = System.nanoTime();
            tokenRequests++;
            if (!ok(true)) {
                tokenFailures++;
            }
            long between = System.nanoTime();
            slowestToken = Math.max(slowestToken, between - before);
            sessionRequests++;
            if (!ok(false)) {
                sessionFailures++;
            }
            slowestSession = Math.max(slowestSession, System.nanoTime() - between);
            try {
                Thread.sleep(PERIOD.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean ok(boolean withToken) {
        try {
            return (withToken ? http.meWithToken(base, token) : http.meWithCookie(base, cookie)).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
