package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidTokenException;

import java.util.Arrays;
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
        int length = to - from;
        if (length % 4 == 1) {
            throw new InvalidTokenException("invalid base64url length");
        }
        int last = -1;
        for (int i = from; i < to; i++) {
            last = value(s.charAt(i));
            if (last < 0) {
                throw new InvalidTokenException("invalid base64url character");
            }
        }
        if (length % 4 == 2 && (last & 0x0F) != 0 || length % 4 == 3 && (last & 0x03) != 0) {
            throw new InvalidTokenException("non-canonical base64url");
        }
        return DECODER.decode(s.substring(from, to));
    }

    /** The value of each ASCII character in the alphabet, -1 for the others. */
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (char c = 0; c < 128; c++) {
            VALUES[c] = (byte) slowValue(c);
        }
    }

    private static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }

    private static int slowValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        if (c == '_') {
            return 63;
        }
        return -1;
    }
}
