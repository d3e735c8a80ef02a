package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilKeys;
import io.sigil.auth.metrics.SigilHealth;
import io.sigil.auth.revocation.RevocationStore;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The health check ({@code GET <base>/health}): 200 {@code {"status":"UP"}} while the signing key
 * can sign and the revocation map can be read, else 503 {@code {"status":"DOWN"}}
 * ({@link SigilHealth}). Open to anyone, so that a load balancer can ask without credentials, and
 * therefore only the status; a caller in the role of {@code sigil.metrics.role} also gets which
 * check failed. Never cached by clients; the checks run at most once a second (a signature costs
 * about a millisecond with an RSA key, and anyone may ask), later calls within that second get
 * the same result. Thread-safe.
 */
final class HealthEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final long RECHECK_MILLIS = 1000;

    /** A result and when it was checked. */
    private record Checked(SigilHealth health, long atMillis) {
    }

    private final String role;
    private transient volatile Checked last;

    /** @param role the role that sees the checks' names */
    HealthEndpoint(String role) {
        this.role = role;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SigilHealth health = current();
        boolean details = request.getUserPrincipal() != null && request.isUserInRole(role);
        byte[] body = health.toJson(details).getBytes(StandardCharsets.UTF_8);
        response.setStatus(health.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private SigilHealth current() {
        long now = System.currentTimeMillis();
        Checked known = last;
        if (known == null || now - known.atMillis() >= RECHECK_MILLIS || now < known.atMillis()) {
            known = new Checked(SigilHealth.check(CDI.current().select(SigilKeys.class).get(),
                    CDI.current().select(RevocationStore.class).get()), now);
            last = known;
        }
        return known.health();
    }
}
