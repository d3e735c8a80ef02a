package io.sigil.app.web;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.identitystore.PasswordChangeService;
import io.sigil.auth.mechanism.AuthenticatedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /api/auth/password}: the authenticated caller changes its password with
 * {@code {"currentPassword": …, "newPassword": …}}. Every token of the caller issued until now is
 * revoked on every node, the one of this request included. Answers 204; 400 for a malformed
 * request or an unacceptable new password; 401 without credentials; 403 for a wrong current
 * password.
 */
@Path("auth/password")
@RequestScoped
public class PasswordResource {

    private static final Logger LOG = Logger.getLogger(PasswordResource.class.getName());

    @Context
    HttpServletRequest request;

    @Inject
    PasswordChangeService passwords;

    @Inject
    SigilConfig config;

    /**
     * @param body the JSON request
     * @return the answer described on the class
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(String body) {
        AuthenticatedCaller caller = AuthenticatedCaller.of(request).orElse(null);
        if (caller == null) {
            return Problems.problem(Response.Status.UNAUTHORIZED, "Authentication is required.")
                    .header("WWW-Authenticate", "Bearer realm=\"" + config.realm() + "\"").build();
        }
        JsonObject json = JsonBodies.object(body);
        String current = json == null ? null : JsonBodies.string(json, "currentPassword");
        String next = json == null ? null : JsonBodies.string(json, "newPassword");
        if (current == null || next == null) {
            return Problems.problem(Response.Status.BAD_REQUEST,
                    "Send a JSON object with currentPassword and newPassword.").build();
        }
        try {
            return switch (passwords.change(caller.name(), current, next)) {
                case CHANGED -> Response.noContent().header("Cache-Control", "no-store").build();
                case UNACCEPTABLE_PASSWORD -> Problems.problem(Response.Status.BAD_REQUEST,
                        "The new password must have " + PasswordChangeService.MIN_PASSWORD_LENGTH
                                + " or more characters and differ from the current one.").build();
                case WRONG_CURRENT_PASSWORD -> Problems.problem(Response.Status.FORBIDDEN,
                        "The current password is wrong.").build();
            };
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot change the password of " + caller.name(), e);
            return Problems.problem(Response.Status.INTERNAL_SERVER_ERROR, "The password could not be changed.")
                    .build();
        }
    }
}
