package io.sigil.app.web;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;

/**
 * Builds RFC 9457 {@code application/problem+json} responses. Never puts an exception's text or
 * class into a response. Stateless.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static Response.ResponseBuilder problem(Response.Status status, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(status.getStatusCode(), detail))
                .header("Cache-Control", "no-store");
    }

    /** @return the problem document for a status, titled with the status's reason phrase */
    static String body(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", known == null ? "Error" : known.getReasonPhrase())
                .add("status", status)
                .add("detail", detail)
                .build().toString();
    }
}
