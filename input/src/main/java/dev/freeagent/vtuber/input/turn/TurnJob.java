package dev.freeagent.vtuber.input.turn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One turn in the background (contract §3.3): read the uploaded file, delete the task's folder, ask
 * dialog, publish the success or error result. Never throws: every outcome becomes a published result.
 *
 * <p>Thread-safe; one call per task.
 */
public final class TurnJob {
    private static final System.Logger LOG = System.getLogger(TurnJob.class.getName());

    private final Dialog dialog;
    private final ResultPublisher publisher;

    /**
     * Creates the job runner.
     *
     * @param dialog the dialog service
     * @param publisher where results go
     */
    public TurnJob(Dialog dialog, ResultPublisher publisher) {
        this.dialog = dialog;
        this.publisher = publisher;
    }

    /**
     * Runs the turn on the calling thread.
     *
     * @param task the task
     */
    public void run(Task task) {
        String result;
        try {
            DialogReply reply = dialog.answer(task, payload(task));
            result = ResultMessage.success(task, reply);
        } catch (TurnFailure e) {
            // expected failures (dialog's answer, deadline, empty payload): one line, the cause's own words
            LOG.log(Level.WARNING, "Turn failed: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            result = ResultMessage.error(task.taskId(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Turn failed unexpectedly", e);
            result = ResultMessage.error(task.taskId(), "The turn failed unexpectedly.");
        }
        publisher.publish(task.taskId(), result);
    }

    // The folder is deleted as soon as the bytes are in memory (contract §14.17: the original never did).
    private static byte[] payload(Task task) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(task.payload());
        } catch (IOException e) {
            throw new TurnFailure("read_" + task.mode().wireName() + "_failed", e);
        } finally {
            delete(task.folder());
        }
        if (bytes.length == 0 && task.mode() != InputMode.TEXT) {
            throw new TurnFailure(task.mode().wireName() + "_payload_empty");
        }
        return bytes;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(TurnJob::deleteOne);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Cannot delete " + folder, e);
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
