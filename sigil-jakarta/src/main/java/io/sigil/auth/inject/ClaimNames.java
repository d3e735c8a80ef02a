package io.sigil.auth.inject;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Which claim a {@link Claim} qualifier names: its {@code value}, else its {@code standard}; the
 * two may name the same claim, never two different ones. Stateless.
 */
public final class ClaimNames {

    private ClaimNames() {
    }

    /**
     * @param claim the qualifier
     * @return the claim's name
     * @throws IllegalArgumentException if it names no claim, or two different ones
     */
    public static String of(Claim claim) {
        String value = claim.value();
        Claims standard = claim.standard();
        if (!value.isEmpty() && standard != Claims.UNKNOWN && !value.equals(standard.name())) {
            throw new IllegalArgumentException("@Claim names two claims: value=" + value + ", standard=" + standard);
        }
        if (!value.isEmpty()) {
            return value;
        }
        if (standard == Claims.UNKNOWN) {
            throw new IllegalArgumentException("@Claim names no claim: give value or standard");
        }
        return standard.name();
    }
}
