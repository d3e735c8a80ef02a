package io.sigil.auth.testing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HttpServletRequest as far as Sigil reads it: headers (names case-insensitive, cookies joined
 * into one {@code Cookie} header), the method, attributes, and the session, which
 * {@code getSession(true)} creates and {@code changeSessionId} renews as a container does.
 * Everything else is unsupported. Not thread-safe.
 */
public final class FakeRequest {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private final HttpServletRequest request;
    /** The client address every fake request comes from. */
    public static final String REMOTE_ADDRESS = "192.0.2.10";

    private String method = "GET";
    private FakeSession session;
    private int sessionsCreated;

    /** A GET request without headers or session. */
    public FakeRequest() {
        request = Proxies.of(HttpServletRequest.class, Map.of(
                "getHeaders", args -> Collections.enumeration(headerValues((String) args[0])),
                "getHeader", args -> headerValues((String) args[0]).stream().findFirst().orElse(null),
                "getMethod", args -> method,
                "getAttribute", args -> attributes.get((String) args[0]),
                "setAttribute", args -> attributes.put((String) args[0], args[1]),
                "getSession", args -> session(args.length == 0 || (Boolean) args[0]),
                "changeSessionId", args -> changeSessionId(),
                "getRemoteAddr", args -> REMOTE_ADDRESS));
    }

    /** Adds a header; a second call with the same name adds a second header. */
    public FakeRequest header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
        return this;
    }

    /** Adds a cookie to the request's one {@code Cookie} header. */
    public FakeRequest cookie(String name, String value) {
        cookies.add(name + "=" + value);
        return this;
    }

    /** Sets the method (GET unless set). */
    public FakeRequest method(String value) {
        method = value;
        return this;
    }

    /** Gives the request a session, as a cookie of an earlier response would. */
    public FakeRequest session(FakeSession value) {
        session = value;
        return this;
    }

    /** @return the request as the code under test sees it */
    public HttpServletRequest servletRequest() {
        return request;
    }

    /** @return the session the request has now, or null */
    public FakeSession session() {
        return session;
    }

    /** @return how many sessions {@code getSession(true)} created */
    public int sessionsCreated() {
        return sessionsCreated;
    }

    /** @return the attribute, or null */
    public Object attribute(String name) {
        return attributes.get(name);
    }

    private List<String> headerValues(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("cookie") && !cookies.isEmpty()) {
            List<String> values = new ArrayList<>(headers.getOrDefault(key, List.of()));
            values.add(String.join("; ", cookies));
            return values;
        }
        return headers.getOrDefault(key, List.of());
    }

    private HttpSession session(boolean create) {
        if (session == null && create) {
            sessionsCreated++;
            session = new FakeSession("created-" + sessionsCreated);
        }
        return session == null ? null : session.httpSession();
    }

    private String changeSessionId() {
        if (session == null) {
            throw new IllegalStateException("no session to change the id of");
        }
        return session.changeId();
    }
}
