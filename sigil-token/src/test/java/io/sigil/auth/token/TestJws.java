package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds HS256 JWS compact tokens with the JDK alone ({@link Mac} and {@link Base64}), so that the
 * tests do not depend on {@link TokenIssuer} or {@link Base64Url}. Test secrets are made here too.
 */
final class TestJws {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Encoder URL_PADDED = Base64.getUrlEncoder();

    /** The base64url alphabet in value order. */
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** {@code {"alg":"HS256","typ":"JWT"}} */
    static final String HS256_HEADER = json("{'alg':'HS256','typ':'JWT'}");

    /** A JSON text written into a claims set verbatim. */
    record Raw(String json) {
    }

    private TestJws() {
    }

    /** @return 32 pseudo-random bytes, the same for the same seed */
    static byte[] secret(long seed) {
        byte[] secret = new byte[32];
        new Random(seed).nextBytes(secret);
        return secret;
    }

    /** Lets tests write JSON with single quotes: {@code json("{'alg':'none'}")}. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static Raw raw(String json) {
        return new Raw(json);
    }

    static String b64(byte[] bytes) {
        return URL.encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Padded base64url; fails if the text happens to need no padding. */
    static String b64Padded(String text) {
        String encoded = URL_PADDED.encodeToString(text.getBytes(StandardCharsets.UTF_8));
        if (!encoded.endsWith("=")) {
            throw new IllegalArgumentException("text needs no padding: " + text);
        }
        return encoded;
    }

    static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    static String decodeToString(String part) {
        return new String(decode(part), StandardCharsets.UTF_8);
    }

    static byte[] hmacSha256(byte[] secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** @return {@code signingInput + "." + base64url(HMAC-SHA256(signingInput))}, whatever the input holds */
    static String sign(byte[] secret, String signingInput) {
        return signingInput + "." + b64(hmacSha256(secret, signingInput));
    }

    static String token(byte[] secret, String headerJson, String claimsJson) {
        return sign(secret, b64(headerJson) + "." + b64(claimsJson));
    }

    static String token(byte[] secret, byte[] header, byte[] claims) {
        return sign(secret, b64(header) + "." + b64(claims));
    }

    /** @return the dot-separated parts, empty ones included */
    static String[] parts(String compact) {
        return compact.split("\\.", -1);
    }

    /** Serialises members in order; values are String, Number, Boolean, null, List or {@link Raw}. */
    static String object(Map<String, ?> members) {
        StringJoiner joiner = new StringJoiner(",", "{", "}");
        members.forEach((name, value) -> joiner.add(string(name) + ":" + value(value)));
        return joiner.toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TestJws::value).collect(Collectors.joining(",", "[", "]"));
        }
        throw new IllegalArgumentException("unsupported JSON value " + value.getClass());
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
