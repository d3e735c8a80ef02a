package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.SigilConfigurationException;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;

/**
 * Reads the members of a JWK strictly: strings where strings belong, strict base64url, fixed
 * lengths for EC coordinates and Ed25519 keys. Failures are {@link SigilConfigurationException}s
 * naming the setting and the member, never its value. Stateless and thread-safe.
 */
public final class JwkMembers {

    private JwkMembers() {
    }

    public static String string(JsonObject jwk, String name, String settingName) {
        String value = optional(jwk, name, settingName);
        if (value == null) {
            throw new SigilConfigurationException(settingName + ": a JWK lacks \"" + name + "\"");
        }
        return value;
    }

    public static String optional(JsonObject jwk, String name, String settingName) {
        JsonValue value = jwk.get(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new SigilConfigurationException(settingName + ": a JWK's \"" + name + "\" must be a string");
        }
        return ((JsonString) value).getString();
    }

    public static byte[] bytes(JsonObject jwk, String name, String settingName) {
        String text = string(jwk, name, settingName);
        try {
            return Base64Url.decode(text, 0, text.length());
        } catch (InvalidTokenException e) {
            throw new SigilConfigurationException(settingName + ": a JWK's \"" + name + "\" is not base64url");
        }
    }

    public static BigInteger integer(JsonObject jwk, String name, String settingName) {
        byte[] bytes = bytes(jwk, name, settingName);
        if (bytes.length == 0) {
            throw new SigilConfigurationException(settingName + ": a JWK's \"" + name + "\" is empty");
        }
        return new BigInteger(1, bytes);
    }

    public static byte[] fixedBytes(JsonObject jwk, String name, int length, String settingName) {
        byte[] bytes = bytes(jwk, name, settingName);
        if (bytes.length != length) {
            throw new SigilConfigurationException(settingName + ": a JWK's \"" + name + "\" must be "
                    + length + " bytes");
        }
        return bytes;
    }

    public static BigInteger coordinate(JsonObject jwk, String name, JwsAlgorithm algorithm, String settingName) {
        return new BigInteger(1, fixedBytes(jwk, name, algorithm.ecdsaComponentLength(), settingName));
    }
}
