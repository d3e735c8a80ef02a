package io.sigil.auth.testing;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An HttpSession that keeps its attributes in a map and can be given a new id. Not thread-safe. */
public final class FakeSession {

    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final HttpSession session;
    private volatile String id;
    private int idChanges;
    private boolean invalidated;

    /** @param id the session id */
    public FakeSession(String id) {
        this.id = id;
        this.session = Proxies.of(HttpSession.class, Map.of(
                "getId", args -> this.id,
                "getAttribute", args -> attributes.get((String) args[0]),
                "setAttribute", args -> attributes.put((String) args[0], args[1]),
                "invalidate", args -> {
                    invalidated = true;
                    attributes.clear();
                    return null;
                }));
    }

    /** @return the session as the code under test sees it */
    public HttpSession httpSession() {
        return session;
    }

    /** @return the current id */
    public String id() {
        return id;
    }

    /** @return the attribute, or null */
    public Object attribute(String name) {
        return attributes.get(name);
    }

    /** Sets an attribute, as an earlier request would have. */
    public FakeSession attribute(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    /** @return whether the session was invalidated */
    public boolean invalidated() {
        return invalidated;
    }

    /** @return how often the id was changed */
    public int idChanges() {
        return idChanges;
    }

    /** Gives the session a new id, as {@code HttpServletRequest.changeSessionId} does. */
    String changeId() {
        idChanges++;
        id = id + "-renewed-" + idChanges;
        return id;
    }
}
