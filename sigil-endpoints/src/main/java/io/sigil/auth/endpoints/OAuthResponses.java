package io.sigil.auth.endpoints;

import io.sigil.auth.token.IssuedToken;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.refresh.RefreshFamilies;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes the token endpoint's OAuth 2.0 answers: a successful grant (RFC 6749 §5.1) and an error
 * of a grant (§5.2, {@code {"error": …}}). Both carry {@code Cache-Control: no-store}. Stateless.
 */
final class OAuthResponses {

    private OAuthResponses() {
    }

    /**
     * A successful grant. In cookie mode ({@code sigil.cookies.enabled}) the tokens also go into
     * cookies ({@link BrowserCookies}; the refresh cookie is sent only to this endpoint's path),
     * the answer adds {@code csrf_token}, and a browser's answer carries no token at all: the
     * page's scripts must not see what the cookies hold.
     *
     * @param request      the request to the token endpoint
     * @param response     the response, not yet committed
     * @param caller       the caller's name
     * @param access       the access token
     * @param lifetime     its lifetime ({@code expires_in})
     * @param refreshToken the refresh token, or null when refresh tokens are off
     * @throws IOException if the body cannot be written
     */
    static void granted(HttpServletRequest request, HttpServletResponse response, String caller, IssuedToken access,
                        Duration lifetime, String refreshToken) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("access_token", access.compact())
                .add("token_type", "Bearer")
                .add("expires_in", lifetime.toSeconds());
        if (refreshToken != null) {
            json.add("refresh_token", refreshToken);
        }
        SigilConfig config = CDI.current().select(SigilConfig.class).get();
        if (config.cookies().enabled()) {
            json.add("csrf_token", BrowserCookies.signIn(response, config, caller, access.compact(), lifetime));
            if (refreshToken != null) {
                BrowserCookies.refresh(response, config.cookies(), request.getContextPath() + request.getServletPath(),
                        refreshToken, CDI.current().select(RefreshFamilies.class).get().settings().absoluteLifetime());
            }
            if (BrowserCookies.fromBrowser(request)) {
                json.remove("access_token");
                json.remove("refresh_token");
            }
        }
        write(response, 200, json.build().toString());
    }

    /**
     * @param response the response, not yet committed
     * @param error    the RFC 6749 §5.2 error code, such as {@code invalid_grant}
     * @throws IOException if the body cannot be written
     */
    static void error(HttpServletResponse response, String error) throws IOException {
        write(response, 400, Json.createObjectBuilder().add("error", error).build().toString());
    }

    private static void write(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
