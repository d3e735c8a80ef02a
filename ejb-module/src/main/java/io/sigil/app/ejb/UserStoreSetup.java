package io.sigil.app.ejb;

import io.sigil.auth.identitystore.UserAccountIdentityStore;
import io.sigil.auth.identitystore.UserAccounts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.SQLException;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The reference application's user store: defines the embedded H2 database, creates Sigil's user
 * tables in it at start-up (the data source named by {@code sigil.datasource}, which this
 * application's {@code META-INF/microprofile-config.properties} points here), and with
 * {@code sigil.demo=true} seeds {@code alice} (groups admin, user) and {@code bob} (group user).
 * A database that cannot be reached at start-up is logged in one line; the application starts.
 */
@Singleton
@Startup
@DataSourceDefinition(
        name = "java:app/jdbc/sigil",
        className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:mem:sigil;DB_CLOSE_DELAY=-1",
        user = "sa")
public class UserStoreSetup {

    private static final Logger LOG = Logger.getLogger(UserStoreSetup.class.getName());

    @Inject
    UserAccounts accounts;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @PostConstruct
    void setUp() {
        try {
            accounts.createSchema();
            if (demo()) {
                passwordHash.initialize(UserAccountIdentityStore.hashParameters());
                seed("alice", "alice-password", Set.of("admin", "user"));
                seed("bob", "bob-password", Set.of("user"));
                LOG.warning("sigil.demo=true: demo users alice and bob are enabled. Never use demo mode in production.");
            }
        } catch (SQLException e) {
            // A database that is down must not keep the application from starting: Sigil answers
            // password checks with 503 and Retry-After until the store can be read.
            LOG.warning("the user store cannot be prepared now (" + e.getClass().getName() + ": " + e.getMessage()
                    + "); password logins are answered 503 until it can be read");
        }
    }

    /** Demo mode of the reference application: only the exact word true turns it on. */
    private static boolean demo() {
        return ConfigProvider.getConfig().getOptionalValue("sigil.demo", String.class)
                .map(String::trim).filter("true"::equalsIgnoreCase).isPresent();
    }

    private void seed(String name, String password, Set<String> groups) throws SQLException {
        accounts.createIfAbsent(new UserAccounts.StoredUser(name, passwordHash.generate(password.toCharArray()), groups));
    }
}
