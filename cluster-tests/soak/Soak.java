import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's balancer and load client, in one file that the JDK runs from source
 * ({@code java Soak.java ...}); see soak.sh, which starts the clusters and kills a node.
 * <p>
 * A TCP round-robin balancer on 127.0.0.1 hands each new client connection to the next backend
 * that is ready: like a real balancer's health check, a backend takes traffic only while its
 * {@code /app/api/auth/health} answered 200 at the last probe (every 500 ms), so a node that has
 * opened its HTTP port but not yet deployed the application gets nothing. Behind it, {@code connections} virtual users, one thread and one
 * connection pool each, loop over mixed traffic: a token request and a request with the token,
 * a form login and requests with the session cookie, a bad token, a logout of a token followed
 * by a check that it is refused. Each minute one line: requests, errors by kind, 5xx, sessions
 * lost; token requests that failed while a node was down (the file named by {@code down-flag}
 * exists) and that started after the balancer had taken that node out of service count as
 * "failed on the survivor" (a request in flight on the killed node when it died is an I/O error
 * of its kind, not a failure of the survivor). Thread-safe counters; not a benchmark.
 * <p>
 * Arguments: {@code listenPort backend1Port backend2Port connections seconds down-flag report-file}
 */
public final class Soak {

    private static final Map<String, LongAdder> ERRORS = new ConcurrentHashMap<>();
    private static final LongAdder REQUESTS = new LongAdder();
    private static final LongAdder SERVER_ERRORS = new LongAdder();
    private static final LongAdder SESSIONS_LOST = new LongAdder();
    private static final LongAdder SESSIONS_LOST_WHILE_DOWN = new LongAdder();
    private static final LongAdder TOKEN_FAILED_ON_SURVIVOR = new LongAdder();
    private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private static Path downFlag;
    private static String base;

