package io.sigil.auth.identitystore;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.testing.TestDatabase;
import io.sigil.auth.testing.TestPbkdf2PasswordHash;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Sigil's JDBC user store wired as CDI would wire it, over a private in-memory H2 database, with
 * the users {@code alice} (groups user, admin) and {@code bob} (user). {@link #close()} drops the
 * database.
 */
final class UserStoreFixture implements AutoCloseable {

    static final String ALICE_PASSWORD = "alice's old password";
    static final String BOB_PASSWORD = "bob's password, long";

    final TestPbkdf2PasswordHash hash = TestPbkdf2PasswordHash.fast();
    final UserAccounts accounts;
    final UserAccountIdentityStore store = new UserAccountIdentityStore();
    private final TestDatabase database;

    private UserStoreFixture(SigilConfig config, TestDatabase database, DataSource dataSource) {
        this.database = database;
        accounts = accounts(config, dataSource);
        store.accounts = accounts;
        store.passwordHash = hash;
    }

    /** @return the store on, with alice and bob */
    static UserStoreFixture withUsers() throws SQLException {
        TestDatabase database = TestDatabase.inMemory();
        UserStoreFixture fixture = new UserStoreFixture(on(), database, database.dataSource());
        fixture.accounts.createSchema();
        fixture.store.init();
        fixture.addUser("alice", ALICE_PASSWORD, "user", "admin");
        fixture.addUser("bob", BOB_PASSWORD, "user");
        return fixture;
    }

    /** @return the store on, over a database that cannot be reached */
    static UserStoreFixture databaseDown() {
        UserStoreFixture fixture = new UserStoreFixture(on(), null, TestDatabase.down());
        fixture.store.init();
        return fixture;
    }

    /** @return the store off: {@code sigil.datasource} is not set */
    static UserStoreFixture off() {
        UserStoreFixture fixture = new UserStoreFixture(TestConfigs.sigil(), null, null);
        fixture.store.init();
        return fixture;
    }

    /** @return accounts over the data source, as if it had been looked up under sigil.datasource */
    static UserAccounts accounts(SigilConfig config, DataSource dataSource) {
        UserAccounts accounts = new UserAccounts();
        accounts.settings = SigilSettings.fixed(config, java.time.Clock.systemUTC());
        accounts.dataSource = dataSource;
        return accounts;
    }

    /** @return a configuration that turns the store on */
    static SigilConfig on() {
        return TestConfigs.sigil("sigil.datasource", "java:comp/env/jdbc/sigil-test");
    }

    void addUser(String name, String password, String... groups) throws SQLException {
        accounts.createIfAbsent(new UserAccounts.StoredUser(name, hash.generate(password.toCharArray()),
                Set.of(groups)));
    }

    @Override
    public void close() throws SQLException {
        if (database != null) {
            database.close();
        }
    }
}
