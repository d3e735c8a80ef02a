package io.sigil.auth.identitystore;

import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.revocation.RevocationStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Changes a caller's password in Sigil's JDBC user store ({@link UserAccounts}) and revokes every
 * token the caller holds (a per-caller not-before in the {@link RevocationStore}, so every node
 * refuses them). The current password must be given again. Available only while that store is on
 * ({@code sigil.datasource}): other identity stores (LDAP, a platform database store) change
 * passwords their own way. Thread-safe.
 */
@ApplicationScoped
public class PasswordChangeService {

    /** The shortest new password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** What a change request came to. */
    public enum Outcome {
        /** The password was changed and the caller's earlier tokens revoked. */
        CHANGED,
        /** The new password is too short, too long, or equal to the current one. */
        UNACCEPTABLE_PASSWORD,
        /** The current password is wrong, or the caller has no password in the user store. */
        WRONG_CURRENT_PASSWORD
    }

    private static final Logger LOG = Logger.getLogger(PasswordChangeService.class.getName());

    @Inject
    UserAccountIdentityStore userStore;

    @Inject
    UserAccounts accounts;

    @Inject
    RevocationStore revocations;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    SigilMetrics metrics;

    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void init() {
        if (accounts.enabled()) {
            passwordHash.initialize(UserAccountIdentityStore.hashParameters());
        }
    }

    /** @return whether passwords can be changed here: Sigil's JDBC user store is on */
    public boolean available() {
        return accounts.enabled();
    }

    /**
     * Changes the caller's password if the current one is right, then revokes every token issued
     * to the caller until now.
     *
     * @param callerName      the authenticated caller
     * @param currentPassword the password the caller has now
     * @param newPassword     the password to set: {@value #MIN_PASSWORD_LENGTH} to
     *                        {@value UserAccountIdentityStore#MAX_PASSWORD_LENGTH} characters
     * @return the outcome
     * @throws SQLException if the user store cannot be written, or is off ({@link #available()})
     */
    public Outcome change(String callerName, String currentPassword, String newPassword) throws SQLException {
        if (!available()) {
            throw new SQLException("Sigil's user store is off (sigil.datasource is not set)");
        }
        if (newPassword.length() < MIN_PASSWORD_LENGTH
                || newPassword.length() > UserAccountIdentityStore.MAX_PASSWORD_LENGTH
                || newPassword.equals(currentPassword)) {
            return Outcome.UNACCEPTABLE_PASSWORD;
        }
        CredentialValidationResult current =
                userStore.validate(new UsernamePasswordCredential(callerName, currentPassword));
        if (current.getStatus() == CredentialValidationResult.Status.NOT_VALIDATED) {
            throw new SQLException("the user store cannot be read, so the current password cannot be checked");
        }
        if (current.getStatus() != CredentialValidationResult.Status.VALID
                || !callerName.equals(current.getCallerPrincipal().getName())) {
            return Outcome.WRONG_CURRENT_PASSWORD;
        }
        if (!accounts.updatePasswordHash(callerName, passwordHash.generate(newPassword.toCharArray()))) {
            return Outcome.WRONG_CURRENT_PASSWORD;
        }
        revocations.revokeAllFor(callerName, clock.instant());
        metrics.revoked(SigilMetrics.Revocation.PASSWORD_CHANGE);
        LOG.info(() -> "password changed for " + callerName + "; tokens issued until now are revoked");
        return Outcome.CHANGED;
    }
}
