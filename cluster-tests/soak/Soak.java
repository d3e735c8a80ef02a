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
 * that accepts a connection. Behind it, {@code connections} virtual users, one thread and one
 * connection pool each, loop over mixed traffic: a token request and a request with the token,
 * a form login and requests with the session cookie, a bad token, a logout of a token followed
 * by a check that it is refused. Each minute one line: requests, errors by kind, 5xx, sessions
 * lost; token requests that failed while a node was down (the file named by {@code down-flag}
 * exists) count as "failed on the survivor". Thread-safe counters; not a benchmark.
 * <p>
 * Arguments: {@code listenPort backend1Port backend2Port connections seconds down-flag report-file}
 */
public final class Soak {

    private static final Map<String, LongAdder> ERRORS = new ConcurrentHashMap<>();
    private static final LongAdder REQUESTS = new LongAdder();
    private static final LongAdder SERVER_ERRORS = new LongAdder();
    private static final LongAdder SESSIONS_LOST = new LongAdder();
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
        while (Instant.now().isBefore(end)) {
            Thread.sleep(Math.min(Duration.between(Instant.now(), end).toMillis() + 1, 60_000));
            minute++;
            String line = String.format("minute %d (%ds): requests %d, errors %s, 5xx %d, token requests failed"
                            + " on the survivor %d, sessions lost %d", minute,
                    Duration.between(start, Instant.now()).toSeconds(), REQUESTS.sum(), errors(),
                    SERVER_ERRORS.sum(), TOKEN_FAILED_ON_SURVIVOR.sum(), SESSIONS_LOST.sum());
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
        for (int attempt = 0; attempt < backends.size() && backend == null; attempt++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
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
        String cookie = null;
        int round = 0;
        while (Instant.now().isBefore(end)) {
            round++;
            try {
                switch ((user + round) % 5) {
                    case 0, 1 -> tokenRound(client, round % 10 == 0);
                    case 2, 3 -> cookie = sessionRound(client, cookie);
                    default -> badToken(client);
                }
            } catch (IOException e) {
                error("io " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, String kind)
            throws IOException, InterruptedException {
        REQUESTS.increment();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
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
        boolean nodeDown = Files.exists(downFlag);
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
            int status = send(client, request("/api/me").header("Authorization", bearer).GET().build(), "me").statusCode();
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
            int after = send(client, request("/api/me").header("Authorization", bearer).GET().build(), "me").statusCode();
            if (after != 401) {
                error("revoked token answered " + after);
            }
        }
    }

    /** A form login when there is no session yet, then three requests with the session cookie. */
    private static String sessionRound(HttpClient client, String cookie) throws IOException, InterruptedException {
        if (cookie == null) {
            HttpResponse<String> login = send(client, form("/login", "bob", "bob-password"), "login");
            if (login.statusCode() != 303) {
                error("login " + login.statusCode());
                return null;
            }
            cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.split(";", 2)[0]).findFirst().orElse(null);
            if (cookie == null) {
                error("login without a session cookie");
                return null;
            }
        }
        for (int i = 0; i < 3; i++) {
            int status = send(client, request("/api/me").header("Cookie", cookie).GET().build(), "me").statusCode();
            if (status == 401) {
                SESSIONS_LOST.increment();
                return null;
            }
            if (status != 200) {
                error("me with session " + status);
            }
        }
        return cookie;
    }

    private static void badToken(HttpClient client) throws IOException, InterruptedException {
        int status = send(client, request("/api/me").header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.AAAA")
                .GET().build(), "bad token").statusCode();
        if (status != 401) {
            error("bad token answered " + status);
        }
    }
}
