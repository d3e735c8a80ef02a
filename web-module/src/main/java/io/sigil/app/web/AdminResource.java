package io.sigil.app.web;

import io.sigil.app.ejb.AdminService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/admin/whoami}: calls a {@code @RolesAllowed("admin")} EJB, showing that the
 * caller and its groups reach the EJB container. A non-admin gets 403 through
 * {@link EjbAccessExceptionMapper}.
 */
@Path("admin")
@RequestScoped
public class AdminResource {

    @Inject
    AdminService adminService;

    @Context
    SecurityContext securityContext;

    /** @return the web caller name and the EJB caller name */
    @GET
    @Path("whoami")
    @Produces(MediaType.APPLICATION_JSON)
    public String whoami() {
        String ejbCaller = adminService.callerName();
        return Json.createObjectBuilder()
                .add("name", securityContext.getUserPrincipal().getName())
                .add("ejbCaller", ejbCaller)
                .build().toString();
    }
}
