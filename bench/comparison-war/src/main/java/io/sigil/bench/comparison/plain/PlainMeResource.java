package io.sigil.bench.comparison.plain;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/me} without authentication: the reference application's resource with the same
 * JSON and headers and no caller, the load benchmark's baseline.
 */
@Path("me")
@RequestScoped
public class PlainMeResource {

    /** @return a fixed anonymous caller as JSON */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        String body = Json.createObjectBuilder()
                .add("name", "anonymous")
                .add("groups", Json.createArrayBuilder())
                .add("authenticatedBy", "none")
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
