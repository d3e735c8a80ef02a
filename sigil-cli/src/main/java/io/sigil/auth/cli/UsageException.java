package io.sigil.auth.cli;

/**
 * A command line, a file or a key the operator gave that the tool cannot use; the tool prints
 * the message and exits with {@link SigilCli#USAGE}. The message never contains a secret.
 */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, for the operator
     */
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
