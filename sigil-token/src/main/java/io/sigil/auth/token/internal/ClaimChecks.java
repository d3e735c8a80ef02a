package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JwtClaims;
import io.sigil.auth.token.TokenPolicy;

import jakarta.json.JsonNumber;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Checks the members {@link ClaimsReader} kept from a verified payload against a
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
     * @param kept    what {@link ClaimsReader} kept from {@code payload}
     * @param payload the verified claims bytes, parsed into {@link JwtClaims#json()} on first use
     * @param policy  the requirements
     * @param now     the current time
     * @return the checked claims
     * @throws InvalidTokenException if a claim has the wrong type or fails the policy
     */
    public static JwtClaims check(ClaimsReader.Kept kept, byte[] payload, TokenPolicy policy, Instant now)
            throws InvalidTokenException {
        long nowSeconds = now.getEpochSecond();
        long skew = policy.clockSkew().toSeconds();

        long expiresAt = numericDate(kept, ClaimsReader.EXP, "exp");
        if (expiresAt == ABSENT) {
            throw new InvalidTokenException("missing exp");
        }
        // now < exp + skew, exactly, since exp + skew is a whole second
        if (nowSeconds >= expiresAt + skew) {
            throw new InvalidTokenException("token expired");
        }
        long notBefore = numericDate(kept, ClaimsReader.NBF, "nbf");
        if (notBefore != ABSENT && nowSeconds + skew < notBefore) {
            throw new InvalidTokenException("token not yet valid");
        }
        long issuedAt = numericDate(kept, ClaimsReader.IAT, "iat");
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

        String issuer = optionalString(kept, ClaimsReader.ISS, "iss");
        if (!policy.issuer().equals(issuer)) {
            throw new InvalidTokenException("wrong issuer");
        }
        Set<String> audience = stringOrStrings(kept, ClaimsReader.AUD, "aud");
        if (!policy.audiences().isEmpty() && !containsAny(policy.audiences(), audience)) {
            throw new InvalidTokenException("wrong audience");
        }

        String subject = optionalString(kept, ClaimsReader.SUB, "sub");
        String name = optionalString(kept, ClaimsReader.UPN, "upn");
        if (name == null) {
            name = optionalString(kept, ClaimsReader.PREFERRED_USERNAME, "preferred_username");
        }
        if (name == null) {
            name = subject;
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH || hasForbiddenCharacter(name)) {
            throw new InvalidTokenException("missing or invalid caller name");
        }
        Set<String> groups = strings(kept, ClaimsReader.GROUPS, "groups");
        String tokenId = optionalString(kept, ClaimsReader.JTI, "jti");
        return new JwtClaims(name, subject, issuer, audience, groups,
                issuedAt == ABSENT ? null : Instant.ofEpochSecond(issuedAt), Instant.ofEpochSecond(expiresAt),
                tokenId, new LazyClaimsJson(payload));
    }

    private static boolean containsAny(Set<String> accepted, Set<String> audience) {
        for (String value : audience) {
            if (accepted.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A control character (below U+0020, or U+007F) or an unpaired surrogate; a surrogate pair
     * is one supplementary character and allowed.
     */
    static boolean hasForbiddenCharacter(String name) {
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(name.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    private static String optionalString(ClaimsReader.Kept kept, int member, String name)
            throws InvalidTokenException {
        Object value = kept.get(member);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidTokenException(name + " must be a string");
    }

    private static long numericDate(ClaimsReader.Kept kept, int member, String name) throws InvalidTokenException {
        Object value = kept.get(member);
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

    private static Set<String> stringOrStrings(ClaimsReader.Kept kept, int member, String name)
            throws InvalidTokenException {
        Object value = kept.get(member);
        return value instanceof String string ? Set.of(string) : strings(kept, member, name);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> strings(ClaimsReader.Kept kept, int member, String name) throws InvalidTokenException {
        Object value = kept.get(member);
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List)) {
            throw new InvalidTokenException(name + " must be an array of strings");
        }
        // copyOf drops repeated values, as a set of the array's strings does
        return Set.copyOf((List<String>) value);
    }
}
