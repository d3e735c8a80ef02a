package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.identitystore.UserAccountIdentityStore;
import io.sigil.auth.token.IssuedToken;
import io.sigil.auth.token.TokenIssuer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.List;
import java.util.logging.Logger;

/**
 * The token endpoint ({@code POST <base>/token}): exchanges a user name and password, as form
 * fields or a JSON object, for a signed access token. The password goes to the application's
 * identity stores through the {@link IdentityStoreHandler}, whatever they are. Wrong credentials
 * get the same 401 whether or not the user exists; a malformed request 400; another media type
 * 415. In cookie mode the token also goes into cookies ({@link BrowserCookies}) and a browser's
 * answer carries no token, only {@code csrf_token}. Thread-safe.
 */
final class TokenEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username;
        String password;
        if (JsonBodies.hasType(request, "application/x-www-form-urlencoded")) {
            Map<String, List<String>> form = JsonBodies.form(JsonBodies.read(request));
            username = JsonBodies.single(form, "username");
            password = JsonBodies.single(form, "password");
        } else if (JsonBodies.hasType(request, "application/json")) {
            JsonObject json = JsonBodies.object(JsonBodies.read(request));
            username = json == null ? null : JsonBodies.string(json, "username");
            password = json == null ? null : JsonBodies.string(json, "password");
        } else {
            Problems.send(response, 415, "Send the fields username and password, as a form or a JSON object.");
            return;
        }
        if (username == null || password == null || username.isEmpty()
                || username.length() > UserAccountIdentityStore.MAX_USERNAME_LENGTH
                || password.length() > UserAccountIdentityStore.MAX_PASSWORD_LENGTH) {
            Problems.send(response, 400, "Send the fields username and password, as a form or a JSON object.");
            return;
        }
        CredentialValidationResult result = CDI.current().select(IdentityStoreHandler.class).get()
                .validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            response.setHeader("WWW-Authenticate",
                    "Bearer realm=\"" + CDI.current().select(SigilConfig.class).get().realm() + "\"");
            Problems.send(response, 401, "Invalid user name or password.");
            return;
        }
        TokenIssuer issuer = CDI.current().select(TokenIssuer.class).get();
        String caller = result.getCallerPrincipal().getName();
        IssuedToken token = issuer.issue(caller, result.getCallerGroups());
        LOG.fine(() -> "issued token jti=" + token.tokenId() + " to " + caller);
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("access_token", token.compact())
                .add("token_type", "Bearer")
                .add("expires_in", issuer.lifetime().toSeconds());
        SigilConfig config = CDI.current().select(SigilConfig.class).get();
        if (config.cookies().enabled()) {
            answer.add("csrf_token", BrowserCookies.signIn(response, config, caller, token.compact(), issuer.lifetime()));
            if (BrowserCookies.fromBrowser(request)) {
                // The page's scripts must not see a token the cookie already carries.
                answer.remove("access_token");
            }
        }
        byte[] body = answer.build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
