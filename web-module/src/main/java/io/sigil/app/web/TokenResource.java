package io.sigil.app.web;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.identitystore.UserAccountIdentityStore;
import io.sigil.auth.token.IssuedToken;
import io.sigil.auth.token.TokenIssuer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.logging.Logger;

/**
 * {@code POST /api/auth/token}: exchanges a user name and password (form fields or JSON) for a
 * signed access token. Wrong credentials get the same 401 whether or not the user exists.
 */
@Path("auth/token")
@RequestScoped
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class.getName());

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Inject
    TokenIssuer issuer;

    @Inject
    SigilConfig config;

    /** Form login: fields {@code username} and {@code password}. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response fromForm(MultivaluedMap<String, String> form) {
        return issue(single(form, "username"), single(form, "password"));
    }

    /** JSON login: {@code {"username": …, "password": …}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response fromJson(String body) {
        JsonObject json = JsonBodies.object(body);
        if (json == null) {
            return badRequest();
        }
        return issue(JsonBodies.string(json, "username"), JsonBodies.string(json, "password"));
    }

    private Response issue(String username, String password) {
        if (username == null || password == null || username.isEmpty()
                || username.length() > UserAccountIdentityStore.MAX_USERNAME_LENGTH
                || password.length() > UserAccountIdentityStore.MAX_PASSWORD_LENGTH) {
            return badRequest();
        }
        CredentialValidationResult result =
                identityStoreHandler.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return Problems.problem(Response.Status.UNAUTHORIZED, "Invalid user name or password.")
                    .header("WWW-Authenticate", "Bearer realm=\"" + config.realm() + "\"")
                    .build();
        }
        IssuedToken token = issuer.issue(result.getCallerPrincipal().getName(), result.getCallerGroups());
        LOG.fine(() -> "issued token jti=" + token.tokenId() + " to " + result.getCallerPrincipal().getName());
        String body = Json.createObjectBuilder()
                .add("access_token", token.compact())
                .add("token_type", "Bearer")
                .add("expires_in", issuer.lifetime().toSeconds())
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    private static Response badRequest() {
        return Problems.problem(Response.Status.BAD_REQUEST,
                "Send the fields username and password, as a form or a JSON object.").build();
    }

    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }
}
