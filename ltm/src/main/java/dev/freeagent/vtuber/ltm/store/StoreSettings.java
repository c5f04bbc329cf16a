package dev.freeagent.vtuber.ltm.store;

import java.nio.file.Path;
import java.util.Locale;

import io.helidon.config.Config;

/**
 * Store settings, from {@code ltm.store.*} and {@code data.dir}. The PostgreSQL password comes only from the
 * environment.
 *
 * @param kind {@code kind}: {@code auto} (PostgreSQL when {@code postgres.url} is set, else SQLite), {@code sqlite}
 *             or {@code postgres}
 * @param sqlitePath {@code sqlite-path}; empty means {@code ${data.dir}/ltm.sqlite}
 * @param postgresUrl {@code postgres.url}: a JDBC URL, {@code jdbc:postgresql://host:5432/db}
 * @param postgresUser {@code postgres.user}, may be empty
 * @param postgresPassword {@code postgres.password}, may be empty
 * @param poolSize {@code postgres.pool-size}: connections to PostgreSQL (SQLite always uses one)
 * @param pgvector {@code postgres.pgvector}: {@code auto} uses the pgvector extension when
 *                 {@code CREATE EXTENSION IF NOT EXISTS vector} works; {@code off} always searches exactly
 * @param reembedBatch {@code reembed-batch}: memories embedded again per round after a model change
 */
public record StoreSettings(Kind kind, Path sqlitePath, String postgresUrl, String postgresUser,
                            String postgresPassword, int poolSize, boolean pgvector, int reembedBatch) {

    /** Which database. */
    public enum Kind {
        /** A SQLite file. */
        SQLITE,
        /** A PostgreSQL database. */
        POSTGRES
    }

    /**
     * Validates; every message names the key.
     */
    public StoreSettings {
        postgresUrl = postgresUrl == null ? "" : postgresUrl.trim();
        postgresUser = postgresUser == null ? "" : postgresUser.trim();
        postgresPassword = postgresPassword == null ? "" : postgresPassword;
        if (kind == Kind.POSTGRES && !postgresUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("ltm.store.postgres.url must be a jdbc:postgresql: URL, got '"
                    + postgresUrl + "'");
        }
        if (poolSize < 1 || poolSize > 100) {
            throw new IllegalArgumentException("ltm.store.postgres.pool-size must be 1..100, got " + poolSize);
        }
        if (reembedBatch < 1 || reembedBatch > 10_000) {
            throw new IllegalArgumentException("ltm.store.reembed-batch must be 1..10000, got " + reembedBatch);
        }
    }

    /**
     * Reads the settings.
     *
     * @param config the whole configuration (this reads {@code ltm.store.*} and {@code data.dir})
     * @return settings
     */
    public static StoreSettings from(Config config) {
        Config store = config.get("ltm.store");
        String url = store.get("postgres.url").asString().orElse("").trim();
        String kind = store.get("kind").asString().orElse("auto").trim().toLowerCase(Locale.ROOT);
        String sqlitePath = store.get("sqlite-path").asString().orElse("").trim();
        String pgvector = store.get("postgres.pgvector").asString().orElse("auto").trim().toLowerCase(Locale.ROOT);
        if (!pgvector.equals("auto") && !pgvector.equals("off")) {
            throw new IllegalArgumentException("ltm.store.postgres.pgvector must be auto or off, got " + pgvector);
        }
        return new StoreSettings(switch (kind) {
            case "auto" -> url.isEmpty() ? Kind.SQLITE : Kind.POSTGRES;
            case "sqlite" -> Kind.SQLITE;
            case "postgres", "postgresql" -> Kind.POSTGRES;
            default -> throw new IllegalArgumentException("ltm.store.kind must be auto, sqlite or postgres, got " + kind);
        },
                sqlitePath.isEmpty()
                        ? Path.of(config.get("data.dir").asString().orElse("data")).resolve("ltm.sqlite")
                        : Path.of(sqlitePath),
                url,
                store.get("postgres.user").asString().orElse(""),
                store.get("postgres.password").asString().orElse(""),
                store.get("postgres.pool-size").asInt().orElse(4),
                pgvector.equals("auto"),
                store.get("reembed-batch").asInt().orElse(64));
    }
}
