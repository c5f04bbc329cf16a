package dev.freeagent.vtuber.ltm.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import dev.freeagent.vtuber.ltm.memory.MemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The store behaviours on the machine's PostgreSQL (127.0.0.1:5432, user postgres), in a database of its own that
 * is dropped afterwards. Without pgvector in that PostgreSQL the exact search path is what runs.
 */
class PostgresMemoryStoreIT extends MemoryBehaviour {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String database = "ltm_test_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    MemoryStore openStore() {
        admin("CREATE DATABASE " + database);
        return MemoryStores.open(settings(true));
    }

    private StoreSettings settings(boolean pgvector) {
        return new StoreSettings(StoreSettings.Kind.POSTGRES, null, SERVER + database, "postgres", "", 2, pgvector, 64);
    }

    @AfterAll
    void dropDatabase() {
        try {
            if (store() != null) {
                store().close();
            }
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void pgvectorIsUsedExactlyWhenTheDatabaseHasIt() throws SQLException {
        boolean available;
        try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")) {
            available = rows.next();
        }
        assertThat(store().description(), is(available ? "postgresql (pgvector)" : "postgresql (exact search)"));
        assertThat(store().ping(), is(true));
    }

    @Test
    void pgvectorOffSearchesExactly() {
        try (MemoryStore exact = MemoryStores.open(settings(false))) {
            assertThat(exact.description(), is("postgresql (exact search)"));
        }
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 refused: " + sql, e);
        }
    }
}
