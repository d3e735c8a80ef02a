package io.sigil.app.ejb;

import io.sigil.auth.config.SigilConfig;
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

/**
 * Creates the user tables at start-up in the reference application's embedded H2 database (or
 * the data source named by {@code sigil.datasource}), and in demo mode seeds {@code alice}
 * (groups admin, user) and {@code bob} (group user).
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
    SigilConfig config;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @PostConstruct
    void setUp() {
        try {
            accounts.createSchema();
            if (config.demo()) {
                passwordHash.initialize(UserAccountIdentityStore.hashParameters());
                seed("alice", "alice-password", Set.of("admin", "user"));
                seed("bob", "bob-password", Set.of("user"));
                LOG.warning("sigil.demo=true: demo users alice and bob are enabled. Never use demo mode in production.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the user store at " + config.dataSource(), e);
        }
    }

    private void seed(String name, String password, Set<String> groups) throws SQLException {
        accounts.createIfAbsent(new UserAccounts.StoredUser(name, passwordHash.generate(password.toCharArray()), groups));
    }
}
