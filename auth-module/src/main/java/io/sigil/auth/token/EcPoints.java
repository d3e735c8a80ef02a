package io.sigil.auth.token;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.util.HexFormat;

/** Small helpers for EC and Ed25519 key encodings. Stateless and thread-safe. */
final class EcPoints {

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private EcPoints() {
    }

    /** @return whether (x, y) lies on the prime curve: y^2 = x^3 + ax + b (mod p), 0 <= x, y < p */
    static boolean isOnCurve(BigInteger x, BigInteger y, ECParameterSpec curve) {
        BigInteger p = ((ECFieldFp) curve.getCurve().getField()).getP();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getCurve().getA().multiply(x)).add(curve.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    /** @return the unsigned big-endian value left-padded to {@code length} bytes */
    static byte[] fixedLength(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copied = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copied, out, length - copied, copied);
        return out;
    }

    /** @return the X.509 SubjectPublicKeyInfo of a raw 32-byte Ed25519 public key */
    static byte[] ed25519Spki(byte[] raw) {
        return concat(ED25519_SPKI_PREFIX, raw);
    }

    /** @return the PKCS#8 PrivateKeyInfo of a raw 32-byte Ed25519 seed */
    static byte[] ed25519Pkcs8(byte[] seed) {
        return concat(ED25519_PKCS8_PREFIX, seed);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
