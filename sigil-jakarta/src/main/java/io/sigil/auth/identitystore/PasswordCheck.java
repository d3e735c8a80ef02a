package io.sigil.auth.identitystore;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the application's identity stores, whatever they are, about a user name and password, and
 * tells a refusal from an outage. The Jakarta Security handler answers {@code INVALID} when a
 * store knows the credential is wrong, and {@code NOT_VALIDATED} when no store could say: none
 * validates passwords, or each that does could not reach its database or directory (Sigil's
 * {@link UserAccountIdentityStore} answers so when its database is down). A store that throws
 * (Soteria's database and LDAP stores throw {@code IdentityStoreException}) is an outage too. An
 * outage is answered 503 with {@code Retry-After}, never 401: the client did nothing wrong, and a
 * 401 would send a user to retype a correct password.
 * <p>
 * The first outage is logged at WARNING in one line, later ones at FINE until a store answers
 * again, which is logged at INFO. Thread-safe.
 */
public final class PasswordCheck {

    /** Seconds a client is asked to wait ({@code Retry-After}) when no store could answer. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private static final Logger LOG = Logger.getLogger(PasswordCheck.class.getName());
    private static final AtomicBoolean DOWN = new AtomicBoolean();

    /** What the stores said. */
    public sealed interface Outcome permits Valid, Refused, Unavailable {
    }

    /** @param result the valid result, with the caller and groups */
    public record Valid(CredentialValidationResult result) implements Outcome {
    }

    /** A store refused the credential: wrong password or unknown user. */
    public record Refused() implements Outcome {
    }

    /** No store could answer: 503 with {@code Retry-After}. */
    public record Unavailable() implements Outcome {
    }

    private PasswordCheck() {
    }

    /**
     * @param handler    the application's identity store handler
     * @param credential the user name and password
     * @return valid, refused, or unavailable
     */
    public static Outcome validate(IdentityStoreHandler handler, UsernamePasswordCredential credential) {
        CredentialValidationResult result;
        try {
            result = handler.validate(credential);
        } catch (RuntimeException e) {
            unavailable(e);
            return new Unavailable();
        }
        return classify(result.getStatus(), result);
    }

    /** The pure decision, apart from the handler: see the class comment. */
    static Outcome classify(CredentialValidationResult.Status status, CredentialValidationResult result) {
        if (status == CredentialValidationResult.Status.NOT_VALIDATED) {
            unavailable(null);
            return new Unavailable();
        }
        if (DOWN.compareAndSet(true, false)) {
            LOG.info("an identity store answers a password check again");
        }
        return status == CredentialValidationResult.Status.VALID ? new Valid(result) : new Refused();
    }

    private static void unavailable(RuntimeException cause) {
        String reason = cause == null ? "no identity store could check it (a user store is down, or none validates passwords)"
                : "an identity store failed (" + cause.getClass().getName() + ")";
        if (DOWN.compareAndSet(false, true)) {
            LOG.warning("a password check is answered 503 until an identity store answers again: " + reason);
        } else {
            LOG.log(Level.FINE, "a password check is answered 503: {0}", reason);
        }
    }
}
