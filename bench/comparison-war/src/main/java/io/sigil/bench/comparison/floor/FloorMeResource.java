package io.sigil.bench.comparison.floor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/me} behind {@link FloorMechanism}: the reference application's resource with the
 * caller from the JAX-RS security context and its groups by role checks. The WAR's security
 * constraint answers 401 without credentials.
 */
@Path("me")
@RequestScoped
public class FloorMeResource {

    /** Made once: each {@code Json.create…} call looks the JSON-P provider up again (a ServiceLoader scan). */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final List<String> GROUPS = List.of("admin", "user");

    @Context
    SecurityContext security;

    /** @return the caller as JSON */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        GROUPS.stream().filter(security::isUserInRole).forEach(groups::add);
        String body = JSON.createObjectBuilder()
                .add("name", security.getUserPrincipal().getName())
                .add("groups", groups)
                .add("authenticatedBy", "floor")
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
