package io.sigil.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints HS256 tokens with the JDK alone, independently of Sigil's own code, using the secret the
 * build gave the server under test.
 */
final class TestTokens {

    static final byte[] SERVER_SECRET = Base64.getUrlDecoder().decode(
            System.getProperty("sigil.it.secret", "c2lnaWwtaW50ZWdyYXRpb24tdGVzdC1zZWNyZXQtMzI"));

    private TestTokens() {
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String claims(String name, String groupsJson, long exp) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"sigil\",\"sub\":\"" + name + "\",\"upn\":\"" + name + "\",\"groups\":" + groupsJson
                + ",\"iat\":" + now + ",\"exp\":" + exp + ",\"jti\":\"it-" + System.nanoTime() + "\"}";
    }

    static String hs256(String headerJson, String claimsJson, byte[] secret) {
        String signingInput = b64(headerJson) + "." + b64(claimsJson);
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(signingInput, secret));
    }

    /** @return the claims of a compact JWS, read without checking anything (what a test inspects) */
    static JsonObject payload(String token) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static String valid(String name, String groupsJson) {
        return hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                claims(name, groupsJson, System.currentTimeMillis() / 1000 + 300), SERVER_SECRET);
    }

    private static byte[] mac(String input, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
