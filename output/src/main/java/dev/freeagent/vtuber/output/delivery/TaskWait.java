package dev.freeagent.vtuber.output.delivery;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client socket waiting for its task's result. Exactly one of "result", "timeout", "Redis
 * unavailable" and "client left" wins {@link #claim()}; the winner finishes the socket.
 */
public final class TaskWait {
    private final String taskId;
    private final ClientSocket socket;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile TaskStatus status = TaskStatus.CONNECTED;
    private volatile ScheduledFuture<?> timer;

    TaskWait(String taskId, ClientSocket socket) {
        this.taskId = taskId;
        this.socket = socket;
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
     * Where the wait stands.
     *
     * @return status
     */
    public TaskStatus status() {
        return status;
    }

    String channel() {
        return ResultSubscriptions.CHANNEL_PREFIX + taskId;
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

    void cancelTimer() {
        ScheduledFuture<?> current = timer;
        if (current != null) {
            current.cancel(false);
        }
    }
}
