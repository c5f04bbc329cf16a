package dev.freeagent.vtuber.output.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client socket waiting for its task's result, and then, when the result announces audio, for its speech.
 * Exactly one of "result", "timeout", "Redis unavailable" and "client left" wins {@link #claim()}; the winner
 * finishes the socket (or hands it to the speech gate).
 */
public final class TaskWait {
    private final String taskId;
    private final ClientSocket socket;
    private final AudioForm form;
    private final SpeechGate gate = new SpeechGate();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final ReentrantLock releaseLock = new ReentrantLock();
    private final List<Runnable> releaseHooks = new ArrayList<>();
    private boolean released;
    private volatile TaskStatus status = TaskStatus.CONNECTED;
    private volatile ScheduledFuture<?> timer;
    private volatile ScheduledFuture<?> speechTimer;

    TaskWait(String taskId, ClientSocket socket, AudioForm form) {
        this.taskId = taskId;
        this.socket = socket;
        this.form = form;
    }

    /**
     * The task id as the client gave it in the path.
     *
     * @return task id
     */
    public String taskId() {
        return taskId;
    }

    /**
     * The client socket.
     *
     * @return socket
     */
    public ClientSocket socket() {
        return socket;
    }

    /**
     * How the client wants reply audio.
     *
     * @return the form
     */
    public AudioForm form() {
        return form;
    }

    /**
     * Where the wait stands.
     *
     * @return status
     */
    public TaskStatus status() {
        return status;
    }

    /**
     * Runs an action once the socket is done and released (at once when it already is). Actions run on the
     * releasing thread and may block briefly.
     *
     * @param hook the action
     */
    public void onRelease(Runnable hook) {
        releaseLock.lock();
        try {
            if (!released) {
                releaseHooks.add(hook);
                return;
            }
        } finally {
            releaseLock.unlock();
        }
        hook.run();
    }

    String channel() {
        return ResultSubscriptions.CHANNEL_PREFIX + taskId;
    }

    SpeechGate gate() {
        return gate;
    }

    void status(TaskStatus status) {
        this.status = status;
    }

    boolean claim() {
        return finished.compareAndSet(false, true);
    }

    boolean finished() {
        return finished.get();
    }

    void timer(ScheduledFuture<?> timer) {
        this.timer = timer;
        if (finished()) {
            timer.cancel(false);
        }
    }

    void speechTimer(ScheduledFuture<?> timer) {
        this.speechTimer = timer;
    }

    void cancelTimers() {
        for (ScheduledFuture<?> current : new ScheduledFuture<?>[] {timer, speechTimer}) {
            if (current != null) {
                current.cancel(false);
            }
        }
    }

    /**
     * Marks the wait released.
     *
     * @return the hooks to run, empty when it was already released
     */
    List<Runnable> release() {
        releaseLock.lock();
        try {
            if (released) {
                return List.of();
            }
            released = true;
            List<Runnable> hooks = List.copyOf(releaseHooks);
            releaseHooks.clear();
            return hooks;
        } finally {
            releaseLock.unlock();
        }
    }
}
