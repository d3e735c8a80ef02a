package io.sigil.auth.token.internal;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.HexFormat;

/** Small helpers for EC and Ed25519 key encodings. Stateless and thread-safe. */
public final class EcPoints {

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private EcPoints() {
    }

    /** @return whether (x, y) lies on the prime curve: y^2 = x^3 + ax + b (mod p), 0 <= x, y < p */
    public static boolean isOnCurve(BigInteger x, BigInteger y, ECParameterSpec curve) {
        BigInteger p = ((ECFieldFp) curve.getCurve().getField()).getP();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getCurve().getA().multiply(x)).add(curve.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    /**
     * Multiplies the curve's generator by {@code k} (affine double-and-add). Used once, at start-up,
     * to find the public key of an EC private key whose PKCS#8 encoding does not embed it (the
     * JDK's own encoding); not constant-time, so never used on a per-request path.
     *
     * @return k*G
     */
    public static ECPoint multiplyGenerator(BigInteger k, ECParameterSpec curve) {
        BigInteger p = ((ECFieldFp) curve.getCurve().getField()).getP();
        BigInteger a = curve.getCurve().getA();
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = curve.getGenerator();
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                result = add(result, addend, p, a);
            }
            addend = add(addend, addend, p, a);
        }
        return result;
    }

    private static ECPoint add(ECPoint u, ECPoint v, BigInteger p, BigInteger a) {
        if (u.equals(ECPoint.POINT_INFINITY)) {
            return v;
        }
        if (v.equals(ECPoint.POINT_INFINITY)) {
            return u;
        }
        BigInteger lambda;
        if (u.getAffineX().equals(v.getAffineX())) {
            if (!u.getAffineY().equals(v.getAffineY()) || u.getAffineY().signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger x = u.getAffineX();
            lambda = x.multiply(x).multiply(BigInteger.valueOf(3)).add(a)
                    .multiply(u.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = v.getAffineY().subtract(u.getAffineY())
                    .multiply(v.getAffineX().subtract(u.getAffineX()).modInverse(p)).mod(p);
        }
        BigInteger x = lambda.multiply(lambda).subtract(u.getAffineX()).subtract(v.getAffineX()).mod(p);
        BigInteger y = lambda.multiply(u.getAffineX().subtract(x)).subtract(u.getAffineY()).mod(p);
        return new ECPoint(x, y);
    }

    /** @return the unsigned big-endian value left-padded to {@code length} bytes */
    public static byte[] fixedLength(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copied = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copied, out, length - copied, copied);
        return out;
    }

    /** @return the X.509 SubjectPublicKeyInfo of a raw 32-byte Ed25519 public key */
    public static byte[] ed25519Spki(byte[] raw) {
        return concat(ED25519_SPKI_PREFIX, raw);
    }

    /** @return the PKCS#8 PrivateKeyInfo of a raw 32-byte Ed25519 seed */
    public static byte[] ed25519Pkcs8(byte[] seed) {
        return concat(ED25519_PKCS8_PREFIX, seed);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
