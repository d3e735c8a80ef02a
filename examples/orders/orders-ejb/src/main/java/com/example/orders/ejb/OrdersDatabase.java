package com.example.orders.ejb;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The shop's database and its user store, both the platform's: an embedded H2 data source, and
 * Jakarta Security's database identity store over its tables, which checks passwords (PBKDF2)
 * and gives the callers' groups. Sigil's token endpoint and form login hand user names and
 * passwords to whatever identity stores the application has, so this is all the login needs.
 * <p>
 * At start-up it creates the tables and two example users, {@code ann} (group buyer) and
 * {@code ben} (groups buyer, auditor), with a few orders. An example only: a real shop keeps its
 * users elsewhere. Runs once per deployment, before any request.
 */
@Singleton
@Startup
@DataSourceDefinition(
        name = OrdersDatabase.DATA_SOURCE,
        className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1",
        user = "sa")
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = OrdersDatabase.DATA_SOURCE,
        callerQuery = "select password_hash from shop_user where name = ?",
        groupsQuery = "select group_name from shop_user_group where user_name = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {OrdersDatabase.HASH_ALGORITHM, OrdersDatabase.HASH_ITERATIONS,
                OrdersDatabase.HASH_SALT_BYTES})
public class OrdersDatabase {

    /** JNDI name of the shop's data source. */
    public static final String DATA_SOURCE = "java:app/jdbc/orders";

    static final String HASH_ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256";
    static final String HASH_ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    static final String HASH_SALT_BYTES = "Pbkdf2PasswordHash.SaltSizeBytes=32";

    private static final Logger LOG = Logger.getLogger(OrdersDatabase.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @PostConstruct
    void setUp() {
        // The same settings as the identity store's, so that the hashes written here are those it expects.
        passwordHash.initialize(Stream.of(HASH_ALGORITHM, HASH_ITERATIONS, HASH_SALT_BYTES)
                .map(parameter -> parameter.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1])));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists shop_user (name varchar(64) primary key,"
                    + " password_hash varchar(512) not null)");
            statement.execute("create table if not exists shop_user_group (user_name varchar(64) not null,"
                    + " group_name varchar(64) not null, primary key (user_name, group_name))");
            statement.execute("create table if not exists shop_order (id int primary key,"
                    + " owner varchar(64) not null, item varchar(200) not null)");
            addUser(connection, "ann", "ann-example-password", OrderDesk.BUYER);
            addUser(connection, "ben", "ben-example-password", OrderDesk.BUYER, OrderDesk.AUDITOR);
            statement.execute("merge into shop_order key (id) values (1, 'ann', 'espresso beans, 1 kg'),"
                    + " (2, 'ann', 'milk jug'), (3, 'ben', 'burr grinder')");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the shop's database", e);
        }
        LOG.warning("Example users ann and ben are enabled: this is an example application.");
    }

    private void addUser(Connection connection, String name, String password, String... groups)
            throws SQLException {
        try (PreparedStatement user = connection.prepareStatement("merge into shop_user key (name) values (?, ?)");
             PreparedStatement group = connection.prepareStatement("merge into shop_user_group values (?, ?)")) {
            user.setString(1, name);
            user.setString(2, passwordHash.generate(password.toCharArray()));
            user.executeUpdate();
            for (String groupName : groups) {
                group.setString(1, name);
                group.setString(2, groupName);
                group.executeUpdate();
            }
        }
    }
}
