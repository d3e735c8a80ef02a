package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilKeys;
import io.sigil.auth.metrics.MetricsReport;
import io.sigil.auth.metrics.PrometheusText;
import io.sigil.auth.metrics.SigilMetrics;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The metrics endpoint ({@code GET <base>/metrics}): this application's Sigil counters and key
 * ring gauges in the Prometheus text format ({@link MetricsReport}), for a caller in the role of
 * {@code sigil.metrics.role}, authenticated like any other caller (a bearer token, or a session
 * login). 401 with a Bearer challenge without a caller, 403 for a caller without the role; never
 * cached. Thread-safe.
 */
final class MetricsEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String role;

    /** @param role the role a caller needs */
    MetricsEndpoint(String role) {
        this.role = role;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            Problems.unauthorized(response, "Authentication is required.");
            return;
        }
        if (!request.isUserInRole(role)) {
            Problems.send(response, 403, "The metrics need the role " + role + ".");
            return;
        }
        String text = MetricsReport.render(CDI.current().select(SigilMetrics.class).get(),
                CDI.current().select(SigilKeys.class).get().state());
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(PrometheusText.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
