package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.identitystore.UserAccountIdentityStore;
import io.sigil.auth.mechanism.CsrfGuard;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.refresh.RefreshFamilies;
import io.sigil.auth.refresh.RefreshGrant;
import io.sigil.auth.throttle.LoginThrottle;
import io.sigil.auth.token.IssuedToken;
import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.identitystore.PasswordCheck;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The token endpoint ({@code POST <base>/token}), in the OAuth 2.0 form (RFC 6749), fields as a
 * URL-encoded form or a JSON object:
 * <ul>
 * <li>{@code grant_type=password} (the default when absent) with {@code username} and
 * {@code password}: the password goes to the application's identity stores through the
 * {@link IdentityStoreHandler}, after the {@link LoginThrottle} allowed the attempt (else 429 with
 * {@code Retry-After}, before anything is hashed). Wrong credentials get the same 401 whether or
 * not the user exists; a malformed request 400 (problem+json); no store that could answer (a
 * user store is down) 503 with {@code Retry-After}, see {@link PasswordCheck}.</li>
 * <li>{@code grant_type=refresh_token} with {@code refresh_token}: the token is used up and a new
 * pair issued ({@link RefreshFamilies}); a used, revoked, expired or unknown one gets 400
 * {@code {"error":"invalid_grant"}}.</li>
 * </ul>
 * A grant answers {@code access_token}, {@code token_type}, {@code expires_in} and, unless refresh
 * tokens are off, {@code refresh_token}. Another grant type gets 400
 * {@code unsupported_grant_type}; another media type 415. In cookie mode the tokens also go into
 * cookies, the refresh token may come from its cookie, and a browser's answer carries no token
 * ({@link OAuthResponses}). Thread-safe.
 */
final class TokenEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());
    private static final List<String> FIELDS = List.of("grant_type", "username", "password", "refresh_token");
    private static final String FIELDS_HINT = "Send the fields username and password, as a form or a JSON object.";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> fields = new HashMap<>();
        if (JsonBodies.hasType(request, "application/x-www-form-urlencoded")) {
            Map<String, List<String>> form = JsonBodies.form(JsonBodies.read(request));
            FIELDS.forEach(name -> fields.put(name, JsonBodies.single(form, name)));
        } else if (JsonBodies.hasType(request, "application/json")) {
            JsonObject json = JsonBodies.object(JsonBodies.read(request));
            FIELDS.forEach(name -> fields.put(name, json == null ? null : JsonBodies.string(json, name)));
        } else {
            Problems.send(response, 415, FIELDS_HINT);
            return;
        }
        String grantType = fields.get("grant_type");
        RefreshFamilies families = CDI.current().select(RefreshFamilies.class).get();
        if (grantType == null || grantType.equals("password")) {
            passwordGrant(request, response, fields.get("username"), fields.get("password"));
        } else if (grantType.equals("refresh_token") && families.settings().enabled()) {
            refreshGrant(request, response, refreshToken(request, fields.get("refresh_token")), families);
        } else {
            OAuthResponses.error(response, "unsupported_grant_type");
        }
    }

    private static void passwordGrant(HttpServletRequest request, HttpServletResponse response, String username,
                                      String password) throws IOException {
        if (username == null || password == null || username.isEmpty()
                || username.length() > UserAccountIdentityStore.MAX_USERNAME_LENGTH
                || password.length() > UserAccountIdentityStore.MAX_PASSWORD_LENGTH) {
            Problems.send(response, 400, FIELDS_HINT);
            return;
        }
        PasswordSignIn.Outcome outcome = PasswordSignIn.attempt(request, username, password);
        if (outcome instanceof PasswordSignIn.Throttled throttled) {
            Problems.tooManyAttempts(response, throttled.retryAfter());
        } else if (outcome instanceof PasswordSignIn.Unavailable) {
            response.setHeader("Retry-After", String.valueOf(PasswordCheck.RETRY_AFTER_SECONDS));
            Problems.send(response, 503, "The user store cannot be reached. Try again later.");
        } else if (outcome instanceof PasswordSignIn.Granted granted) {
            OAuthResponses.granted(request, response, granted.caller(), granted.access(), granted.lifetime(),
                    granted.refreshToken());
        } else {
            Problems.unauthorized(response, "Invalid user name or password.");
        }
    }

    /**
     * The refresh token from the request's fields, else, in cookie mode, from the refresh cookie,
     * but only for a request the browser says comes from this origin's pages: a cross-site post
     * must not use up the caller's refresh token.
     */
    private static String refreshToken(HttpServletRequest request, String field) {
        SigilConfig config = CDI.current().select(SigilConfig.class).get();
        return field != null || !config.cookies().enabled() || !CsrfGuard.fromOwnPages(request) ? field
                : BrowserCookies.value(request, config.cookies().refreshCookie());
    }

    private static void refreshGrant(HttpServletRequest request, HttpServletResponse response, String refreshToken,
                                     RefreshFamilies families) throws IOException {
        if (refreshToken == null || refreshToken.isEmpty()) {
            OAuthResponses.error(response, "invalid_request");
            return;
        }
        TokenIssuer issuer = CDI.current().select(TokenIssuer.class).get();
        RefreshGrant grant = families.refresh(refreshToken, issuer::issue);
        SigilMetrics metrics = CDI.current().select(SigilMetrics.class).get();
        if (grant instanceof RefreshGrant.Granted granted) {
            metrics.tokenIssued(SigilMetrics.Grant.REFRESH);
            LOG.fine(() -> "refreshed: token jti=" + granted.access().tokenId() + " to " + granted.caller());
            OAuthResponses.granted(request, response, granted.caller(), granted.access(), issuer.lifetime(),
                    granted.refreshToken());
        } else {
            String reason = ((RefreshGrant.Refused) grant).reason();
            LOG.fine(() -> "refresh refused: " + reason);
            if (RefreshGrant.REUSED.equals(reason)) {
                metrics.refreshReuseDetected();
            }
            OAuthResponses.error(response, "invalid_grant");
        }
    }
}
