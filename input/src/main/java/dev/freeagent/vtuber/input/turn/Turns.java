package dev.freeagent.vtuber.input.turn;

import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.helidon.logging.common.HelidonMdc;

/**
 * Runs each task's turn on a virtual thread of its own, with the task id in the logging MDC.
 *
 * <p>Thread-safe. Main owns it; closing interrupts running turns (a result still waiting for Redis is
 * then given up, with an error in the log) and waits at most 5 s.
 */
public final class Turns implements Consumer<Task>, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Turns.class.getName());

    private final TurnJob job;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("turn-", 0).factory());

    /**
     * Creates the runner.
     *
     * @param job what each turn does
     */
    public Turns(TurnJob job) {
        this.job = job;
    }

    /**
     * Starts the task's turn in the background.
     *
     * @param task the task
     */
    @Override
    public void accept(Task task) {
        threads.execute(() -> {
            HelidonMdc.set("task_id", task.taskId());
            try {
                job.run(task);
            } finally {
                HelidonMdc.remove("task_id");
            }
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "Turns still running after 5 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
