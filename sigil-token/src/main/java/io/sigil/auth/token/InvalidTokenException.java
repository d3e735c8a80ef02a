package io.sigil.auth.token;

/**
 * Thrown when a presented token is not accepted: malformed, wrongly signed, expired or otherwise
 * invalid. The reason is a short lowercase phrase meant for logs at FINE level; it never contains
 * the token and must never be sent to a client.
 */
public final class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason short lowercase description of what was wrong
     */
    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /**
     * @param reason short lowercase description of what was wrong
     * @param cause  the underlying failure, kept for debugging
     */
    public InvalidTokenException(String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.reason = reason;
    }

    /** @return the short reason, safe to log */
    public String reason() {
        return reason;
    }
}
