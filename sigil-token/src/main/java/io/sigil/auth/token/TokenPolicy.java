package io.sigil.auth.token;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What a token must satisfy besides its signature. Immutable.
 *
 * @param issuer         the required {@code iss}
 * @param audiences      accepted {@code aud} values; when not empty the token must name one
 * @param clockSkew      tolerance applied to {@code exp}, {@code nbf} and {@code iat}; 0 to 5 minutes
 * @param maxTokenAge    when present, {@code iat} is required and may be at most this old
 * @param maxTokenLength the longest compact token accepted, in characters
 */
public record TokenPolicy(String issuer, Set<String> audiences, Duration clockSkew,
                          Optional<Duration> maxTokenAge, int maxTokenLength) {

    /** The largest clock skew a policy accepts. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** The largest maximum token age a policy accepts: one year. */
    public static final Duration MAX_TOKEN_AGE = Duration.ofDays(365);
    /** The smallest maximum token length a policy accepts, in characters. */
    public static final int MIN_TOKEN_LENGTH = 64;
    /** The largest maximum token length a policy accepts, in characters (1 MiB). */
    public static final int MAX_TOKEN_LENGTH = 1 << 20;

    /**
     * @throws IllegalArgumentException if a value is out of range
     */
    public TokenPolicy {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("the issuer must not be empty");
        }
        audiences = Set.copyOf(audiences);
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("the clock skew must be between 0 and "
                    + MAX_CLOCK_SKEW.toSeconds() + " seconds");
        }
        if (maxTokenAge.isPresent() && (maxTokenAge.get().isNegative() || maxTokenAge.get().isZero()
                || maxTokenAge.get().compareTo(MAX_TOKEN_AGE) > 0)) {
            throw new IllegalArgumentException("the maximum token age must be between 1 and "
                    + MAX_TOKEN_AGE.toSeconds() + " seconds");
        }
        if (maxTokenLength < MIN_TOKEN_LENGTH || maxTokenLength > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the maximum token length must be between " + MIN_TOKEN_LENGTH
                    + " and " + MAX_TOKEN_LENGTH);
        }
    }
}
