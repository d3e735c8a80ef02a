package io.sigil.auth.testing;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The platform's {@link Pbkdf2PasswordHash}, as far as Sigil uses it, over the JDK's
 * {@link SecretKeyFactory}, writing the documented format
 * {@code <algorithm>:<iterations>:<base64 salt>:<base64 hash>}. It takes the algorithm, salt and
 * key sizes it is initialised with; the iteration count too, but at most the cap it was built
 * with, so that a suite does not spend seconds on 210,000 iterations per hash. The count used is
 * written into each hash, so {@link #verify} stays consistent; {@link #parameters()} shows what
 * the code under test asked for. Thread-safe.
 */
public final class TestPbkdf2PasswordHash implements Pbkdf2PasswordHash {

    private static final String PREFIX = "Pbkdf2PasswordHash.";

    private final int maxIterations;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger verifications = new AtomicInteger();
    private volatile Map<String, String> parameters = Map.of();

    /** @param maxIterations the most iterations a hash is computed with */
    public TestPbkdf2PasswordHash(int maxIterations) {
        this.maxIterations = maxIterations;
    }

    /** @return a hash capped at 1,000 iterations, for fast tests */
    public static TestPbkdf2PasswordHash fast() {
        return new TestPbkdf2PasswordHash(1_000);
    }

    @Override
    public void initialize(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    @Override
    public String generate(char[] password) {
        String algorithm = parameter("Algorithm", "PBKDF2WithHmacSHA256");
        int iterations = Math.min(Integer.parseInt(parameter("Iterations", "210000")), maxIterations);
        byte[] salt = new byte[Integer.parseInt(parameter("SaltSizeBytes", "32"))];
        random.nextBytes(salt);
        byte[] hash = derive(algorithm, password, salt, iterations, Integer.parseInt(parameter("KeySizeBytes", "32")));
        Base64.Encoder base64 = Base64.getEncoder();
        return algorithm + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
        verifications.incrementAndGet();
        String[] parts = hashedPassword.split(":");
        if (parts.length != 4) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(parts[0], password, Base64.getDecoder().decode(parts[2]),
                Integer.parseInt(parts[1]), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** @return the parameters of the last {@link #initialize} call, empty before */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** @return how many times {@link #verify} ran */
    public int verifications() {
        return verifications.get();
    }

    private String parameter(String name, String defaultValue) {
        return parameters.getOrDefault(PREFIX + name, defaultValue);
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
        try {
            return SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password, salt, iterations, keyBytes * 8)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }
}
