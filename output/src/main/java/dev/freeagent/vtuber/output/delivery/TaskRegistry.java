package dev.freeagent.vtuber.output.delivery;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task id to the client socket waiting for it. A new socket for the same id replaces the entry (the
 * older socket still gets its result); an entry leaves only when its own socket is done.
 */
public final class TaskRegistry {
    private final ConcurrentHashMap<String, TaskWait> waits = new ConcurrentHashMap<>();

    void register(TaskWait wait) {
        waits.put(wait.taskId(), wait);
    }

    void remove(TaskWait wait) {
        waits.remove(wait.taskId(), wait);
    }

    List<TaskWait> all() {
        return List.copyOf(waits.values());
    }

    /**
     * The status of the socket registered for a task.
     *
     * @param taskId task id as given by the client
     * @return status, empty when no socket is registered
     */
    public Optional<TaskStatus> status(String taskId) {
        return Optional.ofNullable(waits.get(taskId)).map(TaskWait::status);
    }

    /**
     * The socket registered for a task: where streamed speech for that session goes.
     *
     * @param taskId task id (the session id)
     * @return the socket's wait, if a socket is registered
     */
    public Optional<TaskWait> find(String taskId) {
        return Optional.ofNullable(waits.get(taskId));
    }

    /**
     * How many task ids have a socket.
     *
     * @return count
     */
    public int size() {
        return waits.size();
    }
}
