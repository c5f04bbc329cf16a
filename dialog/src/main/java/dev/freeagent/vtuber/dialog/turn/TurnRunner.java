package dev.freeagent.vtuber.dialog.turn;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.memory.ConversationKey;
import dev.freeagent.vtuber.dialog.memory.MemoryTurn;
import dev.freeagent.vtuber.dialog.memory.MemoryUnavailableException;
import dev.freeagent.vtuber.dialog.memory.ShortTermMemory;

/**
 * Runs text turns: reads the conversation's recent messages, assembles the prompt, streams the responder's
 * deltas to the listener while measuring them, reports the result, and only then stores the turn (so the
 * client never waits for the database). A turn that fails before its first delta stores nothing; a reply cut
 * short stores what was delivered. A barge-in ({@link Cancellation#stop()}) ends the turn normally with what was
 * delivered before the stop. Both the HTTP and the gRPC edges call this one class. Thread-safe.
 */
public final class TurnRunner {
    private static final System.Logger LOG = System.getLogger(TurnRunner.class.getName());

    private final PromptAssembler prompts;
    private final Responder responder;
    private final ShortTermMemory memory;
    private final OutboxEnvelopes envelopes;
    private final LongTermRecall recall;
    private final TurnObserver observer;
    private final ConversationLocks locks = new ConversationLocks();

    /**
     * Creates the runner.
     *
     * @param prompts builds prompts
     * @param responder writes replies
     * @param memory short-term memory and the outbox (owned by the caller)
     * @param envelopes the outbox events each stored turn causes
     * @param recall long-term memory of each user
     * @param observer hears how turns end
     */
    public TurnRunner(PromptAssembler prompts, Responder responder, ShortTermMemory memory, OutboxEnvelopes envelopes,
                      LongTermRecall recall, TurnObserver observer) {
        this.prompts = prompts;
        this.responder = responder;
        this.memory = memory;
        this.envelopes = envelopes;
        this.recall = recall;
        this.observer = observer;
    }

    /**
     * Who writes the replies.
     *
     * @return {@code "llm"} or {@code "scripted"}
     */
    public String source() {
        return responder.source();
    }

    /**
     * Runs one turn on the calling thread.
     *
     * @param request the turn
     * @param listener receives the deltas and the result
     * @param cancellation cancelled by the edge when its client goes away
     * @return the result, after the listener's {@code onDone} and the memory write
     * @throws DialogException when the responder fails ({@link ModelUnavailableException},
     *                         {@link ModelTimeoutException}) or the turn is cancelled ({@link TurnCancelledException})
     */
    public TurnResult run(TurnRequest request, TurnListener listener, Cancellation cancellation) {
        long start = System.nanoTime();
        ConversationKey key = request.conversation();
        Progress progress = new Progress(start, listener, cancellation);
        try {
            // long-term recall (bounded by its deadline) runs while short-term memory is read
            CompletableFuture<List<String>> memories = recall == LongTermRecall.NONE
                    ? CompletableFuture.completedFuture(List.of())
                    : CompletableFuture.supplyAsync(() -> recall.recall(request),
                            task -> Thread.ofVirtual().name("ltm-recall").start(task));
            ReplyRequest reply = prompts.assemble(request, recent(key), memories.join());
            responder.respond(reply, progress::deliver, cancellation);
        } catch (TurnCancelledException e) {
            if (!cancellation.isStopped()) {
                return failed(key, request, progress, e);
            }
        } catch (RuntimeException e) {
            return failed(key, request, progress, e);
        }
        TurnStats stats = progress.stats(System.nanoTime(), responder.source());
        TurnResult result = new TurnResult(progress.reply(), request.text(), stats, cancellation.isStopped(), false);
        ReentrantLock lock = locks.of(key);
        lock.lock();
        try {
            listener.onDone(result);
        } finally {
            remember(key, request, result.reply(), stats);
            lock.unlock();
        }
        observer.completed(stats);
        return result;
    }

    private TurnResult failed(ConversationKey key, TurnRequest request, Progress progress, RuntimeException e) {
        if (progress.delivered()) {
            remember(key, request, progress.reply(), progress.stats(System.nanoTime(), responder.source()));
        }
        observer.failed(e);
        throw e;
    }

    private List<MemoryTurn> recent(ConversationKey key) {
        ReentrantLock lock = locks.of(key);
        lock.lock();
        try {
            return memory.recent(key);
        } catch (MemoryUnavailableException e) {
            LOG.log(Level.WARNING, "answering without history: " + e.getMessage(), e);
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    private void remember(ConversationKey key, TurnRequest request, String reply, TurnStats stats) {
        try {
            memory.remember(key, request.taskId(), request.text(), reply, envelopes.of(request, reply, stats));
        } catch (MemoryUnavailableException e) {
            LOG.log(Level.WARNING, "turn not remembered: " + e.getMessage(), e);
        }
    }

    /**
     * What one turn has delivered so far. Used by the turn's thread only.
     */
    private static final class Progress {
        private final long start;
        private final TurnListener listener;
        private final Cancellation cancellation;
        private final StringBuilder reply = new StringBuilder();
        private long firstDelta;
        private int tokens;

        Progress(long start, TurnListener listener, Cancellation cancellation) {
            this.start = start;
            this.listener = listener;
            this.cancellation = cancellation;
        }

        void deliver(String delta) {
            cancellation.throwIfCancelled();
            long now = System.nanoTime();
            try {
                listener.onDelta(delta);
            } catch (RuntimeException e) {
                cancellation.cancel();
                throw new TurnCancelledException(e);
            }
            // only what reached the listener counts as delivered (and is remembered)
            if (reply.isEmpty()) {
                firstDelta = now;
            }
            reply.append(delta);
            tokens += TokenEstimate.of(delta);
        }

        boolean delivered() {
            return !reply.isEmpty();
        }

        String reply() {
            return reply.toString();
        }

        TurnStats stats(long end, String source) {
            OptionalDouble ttft = reply.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(TurnStats.millis(firstDelta - start));
            return new TurnStats(ttft, tokens, TurnStats.millis(end - start), source);
        }
    }
}
