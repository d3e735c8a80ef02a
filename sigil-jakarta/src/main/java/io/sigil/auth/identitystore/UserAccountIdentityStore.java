package io.sigil.auth.identitystore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sigil's own JDBC user store, off unless {@code sigil.datasource} is set: validates user names
 * and passwords against {@link UserAccounts} with the platform's {@link Pbkdf2PasswordHash}.
 * Applications that bring their own {@code IdentityStore} (a
 * {@code @DatabaseIdentityStoreDefinition}, LDAP, a custom one) leave it off. An unknown user costs the same hash computation as a wrong password,
 * so the answer's timing does not tell whether the user exists. Thread-safe.
 */
@ApplicationScoped
public class UserAccountIdentityStore implements IdentityStore {

    /** The longest user name accepted. */
    public static final int MAX_USERNAME_LENGTH = 256;
    /** The longest password accepted; bounds the work an anonymous caller can cause. */
    public static final int MAX_PASSWORD_LENGTH = 1024;

    private static final Logger LOG = Logger.getLogger(UserAccountIdentityStore.class.getName());

    @Inject
    UserAccounts accounts;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private String decoyHash;

    /** Whether the last read failed, so that an outage is logged once. */
    private final AtomicBoolean unavailable = new AtomicBoolean();

    @PostConstruct
    void init() {
        if (accounts.enabled()) {
            passwordHash.initialize(hashParameters());
            decoyHash = passwordHash.generate("sigil-decoy-password".toCharArray());
        }
    }

    /** @return the parameters new password hashes are made with */
    public static Map<String, String> hashParameters() {
        return Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32");
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || !accounts.enabled()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = login.getCaller();
        char[] password = login.getPassword().getValue();
        if (username == null || username.isEmpty() || username.length() > MAX_USERNAME_LENGTH
                || password == null || password.length > MAX_PASSWORD_LENGTH) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<UserAccounts.StoredUser> user;
        try {
            user = accounts.find(username);
        } catch (SQLException e) {
            // NOT_VALIDATED, not INVALID: the password may well be right (see PasswordCheck).
            if (unavailable.compareAndSet(false, true)) {
                LOG.severe("the user store at sigil.datasource cannot be read (" + e.getClass().getName() + ": "
                        + e.getMessage() + "); password checks are answered 503 until it can");
            } else {
                LOG.log(Level.FINE, "the user store cannot be read", e);
            }
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (unavailable.compareAndSet(true, false)) {
            LOG.info("the user store at sigil.datasource can be read again");
        }
        boolean matches = passwordHash.verify(password, user.map(UserAccounts.StoredUser::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            LOG.log(Level.FINE, "password login refused for {0}", username);
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.get().username(), user.get().groups());
    }

    @Override
    public int priority() {
        return 20;
    }

    /** Validates nothing while {@code sigil.datasource} is unset, so the handler skips this store. */
    @Override
    public Set<ValidationType> validationTypes() {
        return accounts.enabled() ? DEFAULT_VALIDATION_TYPES : EnumSet.noneOf(ValidationType.class);
    }
}
