package dev.freeagent.vtuber.workers;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.workers.stream.EntryObserver;
import dev.freeagent.vtuber.workers.stream.EntryOutcome;

/**
 * Records outcomes as consumers report them (after the acknowledgement), so a test can wait for them.
 */
final class Outcomes implements EntryObserver {
    private final BlockingQueue<EntryOutcome> queue = new LinkedBlockingQueue<>();

    @Override
    public void observed(EntryOutcome outcome) {
        queue.add(outcome);
    }

    /**
     * Waits for the next outcome.
     *
     * @return it
     */
    EntryOutcome next() throws InterruptedException {
        EntryOutcome outcome = queue.poll(10, TimeUnit.SECONDS);
        if (outcome == null) {
            throw new AssertionError("no outcome within 10 s");
        }
        return outcome;
    }

    /**
     * Waits until the given number of outcomes of one kind have been seen, counting every outcome it takes.
     *
     * @return how many outcomes it took in all
     */
    int awaitCount(EntryOutcome wanted, int count) throws InterruptedException {
        int seen = 0;
        int taken = 0;
        while (seen < count) {
            taken++;
            if (next() == wanted) {
                seen++;
            }
        }
        return taken;
    }
}
