package io.sigil.auth.token;

/**
 * Thrown at deployment or start-up when Sigil's configuration is missing or unsafe. The message
 * names the configuration key at fault and never contains a secret value.
 */
public final class SigilConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the configuration key */
    public SigilConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the configuration key
     * @param cause   the underlying failure
     */
    public SigilConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
