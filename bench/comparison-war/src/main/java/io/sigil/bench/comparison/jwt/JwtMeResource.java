package io.sigil.bench.comparison.jwt;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/me} behind WildFly's MicroProfile JWT: the reference application's resource,
 * reading the caller from the injected token. The WAR's security constraint answers 401 without
 * a token.
 */
@Path("me")
@RequestScoped
public class JwtMeResource {

    @Inject
    JsonWebToken token;

    /** @return the caller as JSON */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        new TreeSet<>(token.getGroups()).forEach(groups::add);
        String body = Json.createObjectBuilder()
                .add("name", token.getName())
                .add("groups", groups)
                .add("authenticatedBy", "mp-jwt")
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
