package io.sigil.auth.metrics;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JweDecryptor;
import java.util.List;
import java.util.Locale;

/**
 * Why a presented token was refused, as a small fixed set (a metric label must have few values;
 * the core's reasons are free text and the token itself is never a label). Immutable.
 */
public enum RefusalReason {
    /** Not a well-formed token: parts, base64url, JSON, header members, an unsupported algorithm. */
    MALFORMED,
    /** The signature (or an encrypted token's tag or key) did not verify. */
    SIGNATURE,
    /** {@code exp} passed, or the token is older than {@code mp.jwt.verify.token.age}. */
    EXPIRED,
    /** {@code nbf} or {@code iat} in the future. */
    NOT_YET_VALID,
    /** The wrong {@code iss}. */
    ISSUER,
    /** No accepted {@code aud}. */
    AUDIENCE,
    /** A required claim is missing or has the wrong type. */
    CLAIMS,
    /** Revoked by a logout, a logout everywhere, a password change or a refresh token reuse. */
    REVOKED,
    /** No key for its {@code kid}, or no key of its algorithm. */
    UNKNOWN_KEY,
    /** Longer than {@code sigil.token.max-length}. */
    TOO_LARGE,
    /** Anything else. */
    OTHER;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** @return the label value, such as {@code not_yet_valid} */
    public String label() {
        return label;
    }

    /**
     * Sorts a refusal of the token core into the set. An encrypted token's refusal carries one
     * reason for every failure (no oracle for the client); its cause says which, and is used here.
     *
     * @param refusal the core's exception
     * @return its category
     */
    public static RefusalReason of(InvalidTokenException refusal) {
        if (JweDecryptor.REFUSED.equals(refusal.reason())) {
            return refusal.getCause() instanceof InvalidTokenException detail ? of(detail.reason()) : MALFORMED;
        }
        return of(refusal.reason());
    }

    /**
     * Sorts a reason of the token core ({@code InvalidTokenException.reason()}) into the set. Only
     * called for a refused token, never on the path of an accepted one.
     *
     * @param reason the core's short lowercase reason; may be null
     * @return its category, {@link #OTHER} when none fits
     */
    public static RefusalReason of(String coreReason) {
        if (coreReason == null) {
            return OTHER;
        }
        String reason = coreReason.toLowerCase(Locale.ROOT);
        if (reason.contains("signature") || reason.contains("tag mismatch")) {
            return SIGNATURE;
        }
        if (reason.contains("expired") || reason.contains("too old")) {
            return EXPIRED;
        }
        if (reason.contains("not yet valid") || reason.contains("in the future")) {
            return NOT_YET_VALID;
        }
        if (reason.contains("issuer")) {
            return ISSUER;
        }
        if (reason.contains("audience")) {
            return AUDIENCE;
        }
        if (reason.contains("unknown kid") || reason.contains("does not match the key")) {
            return UNKNOWN_KEY;
        }
        if (reason.contains("too long")) {
            return TOO_LARGE;
        }
        if (reason.startsWith("missing") || reason.contains(" must be ") || reason.contains("out of range")) {
            return CLAIMS;
        }
        return Hints.MALFORMED.stream().anyMatch(reason::contains) ? MALFORMED : OTHER;
    }

    /** Words of the core's reasons for a token that is not well-formed. */
    private static final class Hints {
        static final List<String> MALFORMED = List.of("part", "base64url", "json", "utf-8", "empty token",
                "unsupported", "not supported", "typ", "header", "critical", "does not carry", "iv or tag");
    }
}
