package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.InvalidKeyMaterialException;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;

/**
 * Reads the members of a JWK strictly: strings where strings belong, strict base64url, fixed
 * lengths for EC coordinates and Ed25519 keys. Failures are {@link InvalidKeyMaterialException}s
 * naming the member, never its value. Stateless and thread-safe.
 */
public final class JwkMembers {

    private JwkMembers() {
    }

    public static String string(JsonObject jwk, String name) {
        String value = optional(jwk, name);
        if (value == null) {
            throw new InvalidKeyMaterialException("a JWK lacks \"" + name + "\"");
        }
        return value;
    }

    public static String optional(JsonObject jwk, String name) {
        JsonValue value = jwk.get(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidKeyMaterialException("a JWK's \"" + name + "\" must be a string");
        }
        return ((JsonString) value).getString();
    }

    public static byte[] bytes(JsonObject jwk, String name) {
        String text = string(jwk, name);
        try {
            return Base64Url.decode(text, 0, text.length());
        } catch (InvalidTokenException e) {
            throw new InvalidKeyMaterialException("a JWK's \"" + name + "\" is not base64url");
        }
    }

    public static BigInteger integer(JsonObject jwk, String name) {
        byte[] bytes = bytes(jwk, name);
        if (bytes.length == 0) {
            throw new InvalidKeyMaterialException("a JWK's \"" + name + "\" is empty");
        }
        return new BigInteger(1, bytes);
    }

    public static byte[] fixedBytes(JsonObject jwk, String name, int length) {
        byte[] bytes = bytes(jwk, name);
        if (bytes.length != length) {
            throw new InvalidKeyMaterialException("a JWK's \"" + name + "\" must be "
                    + length + " bytes");
        }
        return bytes;
    }

    public static BigInteger coordinate(JsonObject jwk, String name, JwsAlgorithm algorithm) {
        return new BigInteger(1, fixedBytes(jwk, name, algorithm.ecdsaComponentLength()));
    }
}
