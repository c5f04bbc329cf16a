package dev.freeagent.vtuber.ltm.store;

import java.util.List;
import java.util.UUID;

import dev.freeagent.vtuber.ltm.embedding.MiniLmEmbedder;
import dev.freeagent.vtuber.ltm.extraction.FactLimits;
import dev.freeagent.vtuber.ltm.extraction.FirstPersonRule;
import dev.freeagent.vtuber.ltm.memory.CountingObserver;
import dev.freeagent.vtuber.ltm.memory.InvalidMemoryRequestException;
import dev.freeagent.vtuber.ltm.memory.Memory;
import dev.freeagent.vtuber.ltm.memory.MemoryBank;
import dev.freeagent.vtuber.ltm.memory.MemorySettings;
import dev.freeagent.vtuber.ltm.memory.MemoryStore;
import dev.freeagent.vtuber.ltm.memory.ScoredMemory;
import dev.freeagent.vtuber.ltm.memory.WriteCommand;
import dev.freeagent.vtuber.ltm.memory.WriteOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every store must do, through a {@link MemoryBank} with the real MiniLM model and the first-person rule.
 * Each store's test opens its store once; every test uses users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MemoryBehaviour {
    static final MemorySettings SETTINGS = new MemorySettings(5, 50, 0.2, 0.9, 2000, 8000, 20, 256);

    private MiniLmEmbedder embedder;
    private MemoryStore store;
    private CountingObserver observer;
    private MemoryBank bank;

    abstract MemoryStore openStore();

    @BeforeAll
    void open() {
        embedder = MiniLmEmbedder.load(2);
        store = openStore();
        observer = new CountingObserver();
        bank = new MemoryBank(store, embedder, new FirstPersonRule(new FactLimits(10, 300, 10)), SETTINGS, observer);
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
        embedder.close();
    }

    MemoryStore store() {
        return store;
    }

    private static String user() {
        return "user-" + UUID.randomUUID();
    }

    private static List<String> contents(List<ScoredMemory> found) {
        return found.stream().map(m -> m.memory().content()).toList();
    }

    @Test
    void aTurnIsRememberedAndFoundByMeaning() {
        String alice = user();
        WriteOutcome first = bank.write(WriteCommand.turn(alice, "s1#1", "s1",
                "I love chocolate cake. What's the weather like today?", "It is sunny!", "conversation"));
        bank.write(WriteCommand.turn(alice, "s1#2", "s1", "I work as a nurse in Berlin.", "Nice.", "conversation"));
        bank.write(WriteCommand.turn(alice, "s1#3", "s1", "My car is a red Volvo.", "Cool.", "conversation"));

        assertThat(first.duplicate(), is(false));
        assertThat(first.stored().stream().map(Memory::content).toList(), contains("I love chocolate cake"));
        assertThat(first.stored().getFirst().sessionId(), is("s1"));
        List<ScoredMemory> found = bank.retrieve(alice, "What dessert does the user like?", 3);
        assertThat(found.getFirst().memory().content(), is("I love chocolate cake"));
        assertThat(found.getFirst().score(), is(greaterThan(0.4)));
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i - 1).score() >= found.get(i).score(), is(true));
        }
    }

    @Test
    void oneUsersMemoriesNeverReachAnother() {
        String alice = user();
        String bob = user();
        bank.write(WriteCommand.facts(alice, "", "", List.of("I love chocolate cake"), "facts"));
        bank.write(WriteCommand.facts(bob, "", "", List.of("I play the violin every evening"), "facts"));

        assertThat(contents(bank.retrieve(bob, "What dessert does the user like?", 5)),
                everyItem(not(is("I love chocolate cake"))));
        assertThat(contents(bank.retrieve(alice, "Which instrument does the user play?", 5)),
                everyItem(not(is("I play the violin every evening"))));
        assertThat(store.recent(bob, 10).stream().map(Memory::content).toList(),
                contains("I play the violin every evening"));
    }

    @Test
    void aNearDuplicateOfAKnownFactIsDropped() {
        String alice = user();
        WriteOutcome first = bank.write(WriteCommand.facts(alice, "c1", "", List.of("I love chocolate cake"), "facts"));
        WriteOutcome again = bank.write(WriteCommand.facts(alice, "c2", "",
                List.of("i love chocolate cake!", "I have a dog named Rex", "I HAVE A DOG NAMED REX"), "facts"));

        assertThat(first.stored(), hasSize(1));
        assertThat(again.duplicate(), is(false));
        assertThat(again.stored().stream().map(Memory::content).toList(), contains("I have a dog named Rex"));
        assertThat(store.recent(alice, 10).stream().map(Memory::content).toList(),
                containsInAnyOrder("I love chocolate cake", "I have a dog named Rex"));
    }

    @Test
    void writingTheSameCorrelationIdTwiceStoresOnce() {
        String alice = user();
        String bob = user();
        int before = observer.written();
        WriteOutcome first = bank.write(WriteCommand.turn(alice, "session-9#0", "", "I grew up in Lisbon.", "", "x"));
        WriteOutcome second = bank.write(WriteCommand.turn(alice, "session-9#0", "", "I grew up in Lisbon.", "", "x"));
        WriteOutcome otherUser = bank.write(WriteCommand.turn(bob, "session-9#0", "", "I grew up in Lisbon.", "", "x"));

        assertThat(first.stored(), hasSize(1));
        assertThat(second.duplicate(), is(true));
        assertThat(second.stored(), is(empty()));
        assertThat(otherUser.duplicate(), is(false));
        assertThat(store.recent(alice, 10), hasSize(1));
        assertThat(observer.written() - before, is(2));
    }

    @Test
    void aTurnWithNothingToRememberStillClaimsItsCorrelationId() {
        String alice = user();
        WriteOutcome first = bank.write(WriteCommand.turn(alice, "t#1", "", "What time is it?", "Noon.", "x"));
        WriteOutcome second = bank.write(WriteCommand.turn(alice, "t#1", "", "What time is it?", "Noon.", "x"));

        assertThat(first.stored(), is(empty()));
        assertThat(first.duplicate(), is(false));
        assertThat(second.duplicate(), is(true));
    }

    @Test
    void forgetDeletesEverythingOfThatUserOnly() {
        String alice = user();
        String bob = user();
        bank.write(WriteCommand.facts(alice, "f#1", "", List.of("I love chocolate cake", "I live in Oslo"), "facts"));
        bank.write(WriteCommand.facts(bob, "f#1", "", List.of("I love chocolate cake"), "facts"));
        store.saveProfileUpdates(alice, "{\"nickname\":\"Al\"}");

        assertThat(bank.forget(alice), is(2L));
        assertThat(bank.retrieve(alice, "What dessert does the user like?", 5), is(empty()));
        assertThat(store.profileUpdates(alice).isPresent(), is(false));
        assertThat(store.written(alice, "f#1"), is(false));
        assertThat(bank.retrieve(bob, "What dessert does the user like?", 5), hasSize(1));
        assertThat(bank.write(WriteCommand.facts(alice, "f#1", "", List.of("I live in Oslo"), "facts")).stored(),
                hasSize(1));
    }

    @Test
    void badRequestsAreRefusedWithOurSentences() {
        InvalidMemoryRequestException noUser = assertThrows(InvalidMemoryRequestException.class,
                () -> bank.retrieve(" ", "cake", 1));
        InvalidMemoryRequestException noQuery = assertThrows(InvalidMemoryRequestException.class,
                () -> bank.retrieve("u", "  ", 1));
        InvalidMemoryRequestException tooMany = assertThrows(InvalidMemoryRequestException.class,
                () -> bank.retrieve("u", "cake", 51));
        InvalidMemoryRequestException emptyFacts = assertThrows(InvalidMemoryRequestException.class,
                () -> bank.write(WriteCommand.facts("u", "", "", List.of(" "), "facts")));

        assertThat(noUser.getMessage(), is("A user id is required."));
        assertThat(noQuery.getMessage(), is("A query is required."));
        assertThat(tooMany.getMessage(), is("The limit must be between 1 and 50 (0 for the default of 5), got 51."));
        assertThat(emptyFacts.getMessage(), is("The facts to remember are empty."));
    }
}
