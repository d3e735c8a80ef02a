package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilConfig;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;

/**
 * Builds RFC 9457 {@code application/problem+json} answers, for servlets and for JAX-RS
 * resources alike, so that every error of an application that uses Sigil looks the same. Never
 * puts an exception's text or class into an answer. Stateless and thread-safe.
 */
public final class Problems {

    /** The media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /**
     * A JAX-RS answer carrying a problem document; {@code Cache-Control: no-store}.
     *
     * @param status the HTTP status
     * @param detail a short sentence for the client, with nothing of an exception in it
     * @return the builder, for more headers
     */
    public static Response.ResponseBuilder problem(Response.Status status, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(status.getStatusCode(), detail))
                .header("Cache-Control", "no-store");
    }

    /**
     * The problem document for a status, titled with the status's reason phrase.
     *
     * @param status the HTTP status
     * @param detail a short sentence for the client
     * @return the JSON text
     */
    public static String body(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", known == null ? "Error" : known.getReasonPhrase())
                .add("status", status)
                .add("detail", detail)
                .build().toString();
    }

    /**
     * Writes a 401 problem answer with the Bearer challenge of the configured realm.
     *
     * @param response the response, not yet committed
     * @param detail   a short sentence for the client
     * @throws IOException if the body cannot be written
     */
    static void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate",
                "Bearer realm=\"" + CDI.current().select(SigilConfig.class).get().realm() + "\"");
        send(response, 401, detail);
    }

    /**
     * Writes a problem answer on a servlet response; {@code Cache-Control: no-store}.
     *
     * @param response the response, not yet committed
     * @param status   the HTTP status
     * @param detail   a short sentence for the client
     * @throws IOException if the body cannot be written
     */
    static void send(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body(status, detail));
    }

    /**
     * Answers a throttled password attempt: 429, {@code Retry-After} in seconds, a problem body.
     *
     * @param response the response, not yet committed
     * @param wait     how long the client must wait
     * @throws IOException if the body cannot be written
     */
    static void tooManyAttempts(HttpServletResponse response, Duration wait) throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        send(response, 429, "Too many failed sign-in attempts; try again after " + Math.max(1, wait.toSeconds())
                + " seconds.");
    }
}
