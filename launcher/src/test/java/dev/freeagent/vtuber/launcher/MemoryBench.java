package dev.freeagent.vtuber.launcher;

/**
 * The memory benchmark: long-term memory at 10,000 memories of one user ({@link LongTermMemoryRun}: retrieval
 * latency and ingestion rate) and the dialog's outbox relay ({@link OutboxRelayRun}: drain rate and lag). Both run
 * in this process against the real classes; everything they store goes to one temp folder and to stream keys of
 * their own on the machine's Redis, and is deleted at the end.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl launcher exec:exec@memory-bench}.
 */
public final class MemoryBench {
    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int memories = Integer.getInteger("bench.memories", 10_000);
        int retrievals = Integer.getInteger("bench.retrievals", 200);
        int relayEvents = Integer.getInteger("bench.relay-events", 20_000);
        int relayRate = Integer.getInteger("bench.relay-rate", 200);
        int relaySeconds = Integer.getInteger("bench.relay-seconds", 10);
        try (TempFolder ltm = TempFolder.create("vtuber-memory-bench")) {
            LongTermMemoryRun.run(ltm.path(), memories, retrievals);
        }
        try (TempFolder dialog = TempFolder.create("vtuber-outbox-bench")) {
            OutboxRelayRun.run(dialog.path(), relayEvents, relayRate, relaySeconds);
        }
    }
}
