package io.sigil.app.web;

import io.sigil.auth.mechanism.AuthenticatedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import io.sigil.auth.endpoints.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/me}: who the caller is, with which groups, and how Sigil authenticated it. A
 * caller with a token is read through MicroProfile JWT injection ({@code @Inject JsonWebToken},
 * {@code @Claim}); a caller of a session login has no token (the injected one is empty) and is
 * read from {@link AuthenticatedCaller}.
 */
@Path("me")
@RequestScoped
public class MeResource {

    /** Made once: each {@code Json.create…} call looks the JSON-P provider up again (a ServiceLoader scan). */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Context
    HttpServletRequest request;

    /** The current request's token; the empty token (no name, no claims) for a session login. */
    @Inject
    JsonWebToken token;

    /** The token's groups, read when this request-scoped resource is created. */
    @Inject
    @Claim(standard = Claims.groups)
    Set<String> tokenGroups;

    /** @return the caller as JSON, or 401 when the request is not authenticated by Sigil */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        AuthenticatedCaller caller = AuthenticatedCaller.of(request).orElse(null);
        if (caller == null) {
            return Problems.problem(Response.Status.UNAUTHORIZED, "Authentication is required.").build();
        }
        boolean byToken = caller.method() == AuthenticatedCaller.Method.TOKEN && token.getName() != null;
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        new TreeSet<>(byToken && tokenGroups != null ? tokenGroups : caller.groups()).forEach(groups::add);
        String body = JSON.createObjectBuilder()
                .add("name", byToken ? token.getName() : caller.name())
                .add("groups", groups)
                .add("authenticatedBy", caller.method().jsonName())
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
