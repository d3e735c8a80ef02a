package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JwtClaims;
import io.sigil.auth.token.TokenPolicy;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the claims of a verified token, parsed by {@link StrictJson}, against a
 * {@link TokenPolicy}, in this order, each failure with its own reason: {@code exp} (required),
 * {@code nbf}, {@code iat}, the maximum age, {@code iss}, {@code aud}, the caller name
 * ({@code upn}, else {@code preferred_username}, else {@code sub}), {@code groups}, {@code jti}.
 * Times are compared in whole epoch seconds, which is exact: NumericDates and the clock skew are
 * whole seconds. Stateless and thread-safe.
 */
public final class ClaimChecks {

    /** The latest NumericDate accepted: 9999-12-31T23:59:59Z. */
    private static final long MAX_NUMERIC_DATE = 253_402_300_799L;
    /** Marks an absent NumericDate; accepted ones are never negative. */
    private static final long ABSENT = -1;
    private static final int MAX_NAME_LENGTH = 256;

    private ClaimChecks() {
    }

    /**
     * @param claims the verified claims, as {@link StrictJson#parseObject} parsed them; they
     *               become {@link JwtClaims#json()}
     * @param policy the requirements
     * @param now    the current time
     * @return the checked claims
     * @throws InvalidTokenException if a claim has the wrong type or fails the policy
     */
    public static JwtClaims check(JsonObject claims, TokenPolicy policy, Instant now) throws InvalidTokenException {
        long nowSeconds = now.getEpochSecond();
        long skew = policy.clockSkew().toSeconds();

        long expiresAt = numericDate(claims, "exp");
        if (expiresAt == ABSENT) {
            throw new InvalidTokenException("missing exp");
        }
        // now < exp + skew, exactly, since exp + skew is a whole second
        if (nowSeconds >= expiresAt + skew) {
            throw new InvalidTokenException("token expired");
        }
        long notBefore = numericDate(claims, "nbf");
        if (notBefore != ABSENT && nowSeconds + skew < notBefore) {
            throw new InvalidTokenException("token not yet valid");
        }
        long issuedAt = numericDate(claims, "iat");
        if (issuedAt != ABSENT && nowSeconds + skew < issuedAt) {
            throw new InvalidTokenException("token issued in the future");
        }
        if (policy.maxTokenAge().isPresent()) {
            if (issuedAt == ABSENT) {
                throw new InvalidTokenException("missing iat");
            }
            // the maximum age may have a fraction of a second: Instant arithmetic
            if (Instant.ofEpochSecond(issuedAt).plus(policy.maxTokenAge().get()).plusSeconds(skew).isBefore(now)) {
                throw new InvalidTokenException("token too old");
            }
        }

        String issuer = StrictJson.optionalString(claims, "iss");
        if (!policy.issuer().equals(issuer)) {
            throw new InvalidTokenException("wrong issuer");
        }
        Set<String> audience = claims.get("aud") instanceof JsonString one ? Set.of(one.getString())
                : strings(claims, "aud");
        if (!policy.audiences().isEmpty() && audience.stream().noneMatch(policy.audiences()::contains)) {
            throw new InvalidTokenException("wrong audience");
        }

        String subject = StrictJson.optionalString(claims, "sub");
        String name = callerName(claims, subject);
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
                || name.codePoints().anyMatch(ClaimChecks::isForbiddenInName)) {
            throw new InvalidTokenException("missing or invalid caller name");
        }
        Set<String> groups = strings(claims, "groups");
        String tokenId = StrictJson.optionalString(claims, "jti");
        return new JwtClaims(name, subject, issuer, audience, groups,
                issuedAt == ABSENT ? null : Instant.ofEpochSecond(issuedAt), Instant.ofEpochSecond(expiresAt),
                tokenId, claims);
    }

    /** @return {@code upn}, else {@code preferred_username} (read only when there is no upn), else the subject */
    private static String callerName(JsonObject claims, String subject) throws InvalidTokenException {
        String upn = StrictJson.optionalString(claims, "upn");
        if (upn != null) {
            return upn;
        }
        String preferredUsername = StrictJson.optionalString(claims, "preferred_username");
        return preferredUsername != null ? preferredUsername : subject;
    }

    /** A control character, or an unpaired surrogate ({@code codePoints()} yields it on its own). */
    private static boolean isForbiddenInName(int codePoint) {
        return codePoint < 0x20 || codePoint == 0x7f
                || codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    private static long numericDate(JsonObject claims, String name) throws InvalidTokenException {
        JsonValue value = claims.get(name);
        if (value == null) {
            return ABSENT;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new InvalidTokenException(name + " must be an integer NumericDate");
        }
        long seconds;
        try {
            seconds = number.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidTokenException(name + " is out of range", e);
        }
        if (seconds < 0 || seconds > MAX_NUMERIC_DATE) {
            throw new InvalidTokenException(name + " is out of range");
        }
        return seconds;
    }

    private static Set<String> strings(JsonObject claims, String name) throws InvalidTokenException {
        JsonValue value = claims.get(name);
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidTokenException(name + " must be an array of strings");
        }
        List<String> strings = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (!(element instanceof JsonString string)) {
                throw new InvalidTokenException(name + " must be an array of strings");
            }
            strings.add(string.getString());
        }
        // copyOf drops repeated values
        return Set.copyOf(strings);
    }
}
