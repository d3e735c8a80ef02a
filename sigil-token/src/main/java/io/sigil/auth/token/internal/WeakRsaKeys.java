package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidKeyMaterialException;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Refuses RSA public keys with a structural weakness, whatever their size. The exponent must be
 * odd, at least 65537 and below 2^256 (FIPS 186-5 appendix A.1.1: 65537 is what every current
 * generator uses; {@code e = 3} makes a signature forgeable against a verifier with lax padding
 * checks and lets one message sent to three keys be read, and an exponent beyond 2^256 allows the
 * small private exponents that Wiener's and Boneh-Durfee's attacks recover from the public key).
 * The modulus must be odd, larger than the exponent, free of prime factors below
 * {@value #TRIAL_DIVISION_LIMIT} (found with one gcd against their product), and must not carry
 * the {@link RocaFingerprint ROCA fingerprint}. Stateless and thread-safe.
 */
public final class WeakRsaKeys {

    /** Moduli are tested for prime factors below this bound. */
    static final int TRIAL_DIVISION_LIMIT = 10_000;

    private static final BigInteger MINIMUM_EXPONENT = BigInteger.valueOf(65537);
    private static final int MAXIMUM_EXPONENT_BITS = 256;
    private static final BigInteger SMALL_PRIMES_PRODUCT = Arrays.stream(
                    RocaFingerprint.oddPrimesUpTo(TRIAL_DIVISION_LIMIT))
            .mapToObj(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);

    private WeakRsaKeys() {
    }

    /**
     * @param modulus     the key's modulus
     * @param exponent    the key's public exponent
     * @throws InvalidKeyMaterialException naming the weakness
     */
    public static void check(BigInteger modulus, BigInteger exponent) {
        if (!modulus.testBit(0)) {
            throw weak("its modulus is even");
        }
        if (!exponent.testBit(0)) {
            throw weak("its public exponent is even");
        }
        if (exponent.compareTo(MINIMUM_EXPONENT) < 0) {
            throw weak("its public exponent is below 65537");
        }
        if (exponent.compareTo(modulus) >= 0) {
            throw weak("its public exponent is not smaller than its modulus");
        }
        if (exponent.bitLength() > MAXIMUM_EXPONENT_BITS) {
            throw weak("its public exponent is 2^256 or more (FIPS 186-5 caps it there)");
        }
        if (!modulus.gcd(SMALL_PRIMES_PRODUCT).equals(BigInteger.ONE)) {
            throw weak("its modulus has a prime factor below " + TRIAL_DIVISION_LIMIT);
        }
        if (RocaFingerprint.matches(modulus)) {
            throw weak("it has the ROCA fingerprint (CVE-2017-15361, an Infineon-made key): its "
                    + "private key can be computed from the public key; replace the key pair");
        }
    }

    private static InvalidKeyMaterialException weak(String why) {
        return new InvalidKeyMaterialException("the RSA key is refused: " + why);
    }
}
