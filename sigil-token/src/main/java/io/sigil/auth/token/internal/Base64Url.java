package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidTokenException;

import java.util.Base64;

/**
 * Strict unpadded base64url (RFC 7515 section 2): only the URL-safe alphabet, no padding, no
 * whitespace, and the unused low bits of the last character must be zero, so that every byte
 * string has exactly one accepted encoding. Stateless and thread-safe.
 */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes {@code s[from, to)}.
     *
     * @throws InvalidTokenException if the text is not canonical unpadded base64url
     */
    public static byte[] decode(String s, int from, int to) throws InvalidTokenException {
        String text = s.substring(from, to);
        if (text.length() % 4 == 1) {
            throw new InvalidTokenException("invalid base64url length");
        }
        // The JDK's decoder takes only the URL-safe alphabet, but also accepts padding.
        if (text.indexOf('=') >= 0) {
            throw new InvalidTokenException("invalid base64url character");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("invalid base64url character");
        }
        // It also ignores the unused low bits of the last character: only the canonical text passes.
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new InvalidTokenException("non-canonical base64url");
        }
        return bytes;
    }
}
