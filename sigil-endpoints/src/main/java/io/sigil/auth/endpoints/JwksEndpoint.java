package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.config.SigilKeys;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The JWKS endpoint ({@code GET /.well-known/jwks.json} in the application): the public keys that verify the tokens this application
 * issues (its signing key and the keys of {@code sigil.verify.keys.location}), as a JWK Set
 * (RFC 7517), so that other services can verify them. Never a secret: with only an HMAC secret
 * the set is empty. Public, with no authentication, and cacheable for {@code sigil.jwks.max-age};
 * an {@code ETag} lets caches revalidate cheaply. Thread-safe.
 */
final class JwksEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** RFC 7517 section 8.5; a client that wants only application/json still parses it as JSON. */
    static final String MEDIA_TYPE = "application/jwk-set+json";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SigilKeys keys = CDI.current().select(SigilKeys.class).get();
        SigilConfig config = CDI.current().select(SigilConfig.class).get();
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
