package io.sigil.auth.testing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HttpServletResponse that records its status and headers. {@code sendError} marks the
 * response as sent, or throws {@link IllegalStateException} when the test said the response is
 * already committed, as a container does. Everything else is unsupported. Not thread-safe.
 */
public final class FakeResponse {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final HttpServletResponse response;
    private boolean committed;
    private int status = HttpServletResponse.SC_OK;
    private boolean errorSent;

    /** A fresh, uncommitted response with status 200. */
    public FakeResponse() {
        response = Proxies.of(HttpServletResponse.class, Map.of(
                "setHeader", args -> headers.put(((String) args[0]).toLowerCase(Locale.ROOT), (String) args[1]),
                "setStatus", args -> status = (Integer) args[0],
                "sendError", args -> sendError((Integer) args[0])));
    }

    /** Makes {@code sendError} throw, as it does once a response is committed. */
    public FakeResponse committed() {
        committed = true;
        return this;
    }

    /** @return the response as the code under test sees it */
    public HttpServletResponse servletResponse() {
        return response;
    }

    /** @return the status set or sent */
    public int status() {
        return status;
    }

    /** @return whether {@code sendError} succeeded */
    public boolean errorSent() {
        return errorSent;
    }

    /** @return the header's value, or null; names are case-insensitive */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** @return every header set, by lowercase name */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    private Object sendError(int code) {
        if (committed) {
            throw new IllegalStateException("response already committed");
        }
        status = code;
        errorSent = true;
        return null;
    }
}
