package io.sigil.auth.endpoints;

import io.sigil.auth.token.IssuedToken;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
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
     * @param response     the response, not yet committed
     * @param access       the access token
     * @param lifetime     its lifetime ({@code expires_in})
     * @param refreshToken the refresh token, or null when refresh tokens are off
     * @throws IOException if the body cannot be written
     */
    static void granted(HttpServletResponse response, IssuedToken access, Duration lifetime, String refreshToken)
            throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("access_token", access.compact())
                .add("token_type", "Bearer")
                .add("expires_in", lifetime.toSeconds());
        if (refreshToken != null) {
            json.add("refresh_token", refreshToken);
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
