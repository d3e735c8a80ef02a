package io.sigil.auth.token.internal;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Recognises RSA moduli made by the key generator of CVE-2017-15361 ("ROCA", Nemec et al., ACM CCS
 * 2017): Infineon's RSA library built each prime as {@code k * M + (65537^a mod M)}, with
 * {@code M} the product of the first few dozen primes. Such a prime, and so the modulus
 * {@code n = p * q}, lies modulo {@code M} in the small subgroup that 65537 generates; from the
 * public key alone a Coppersmith-style search then finds the factors.
 *
 * <p>The test here is exact for the primes up to 167, which every vulnerable key size's {@code M}
 * contains: for each such prime {@code r} the discrete logarithm of {@code n mod r} to the base
 * 65537 must exist (found in a table of at most 166 entries), and the logarithms, each known modulo
 * the order of 65537 mod {@code r}, must fit one exponent, which holds exactly when every pair
 * agrees modulo the greatest common divisor of their orders. A random modulus passes with a
 * probability below 2^-150. Stateless and thread-safe; the tables are built once.
 */
public final class RocaFingerprint {

    private static final int GENERATOR = 65537;
    private static final int LARGEST_PRIME = 167;
    private static final int[] PRIMES = oddPrimesUpTo(LARGEST_PRIME);
    /** ORDERS[i]: the multiplicative order of 65537 modulo PRIMES[i]. */
    private static final int[] ORDERS = new int[PRIMES.length];
    /** LOGS[i][x]: the k in [0, ORDERS[i]) with 65537^k = x (mod PRIMES[i]), or -1 when there is none. */
    private static final int[][] LOGS = new int[PRIMES.length][];

    static {
        for (int i = 0; i < PRIMES.length; i++) {
            int prime = PRIMES[i];
            int base = GENERATOR % prime;
            int[] logs = new int[prime];
            Arrays.fill(logs, -1);
            int power = 1;
            int exponent = 0;
            do {
                logs[power] = exponent++;
                power = power * base % prime;
            } while (power != 1);
            ORDERS[i] = exponent;
            LOGS[i] = logs;
        }
    }

    private RocaFingerprint() {
    }

    /**
     * @param modulus an RSA modulus
     * @return whether it has the structure of the vulnerable generator
     */
    public static boolean matches(BigInteger modulus) {
        int[] logs = new int[PRIMES.length];
        for (int i = 0; i < PRIMES.length; i++) {
            logs[i] = LOGS[i][modulus.mod(BigInteger.valueOf(PRIMES[i])).intValue()];
            if (logs[i] < 0) {
                return false;
            }
        }
        for (int i = 0; i < PRIMES.length; i++) {
            for (int j = i + 1; j < PRIMES.length; j++) {
                int common = gcd(ORDERS[i], ORDERS[j]);
                if (logs[i] % common != logs[j] % common) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** @return the odd primes up to {@code limit} (2 needs no test: the modulus is odd) */
    public static int[] oddPrimesUpTo(int limit) {
        return java.util.stream.IntStream.rangeClosed(3, limit)
                .filter(n -> java.util.stream.IntStream.rangeClosed(2, (int) Math.sqrt(n)).noneMatch(d -> n % d == 0))
                .toArray();
    }
}
