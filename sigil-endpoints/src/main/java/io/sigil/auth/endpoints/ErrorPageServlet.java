package io.sigil.auth.endpoints;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The error page of the whole application (declared by this jar's {@code web-fragment.xml}): whatever status the
 * container or the authentication layer ends a request with, the body is a short
 * {@code application/problem+json} document, never the container's HTML page and never an
 * exception's text. Headers set before the error, such as {@code WWW-Authenticate}, are kept.
 * It touches neither the session nor CDI, and writes through whichever of the output stream or
 * writer the failed request left free, so it renders even when the request failed inside the
 * server. Stateless.
 */
public final class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request is malformed.",
            401, "Authentication is required.",
            403, "You are not allowed to do this.",
            404, "There is nothing here.",
            405, "This method is not allowed here.",
            500, "The server could not answer.");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        if (response.isCommitted()) {
            return;
        }
        byte[] body = Problems.body(status, detail(status, response.getHeader("WWW-Authenticate")))
                .getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        // The failed request may have taken the writer already: bytes go through either.
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException writerTaken) {
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String detail(int status, String challenge) {
        if (challenge != null && challenge.contains("error=\"invalid_token\"")) {
            return "The access token is not valid.";
        }
        if (challenge != null && challenge.contains("error=\"invalid_request\"")) {
            return "The token in the request is malformed.";
        }
        return DETAILS.getOrDefault(status, "The request could not be served.");
    }
}
