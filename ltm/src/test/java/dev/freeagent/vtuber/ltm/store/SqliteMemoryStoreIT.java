package dev.freeagent.vtuber.ltm.store;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.freeagent.vtuber.ltm.memory.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The store behaviours on a SQLite file.
 */
class SqliteMemoryStoreIT extends MemoryBehaviour {
    @TempDir
    static Path dir;

    @Override
    MemoryStore openStore() {
        return MemoryStores.open(new StoreSettings(StoreSettings.Kind.SQLITE, dir.resolve("ltm.sqlite"), "", "", "", 1,
                true, 64));
    }

    @Test
    void theStoreIsOneFileSearchedExactly() {
        assertThat(Files.isRegularFile(dir.resolve("ltm.sqlite")), is(true));
        assertThat(store().description(), is("sqlite (exact search)"));
        assertThat(store().ping(), is(true));
    }
}
