package io.sigil.app.web;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.config.SigilKeys;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * {@code GET /app/.well-known/jwks.json}: the public keys that verify the tokens this application
 * issues (its signing key and the keys of {@code sigil.verify.keys.location}), as a JWK Set
 * (RFC 7517), so that other services can verify them. Never a secret: with only an HMAC secret
 * the set is empty. Public, with no authentication, and cacheable for {@code sigil.jwks.max-age};
 * an {@code ETag} lets caches revalidate cheaply. Thread-safe.
 */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** RFC 7517 section 8.5; a client that wants only application/json still parses it as JSON. */
    static final String MEDIA_TYPE = "application/jwk-set+json";

    @Inject
    transient SigilKeys keys;

    @Inject
    transient SigilConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = keys.publishedJwkSet().getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + digest(body) + "\"";
        response.setHeader("Cache-Control", "public, max-age=" + config.jwksMaxAge().toSeconds());
        response.setHeader("ETag", etag);
        response.setHeader("X-Content-Type-Options", "nosniff");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
