package io.sigil.auth.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A private in-memory H2 database for one test; {@link #close()} drops it. Also
 * {@link #down()}, a data source whose database cannot be reached. Thread-safe, as H2 is.
 */
public final class TestDatabase implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    private TestDatabase() {
        // DB_CLOSE_DELAY=-1: the code under test takes a connection per call; keep the data between them.
        dataSource.setURL("jdbc:h2:mem:sigil-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** @return a new, empty database */
    public static TestDatabase inMemory() {
        return new TestDatabase();
    }

    /** @return a data source whose every {@code getConnection} fails, as when the database is down */
    public static DataSource down() {
        Proxies.Answer refuse = args -> {
            throw new SQLException("Connection refused (test database is down)", "08001");
        };
        return Proxies.of(DataSource.class, Map.of("getConnection", refuse));
    }

    /** @return the database's data source */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
