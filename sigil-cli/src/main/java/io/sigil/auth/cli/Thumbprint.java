package io.sigil.auth.cli;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The RFC 7638 SHA-256 thumbprint of a public JWK, {@code keygen}'s default {@code kid}: stable
 * for the key, and the same any other RFC 7638 tool computes. Stateless.
 */
final class Thumbprint {

    private Thumbprint() {
    }

    /**
     * @param publicJwk an RSA, EC or OKP public JWK
     * @return the base64url thumbprint
     */
    static String of(JsonObject publicJwk) {
        String kty = publicJwk.getString("kty");
        List<String> members = switch (kty) {
            case "RSA" -> List.of("e", "kty", "n");
            case "EC" -> List.of("crv", "kty", "x", "y");
            case "OKP" -> List.of("crv", "kty", "x");
            default -> throw new IllegalArgumentException("no thumbprint for kty " + kty);
        };
        // Required members only, in lexicographic order, no white space. Every value is
        // base64url or a curve name, so nothing needs escaping.
        StringBuilder canonical = new StringBuilder("{");
        for (String member : members) {
            canonical.append(canonical.length() > 1 ? "," : "")
                    .append('"').append(member).append("\":\"").append(publicJwk.getString(member)).append('"');
        }
        canonical.append('}');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
