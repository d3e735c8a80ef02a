package io.sigil.auth.endpoints;

import io.sigil.auth.identitystore.PasswordChangeService;
import io.sigil.auth.mechanism.AuthenticatedCaller;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.throttle.LoginThrottle;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The password change endpoint ({@code POST <base>/password}): the authenticated caller changes
 * its password with {@code {"currentPassword": …, "newPassword": …}}. Every token of the caller
 * issued until now is revoked on every node, the one of this request included. Answers 204; 400
 * for a malformed request or an unacceptable new password; 401 without credentials; 403 for a
 * wrong current password; 429 with {@code Retry-After} while the {@link LoginThrottle} holds the
 * caller's or the address's attempts back (checked before the current password is hashed; a
 * wrong current password counts as a failed attempt); 404 where no store can change passwords
 * (Sigil's JDBC user store is off); 415 for a body that is not JSON. A browser's form post from
 * the account page (form fields, {@code Accept: text/html}) gets 303 back to the account page
 * with the outcome. Thread-safe.
 */
final class PasswordEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PasswordEndpoint.class.getName());

    private final EndpointSettings settings;

    PasswordEndpoint(EndpointSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PasswordChangeService passwords = CDI.current().select(PasswordChangeService.class).get();
        boolean form = JsonBodies.hasType(request, "application/x-www-form-urlencoded") && BrowserCookies.wantsHtml(request);
        if (!passwords.available()) {
            if (form) {
                backToAccount(request, response, "password-unavailable");
                return;
            }
            Problems.send(response, 404, "Passwords cannot be changed here.");
            return;
        }
        AuthenticatedCaller caller = AuthenticatedCaller.of(request).orElse(null);
        if (caller == null) {
            Problems.unauthorized(response, "Authentication is required.");
            return;
        }
        String current;
        String next;
        if (form) {
            Map<String, List<String>> fields = JsonBodies.form(JsonBodies.read(request));
            current = JsonBodies.single(fields, "currentPassword");
            next = JsonBodies.single(fields, "newPassword");
        } else if (JsonBodies.hasType(request, "application/json")) {
            JsonObject json = JsonBodies.object(JsonBodies.read(request));
            current = json == null ? null : JsonBodies.string(json, "currentPassword");
            next = json == null ? null : JsonBodies.string(json, "newPassword");
        } else {
            Problems.send(response, 415, "Send a JSON object with currentPassword and newPassword.");
            return;
        }
        if (current == null || next == null) {
            Problems.send(response, 400, "Send a JSON object with currentPassword and newPassword.");
            return;
        }
        LoginThrottle throttle = CDI.current().select(LoginThrottle.class).get();
        Optional<Duration> wait = throttle.retryAfter(caller.name(), request.getRemoteAddr());
        if (wait.isPresent()) {
            CDI.current().select(SigilMetrics.class).get().loginThrottled();
            Problems.tooManyAttempts(response, wait.get());
            return;
        }
        try {
            PasswordChangeService.Outcome outcome = passwords.change(caller.name(), current, next);
            switch (outcome) {
                case CHANGED -> throttle.succeeded(caller.name());
                case WRONG_CURRENT_PASSWORD -> throttle.failed(caller.name(), request.getRemoteAddr());
                case UNACCEPTABLE_PASSWORD -> { }
            }
            if (form) {
                backToAccount(request, response, switch (outcome) {
                    case CHANGED -> "password-changed";
                    case UNACCEPTABLE_PASSWORD -> "password-unacceptable";
                    case WRONG_CURRENT_PASSWORD -> "password-wrong";
                });
                return;
            }
            switch (outcome) {
                case CHANGED -> {
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    response.setHeader("Cache-Control", "no-store");
                }
                case UNACCEPTABLE_PASSWORD -> Problems.send(response, 400,
                        "The new password must have " + PasswordChangeService.MIN_PASSWORD_LENGTH
                                + " or more characters and differ from the current one.");
                case WRONG_CURRENT_PASSWORD -> Problems.send(response, 403, "The current password is wrong.");
            }
        } catch (SQLException e) {
            LOG.warning("cannot change the password of " + caller.name() + ": " + e.getMessage());
            LOG.log(Level.FINE, "the password change failed", e);
            response.setHeader("Retry-After", "30");
            Problems.send(response, 503, "The password could not be changed; try again later.");
        }
    }

    /** A browser's form post from the account page: 303 back to it with the outcome to show. */
    private void backToAccount(HttpServletRequest request, HttpServletResponse response, String status) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + settings.formBasePath() + "/account?status=" + status);
        response.setHeader("Cache-Control", "no-store");
    }
}