    public static void main(String[] args) throws Exception {
        int listen = Integer.parseInt(args[0]);
        List<Integer> backends = List.of(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        int connections = Integer.parseInt(args[3]);
        Duration run = Duration.ofSeconds(Long.parseLong(args[4]));
        downFlag = Path.of(args[5]);
        Path report = Path.of(args[6]);
        base = "http://127.0.0.1:" + listen + "/app";

        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", listen));
        Thread prober = new Thread(() -> probe(backends), "health-probe");
        prober.setDaemon(true);
        prober.start();
        // Traffic starts once every backend has been probed, as behind a balancer that is in service.
        while (READY.size() < backends.size()) {
            Thread.sleep(50);
        }
        Thread balancer = new Thread(() -> balance(server, backends), "balancer");
        balancer.setDaemon(true);
        balancer.start();

        Instant end = Instant.now().plus(run);
        Thread[] users = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            int user = i;
            users[i] = new Thread(() -> user(user, end), "user-" + i);
            users[i].setDaemon(true);
            users[i].start();
        }
        Instant start = Instant.now();
        int minute = 0;
        long before = 0;
        while (Instant.now().isBefore(end)) {
            Thread.sleep(Math.min(Duration.between(Instant.now(), end).toMillis() + 1, 60_000));
            minute++;
            long requests = REQUESTS.sum();
            // Totals since the start, and this minute's requests.
            String line = String.format("minute %d (%ds): requests %d (+%d), errors %s, 5xx %d, token requests"
                            + " failed on the survivor %d, sessions lost %d (while a node was down %d)", minute,
                    Duration.between(start, Instant.now()).toSeconds(), requests, requests - before, errors(),
                    SERVER_ERRORS.sum(), TOKEN_FAILED_ON_SURVIVOR.sum(), SESSIONS_LOST.sum(),
                    SESSIONS_LOST_WHILE_DOWN.sum());
            before = requests;
            System.out.println(line);
            Files.writeString(report, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        for (Thread user : users) {
            user.join(30_000);
        }
        server.close();
    }

    private static Map<String, Long> errors() {
        Map<String, Long> sorted = new TreeMap<>();
        ERRORS.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }

    private static void error(String kind) {
        ERRORS.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    // ---- balancer ---------------------------------------------------------------------------

    /** The backends whose health endpoint answered 200 at the last probe. */
    private static final Map<Integer, Boolean> READY = new ConcurrentHashMap<>();

    private static void probe(List<Integer> backends) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (true) {
            for (int port : backends) {
                boolean ready;
                try {
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/app/api/auth/health"))
                            .timeout(Duration.ofSeconds(2)).build();
                    ready = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    ready = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (READY.put(port, ready) != Boolean.valueOf(ready)) {
                    System.out.println(Instant.now() + " backend " + port + (ready ? " ready" : " not ready"));
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void balance(ServerSocket server, List<Integer> backends) {
        AtomicInteger next = new AtomicInteger();
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread relay = new Thread(() -> relay(client, backends, next), "relay");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void relay(Socket client, List<Integer> backends, AtomicInteger next) {
        Socket backend = null;
        // While no backend is ready (between two probes), the connection waits up to 5 s, as in a
        // balancer's queue, instead of being closed at once.
        long giveUp = System.nanoTime() + 5_000_000_000L;
        while (READY.values().stream().noneMatch(Boolean::booleanValue) && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (int attempt = 0; attempt < backends.size() && backend == null; attempt++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            if (!READY.getOrDefault(port, false)) {
                continue;
            }
            try {
                Socket candidate = new Socket();
                candidate.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                backend = candidate;
            } catch (IOException e) {
                // That node is down: the next one.
            }
        }
        if (backend == null) {
            close(client);
            return;
        }
        Socket connected = backend;
        Thread back = new Thread(() -> pump(connected, client), "relay-back");
        back.setDaemon(true);
        back.start();
        pump(client, connected);
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Either side went away.
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    // ---- virtual users ----------------------------------------------------------------------

    private static void user(int user, Instant end) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, String> session = new java.util.LinkedHashMap<>();
        int round = 0;
        while (Instant.now().isBefore(end)) {
            round++;
            try {
                switch ((user + round) % 5) {
                    case 0, 1 -> tokenRound(client, round % 10 == 0);
                    case 2, 3 -> sessionRound(client, session);
                    default -> badToken(client);
                }
            } catch (IOException e) {
                // Counted by send(), with the kind of request.
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, String kind)
            throws IOException, InterruptedException {
        REQUESTS.increment();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            error("io " + e.getClass().getSimpleName() + " (" + kind + ")");
            throw e;
        }
        if (response.statusCode() >= 500) {
            SERVER_ERRORS.increment();
            error(kind + " " + response.statusCode());
        }
        return response;
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest form(String path, String username, String password) {
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Token request, three requests with it, and every tenth round a logout and a check that it is refused. */
    private static void tokenRound(HttpClient client, boolean revoke) throws IOException, InterruptedException {
        // On the survivor: the node was killed (flag) and the balancer had already taken it out of
        // service when this request started, so the request cannot have been on the killed node.
        boolean nodeDown = Files.exists(downFlag) && READY.containsValue(Boolean.FALSE);
        HttpResponse<String> issued;
        try {
            issued = send(client, form("/api/auth/token", "alice", "alice-password"), "token");
        } catch (IOException e) {
            if (nodeDown) {
                TOKEN_FAILED_ON_SURVIVOR.increment();
            }
            throw e;
        }
        Matcher token = TOKEN.matcher(issued.body());
        if (issued.statusCode() != 200 || !token.find()) {
            error("token " + issued.statusCode());
            if (nodeDown) {
                TOKEN_FAILED_ON_SURVIVOR.increment();
            }
            return;
        }
        String bearer = "Bearer " + token.group(1);
        for (int i = 0; i < 3; i++) {
            int status = send(client, request("/api/me").header("Authorization", bearer).GET().build(), "me with token").statusCode();
            if (status != 200) {
                error("me with token " + status);
            }
        }
        if (revoke) {
            int logout = send(client, request("/api/auth/logout").header("Authorization", bearer)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), "logout").statusCode();
            if (logout != 204) {
                error("logout " + logout);
            }
            int after = send(client, request("/api/me").header("Authorization", bearer).GET().build(), "me with token").statusCode();
            if (after != 401) {
                error("revoked token answered " + after);
            }
        }
    }

    /**
     * A form login when there is no session yet, then three requests with the session's cookies.
     * Like a browser, the user keeps every cookie the server sets and sends them all back: Payara
     * pairs JSESSIONID with a JSESSIONIDVERSION cookie that changes as the session does.
     */
    private static void sessionRound(HttpClient client, Map<String, String> session)
            throws IOException, InterruptedException {
        if (!session.containsKey("JSESSIONID")) {
            session.clear();
            HttpResponse<String> login = send(client, form("/login", "bob", "bob-password"), "login");
            if (login.statusCode() != 303) {
                error("login " + login.statusCode());
                return;
            }
            keepCookies(login, session);
            if (!session.containsKey("JSESSIONID")) {
                error("login without a session cookie");
                return;
            }
        }
        for (int i = 0; i < 3; i++) {
            String cookies = session.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            HttpResponse<String> me = send(client, request("/api/me").header("Cookie", cookies).GET().build(), "me with session");
            keepCookies(me, session);
            if (me.statusCode() == 401) {
                SESSIONS_LOST.increment();
                if (Files.exists(downFlag)) {
                    SESSIONS_LOST_WHILE_DOWN.increment();
                }
                session.clear();
                return;
            }
            if (me.statusCode() != 200) {
                error("me with session " + me.statusCode());
            }
        }
    }

    /** Takes each {@code Set-Cookie} of a response into the user's cookies (a deleted one leaves). */
    private static void keepCookies(HttpResponse<String> response, Map<String, String> session) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                session.remove(name);
            } else {
                session.put(name, value);
            }
        }
    }

    private static void badToken(HttpClient client) throws IOException, InterruptedException {
        int status = send(client, request("/api/me").header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.AAAA")
                .GET().build(), "bad token").statusCode();
        if (status != 401) {
            error("bad token answered " + status);
        }
    }
}
