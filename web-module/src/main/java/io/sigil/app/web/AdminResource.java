package io.sigil.app.web;

import io.sigil.app.ejb.AdminService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import io.sigil.auth.endpoints.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/admin/whoami}: calls a {@code @RolesAllowed("admin")} EJB, showing that the
 * caller and its groups reach the EJB container.
 * <p>
 * A non-admin gets 403 from this resource before the EJB is called: an EJB that refuses a caller
 * throws, and both servers log that as a failure with a stack trace (WildFly an ERROR
 * {@code WFLYEJB0034}, Payara a WARNING {@code AS-EJB-00056}), one per refused request. The EJB
 * keeps its {@code @RolesAllowed} as the last line; should it still refuse,
 * {@link EjbAccessExceptionMapper} answers 403.
 */
@Path("admin")
@RequestScoped
public class AdminResource {

    @Inject
    AdminService adminService;

    @Context
    SecurityContext securityContext;

    /** @return the web caller name and the EJB caller name, or 403 for a caller not in role admin */
    @GET
    @Path("whoami")
    @Produces(MediaType.APPLICATION_JSON)
    public Response whoami() {
        if (!securityContext.isUserInRole(AdminService.ROLE)) {
            return Problems.problem(Response.Status.FORBIDDEN, "You are not allowed to do this.").build();
        }
        String ejbCaller = adminService.callerName();
        String body = Json.createObjectBuilder()
                .add("name", securityContext.getUserPrincipal().getName())
                .add("ejbCaller", ejbCaller)
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
