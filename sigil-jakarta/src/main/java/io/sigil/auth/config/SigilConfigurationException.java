package io.sigil.auth.config;

import io.sigil.auth.token.InvalidKeyMaterialException;
import java.util.function.Supplier;

/**
 * Thrown at deployment or start-up when Sigil's configuration is missing or unsafe. The message
 * names the configuration key at fault and never contains a secret value. The token core reports
 * bad keys as {@link InvalidKeyMaterialException} with a reason only; this layer, which knows
 * the setting the keys came from, adds its name ({@link #naming}).
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

    /**
     * Runs a step of the token core on keys read from a setting.
     *
     * @param setting the configuration key the keys came from
     * @param step    reads, parses or checks the keys
     * @param <T>     what the step returns
     * @return what the step returned
     * @throws SigilConfigurationException "setting: reason" if the core refused the keys
     */
    static <T> T naming(String setting, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidKeyMaterialException e) {
            throw new SigilConfigurationException(setting + ": " + e.reason(), e);
        }
    }
}
