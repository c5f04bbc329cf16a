package dev.freeagent.vtuber.dialog.chat;

import java.util.concurrent.Executor;

import io.helidon.logging.common.HelidonMdc;

/**
 * Virtual threads that carry a task id into every log line they write.
 */
final class TaskThreads {
    private TaskThreads() {
    }

    /**
     * Runs each command on a new virtual thread whose logs carry the task id.
     *
     * @param taskId the task
     * @return the executor
     */
    static Executor of(String taskId) {
        return command -> Thread.ofVirtual().name("speech-" + taskId).start(() -> {
            HelidonMdc.set("task_id", taskId);
            try {
                command.run();
            } finally {
                HelidonMdc.remove("task_id");
            }
        });
    }
}
