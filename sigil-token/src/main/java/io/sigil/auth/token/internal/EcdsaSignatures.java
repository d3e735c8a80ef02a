package io.sigil.auth.token.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Converts ECDSA signatures between JOSE's fixed-length R||S and the DER SEQUENCE the JDK's
 * {@code SHA*withECDSA} uses, checking lengths and ranges on the way. Stateless and thread-safe.
 */
public final class EcdsaSignatures {

    private EcdsaSignatures() {
    }

    /**
     * @param raw             R||S as in the token
     * @param componentLength the length of R and of S for the curve
     * @param order           the curve order n
     * @return the DER form, or {@code null} if the length is wrong or R or S is not in [1, n-1]
     */
    public static byte[] rawToDer(byte[] raw, int componentLength, BigInteger order) {
        if (raw == null || raw.length != 2 * componentLength) {
            return null;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, componentLength));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, componentLength, raw.length));
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(order) >= 0 || s.compareTo(order) >= 0) {
            return null;
        }
        byte[] rBytes = r.toByteArray();
        byte[] sBytes = s.toByteArray();
        int contentLength = 2 + rBytes.length + lengthOctets(rBytes.length) - 1
                + 2 + sBytes.length + lengthOctets(sBytes.length) - 1;
        ByteArrayOutputStream der = new ByteArrayOutputStream(contentLength + 4);
        der.write(0x30);
        writeLength(der, contentLength);
        der.write(0x02);
        writeLength(der, rBytes.length);
        der.writeBytes(rBytes);
        der.write(0x02);
        writeLength(der, sBytes.length);
        der.writeBytes(sBytes);
        return der.toByteArray();
    }

    /**
     * @param der             the DER SEQUENCE of two INTEGERs the JDK produced
     * @param componentLength the length of R and of S for the curve
     * @return R||S, each left-padded to {@code componentLength}
     * @throws IllegalStateException if the DER is not what the JDK writes
     */
    public static byte[] derToRaw(byte[] der, int componentLength) {
        int[] position = {0};
        expect(der, position, 0x30);
        int end = readLength(der, position) + position[0];
        if (end != der.length) {
            throw new IllegalStateException("unexpected ECDSA signature encoding");
        }
        byte[] raw = new byte[2 * componentLength];
        for (int i = 0; i < 2; i++) {
            expect(der, position, 0x02);
            int length = readLength(der, position);
            BigInteger value = new BigInteger(1, Arrays.copyOfRange(der, position[0], position[0] + length));
            position[0] += length;
            byte[] bytes = value.toByteArray();
            int start = bytes.length > componentLength ? bytes.length - componentLength : 0;
            int copied = bytes.length - start;
            if (copied > componentLength) {
                throw new IllegalStateException("unexpected ECDSA signature encoding");
            }
            System.arraycopy(bytes, start, raw, (i + 1) * componentLength - copied, copied);
        }
        return raw;
    }

    private static int lengthOctets(int length) {
        return length < 0x80 ? 1 : length < 0x100 ? 2 : 3;
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length >= 0x100) {
            out.write(0x82);
            out.write(length >>> 8);
        } else if (length >= 0x80) {
            out.write(0x81);
        }
        out.write(length & 0xFF);
    }

    private static void expect(byte[] der, int[] position, int tag) {
        if (position[0] >= der.length || (der[position[0]++] & 0xFF) != tag) {
            throw new IllegalStateException("unexpected ECDSA signature encoding");
        }
    }

    private static int readLength(byte[] der, int[] position) {
        if (position[0] >= der.length) {
            throw new IllegalStateException("unexpected ECDSA signature encoding");
        }
        int first = der[position[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int octets = first & 0x7F;
        if (octets > 2 || position[0] + octets > der.length) {
            throw new IllegalStateException("unexpected ECDSA signature encoding");
        }
        int length = 0;
        for (int i = 0; i < octets; i++) {
            length = length << 8 | der[position[0]++] & 0xFF;
        }
        if (position[0] + length > der.length) {
            throw new IllegalStateException("unexpected ECDSA signature encoding");
        }
        return length;
    }
}
