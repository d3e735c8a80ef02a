package io.sigil.auth.token;

/**
 * Thrown when key material cannot be used: text that holds no readable key, a key too weak or of
 * the wrong kind for its algorithm, a key set with two keys of one {@code kid}, a location that
 * cannot be read. The reason is a short lowercase phrase about the keys; it never quotes key
 * material. The core does not know where the keys came from: a caller that read them from a
 * setting (as Sigil's configuration layer does) names that setting in its own error.
 *
 * <p>Unchecked: keys are loaded once at start-up, where this is a deployment failure.
 */
public final class InvalidKeyMaterialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /** @param reason what is wrong with the keys, without key material */
    public InvalidKeyMaterialException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /**
     * @param reason what is wrong with the keys, without key material
     * @param cause  the underlying failure
     */
    public InvalidKeyMaterialException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** @return what is wrong with the keys, safe to log */
    public String reason() {
        return reason;
    }
}
