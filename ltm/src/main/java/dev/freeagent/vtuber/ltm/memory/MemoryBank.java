package dev.freeagent.vtuber.ltm.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.freeagent.vtuber.ltm.embedding.Embedding;
import dev.freeagent.vtuber.ltm.embedding.TextEmbedder;
import dev.freeagent.vtuber.ltm.extraction.FactExtractor;
import dev.freeagent.vtuber.ltm.extraction.TurnText;

/**
 * The long-term memory of every user: what the APIs and the legacy Redis flows call. Writes extract facts from a
 * turn (or take them as given), embed them, and store those that are new; retrieval embeds the query and returns
 * the user's closest memories. Every call validates its input against {@link MemorySettings} and names one user.
 * Thread-safe.
 */
public final class MemoryBank {
    private final MemoryStore store;
    private final TextEmbedder embedder;
    private final FactExtractor extractor;
    private final MemorySettings settings;
    private final MemoryObserver observer;

    /**
     * Creates the bank.
     *
     * @param store where memories live
     * @param embedder makes the vectors
     * @param extractor picks facts out of turns
     * @param settings limits
     * @param observer told what happened
     */
    public MemoryBank(MemoryStore store, TextEmbedder embedder, FactExtractor extractor, MemorySettings settings,
                      MemoryObserver observer) {
        this.store = store;
        this.embedder = embedder;
        this.extractor = extractor;
        this.settings = settings;
        this.observer = observer;
    }

    /**
     * The user's memories closest in meaning to the query, best first.
     *
     * @param userId the user
     * @param query what to look for
     * @param limit at most this many; 0 means {@code default-limit}
     * @return the memories, each with its similarity
     * @throws InvalidMemoryRequestException for a missing user or query, or a value over a limit
     */
    public List<ScoredMemory> retrieve(String userId, String query, int limit) {
        long start = System.nanoTime();
        String user = requireId("user id", userId);
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            throw new InvalidMemoryRequestException("A query is required.");
        }
        requireLength("The query", text, settings.maxQueryChars());
        if (limit < 0 || limit > settings.maxLimit()) {
            throw new InvalidMemoryRequestException("The limit must be between 1 and " + settings.maxLimit()
                    + " (0 for the default of " + settings.defaultLimit() + "), got " + limit + ".");
        }
        if (store.recent(user, 1).isEmpty()) {
            // most turns come from users with nothing remembered yet: no need to run the model for them
            observer.retrieved(0, Duration.ofNanos(System.nanoTime() - start));
            return List.of();
        }
        Embedding vector = embedder.embed(text);
        List<ScoredMemory> found = store.search(user, vector, limit == 0 ? settings.defaultLimit() : limit,
                settings.minScore());
        observer.retrieved(found.size(), Duration.ofNanos(System.nanoTime() - start));
        return found;
    }

    /**
     * Remembers what is worth remembering: the given facts, or the facts extracted from the turn. A repeated
     * correlation id stores nothing; facts too similar to one the user already has are dropped.
     *
     * @param command what to remember
     * @return what was stored
     * @throws InvalidMemoryRequestException for a missing user or a value over a limit
     */
    public WriteOutcome write(WriteCommand command) {
        String user = requireId("user id", command.userId());
        requireOptionalId("correlation id", command.correlationId());
        requireOptionalId("session id", command.sessionId());
        requireLength("The user text", command.userText(), settings.maxTextChars());
        requireLength("The reply", command.reply(), settings.maxTextChars());
        if (command.facts().size() > settings.maxFacts()) {
            throw new InvalidMemoryRequestException("At most " + settings.maxFacts() + " facts can be written at once, got "
                    + command.facts().size() + ".");
        }
        command.facts().forEach(fact -> requireLength("A fact", fact, settings.maxTextChars()));
        if (!command.correlationId().isEmpty() && store.written(user, command.correlationId())) {
            observer.written(0);
            return WriteOutcome.repeated();
        }
        List<String> facts = facts(command);
        List<Embedding> vectors = facts.isEmpty() ? List.of() : embedder.embed(facts);
        List<NewMemory> memories = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            memories.add(new NewMemory(facts.get(i), command.source(), command.sessionId(), vectors.get(i)));
        }
        WriteOutcome outcome = store.write(user, command.correlationId(), memories, settings.duplicateThreshold());
        observer.written(outcome.stored().size());
        return outcome;
    }

    private List<String> facts(WriteCommand command) {
        if (command.facts().isEmpty()) {
            return extractor.facts(new TurnText(command.userText(), command.reply(), command.lang()));
        }
        List<String> given = command.facts().stream().map(String::strip).filter(f -> !f.isEmpty()).distinct().toList();
        if (given.isEmpty()) {
            throw new InvalidMemoryRequestException("The facts to remember are empty.");
        }
        return given;
    }

    /**
     * Deletes everything stored about the user.
     *
     * @param userId the user
     * @return the number of memories deleted
     */
    public long forget(String userId) {
        return store.forget(requireId("user id", userId));
    }

    /**
     * The id of the model that embeds queries and facts.
     *
     * @return model id
     */
    public String model() {
        return embedder.model();
    }

    private String requireId(String name, String value) {
        String id = value == null ? "" : value.strip();
        if (id.isEmpty()) {
            throw new InvalidMemoryRequestException("A " + name + " is required.");
        }
        requireOptionalId(name, id);
        return id;
    }

    private void requireOptionalId(String name, String id) {
        if (id.length() > settings.maxIdChars()) {
            throw new InvalidMemoryRequestException("The " + name + " must be at most " + settings.maxIdChars()
                    + " characters, got " + id.length() + ".");
        }
    }

    private static void requireLength(String what, String text, int max) {
        if (text.length() > max) {
            throw new InvalidMemoryRequestException(what + " must be at most " + max + " characters, got "
                    + text.length() + ".");
        }
    }
}
