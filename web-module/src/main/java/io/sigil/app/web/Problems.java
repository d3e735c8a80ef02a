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
        String body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode())
                .add("detail", detail)
                .build().toString();
        return Response.status(status).type(MEDIA_TYPE).entity(body).header("Cache-Control", "no-store");
    }
}
