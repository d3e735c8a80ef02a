package io.sigil.auth.identitystore;

import io.sigil.auth.config.SigilSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The users table behind {@link UserAccountIdentityStore}: {@code sigil_user(username,
 * password_hash)} and {@code sigil_user_group(username, group_name)}, reached through the data
 * source named by {@code sigil.datasource}; without that setting the store is off
 * ({@link #enabled()}) and every call fails. Password hashes are stored in the format of the
 * platform's {@code Pbkdf2PasswordHash}. Thread-safe; every call takes its own connection.
 */
@ApplicationScoped
public class UserAccounts {

    /** A stored user: name, password hash and groups. */
    public record StoredUser(String username, String passwordHash, Set<String> groups) {
        /** Copies the groups. */
        public StoredUser {
            groups = Set.copyOf(groups);
        }

        @Override
        public String toString() {
            return "StoredUser[" + username + ", groups=" + groups + "]";
        }
    }

    /** The data source is read only at deployment ({@code sigil.datasource}); see {@link SigilSettings#atDeployment()}. */
    @Inject
    SigilSettings settings;

    /**
     * Looked up by the name in {@code sigil.datasource} on first use. Package-private, so that unit
     * tests can give an in-memory database instead of a JNDI name.
     */
    volatile DataSource dataSource;

    /**
     * Creates the two tables if they do not exist.
     *
     * @throws SQLException if the database refuses
     */
    public void createSchema() throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS sigil_user ("
                    + "username VARCHAR(256) PRIMARY KEY, password_hash VARCHAR(512) NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS sigil_user_group ("
                    + "username VARCHAR(256) NOT NULL REFERENCES sigil_user(username) ON DELETE CASCADE, "
                    + "group_name VARCHAR(256) NOT NULL, PRIMARY KEY (username, group_name))");
        }
    }

    /**
     * Looks a user up by exact name.
     *
     * @throws SQLException if the database cannot be read
     */
    public Optional<StoredUser> find(String username) throws SQLException {
        try (Connection connection = dataSource().getConnection()) {
            String hash;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT password_hash FROM sigil_user WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    hash = rows.getString(1);
                }
            }
            Set<String> groups = new LinkedHashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT group_name FROM sigil_user_group WHERE username = ? ORDER BY group_name")) {
                select.setString(1, username);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        groups.add(rows.getString(1));
                    }
                }
            }
            return Optional.of(new StoredUser(username, hash, groups));
        }
    }

    /**
     * Inserts a user unless one with that name exists.
     *
     * @return whether the user was inserted
     * @throws SQLException if the database refuses
     */
    public boolean createIfAbsent(StoredUser user) throws SQLException {
        if (find(user.username()).isPresent()) {
            return false;
        }
        try (Connection connection = dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sigil_user (username, password_hash) VALUES (?, ?)")) {
                insert.setString(1, user.username());
                insert.setString(2, user.passwordHash());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sigil_user_group (username, group_name) VALUES (?, ?)")) {
                for (String group : user.groups()) {
                    insert.setString(1, user.username());
                    insert.setString(2, group);
                    insert.executeUpdate();
                }
            }
            return true;
        }
    }

    /**
     * Replaces a user's password hash.
     *
     * @param username     the exact user name
     * @param passwordHash the new hash, in the format of {@code Pbkdf2PasswordHash}
     * @return whether the user exists (and was updated)
     * @throws SQLException if the database refuses
     */
    public boolean updatePasswordHash(String username, String passwordHash) throws SQLException {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE sigil_user SET password_hash = ? WHERE username = ?")) {
            update.setString(1, passwordHash);
            update.setString(2, username);
            return update.executeUpdate() == 1;
        }
    }

    /** @return whether {@code sigil.datasource} names a data source, which turns this store on */
    public boolean enabled() {
        return settings.atDeployment().dataSource().isPresent();
    }

    private DataSource dataSource() throws SQLException {
        DataSource current = dataSource;
        if (current == null) {
            String name = settings.atDeployment().dataSource().orElseThrow(() -> new SQLException("sigil.datasource is not set"));
            try {
                current = InitialContext.doLookup(name);
            } catch (NamingException e) {
                throw new SQLException("no data source at sigil.datasource=" + name, e);
            }
            dataSource = current;
        }
        return current;
    }
}
