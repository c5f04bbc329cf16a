package dev.freeagent.vtuber.dialog.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;

/**
 * A child program (ffmpeg, pocketsphinx) held to a deadline and to a turn's cancellation: either one kills it at
 * once. Its input is written on a virtual thread of its own, so a program that answers while it still reads cannot
 * deadlock against us; its error output is drained on another and kept (the first few kilobytes) for the log.
 * Close it when done: closing kills the program if it still runs and waits until it is gone.
 */
public final class BoundedProcess implements AutoCloseable {
    private static final int DIAGNOSTICS_LIMIT = 2048;

    private final Process process;
    private final CompletableFuture<String> diagnostics = new CompletableFuture<>();
    private final Cancellation.Registration registration;
    private volatile boolean timedOut;
    private volatile boolean cancelled;

    private BoundedProcess(Process process, byte[] input, Duration timeout, Cancellation cancellation) {
        this.process = process;
        String name = "process-" + process.pid();
        Thread.ofVirtual().name(name + "-stdin").start(() -> feed(input));
        Thread.ofVirtual().name(name + "-stderr").start(this::collectDiagnostics);
        Thread.ofVirtual().name(name + "-deadline").start(() -> enforce(timeout));
        this.registration = cancellation.onCancel(this::cancel);
    }

    /**
     * Starts a program.
     *
     * @param command the program and its arguments
     * @param input written to its standard input, which is then closed (may be empty)
     * @param timeout the program is killed when it runs longer
     * @param cancellation kills the program when cancelled
     * @return the running program
     * @throws IOException when the program cannot be started (typically: it is not installed)
     * @throws TurnCancelledException when already cancelled
     */
    public static BoundedProcess start(List<String> command, byte[] input, Duration timeout,
                                       Cancellation cancellation) throws IOException {
        cancellation.throwIfCancelled();
        return new BoundedProcess(new ProcessBuilder(command).start(), input, timeout, cancellation);
    }

    /**
     * The program's standard output. Reading it fails or ends early once the program is killed.
     *
     * @return the stream
     */
    public InputStream stdout() {
        return process.getInputStream();
    }

    /**
     * Waits until the program ends; the deadline bounds the wait.
     *
     * @return its exit status
     * @throws TurnCancelledException when the waiting thread is interrupted (the program is killed)
     */
    public int awaitExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new TurnCancelledException(e);
        }
    }

    /**
     * Kills the program and waits until it is gone.
     */
    public void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    /**
     * Whether the deadline killed the program.
     *
     * @return true after a timeout
     */
    public boolean timedOut() {
        return timedOut;
    }

    /**
     * Whether the cancellation killed the program.
     *
     * @return true after a cancellation
     */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * The start of what the program wrote to its error output, for the log; call it after the program ended.
     *
     * @return the text, possibly empty
     */
    public String diagnostics() {
        try {
            return diagnostics.get(1, TimeUnit.SECONDS).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }

    @Override
    public void close() {
        registration.close();
        if (process.isAlive()) {
            kill();
        }
    }

    private void feed(byte[] input) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // The program stopped reading: it rejected the input, ended or was killed; its exit status says which.
        }
    }

    private void collectDiagnostics() {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try (InputStream stderr = process.getErrorStream()) {
            int read;
            while ((read = stderr.read(buffer)) != -1) {
                kept.write(buffer, 0, Math.min(read, Math.max(0, DIAGNOSTICS_LIMIT - kept.size())));
            }
        } catch (IOException e) {
            // The stream is closed when the program is killed; what was kept is enough.
        }
        diagnostics.complete(kept.toString(StandardCharsets.UTF_8));
    }

    private void enforce(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cancel() {
        cancelled = true;
        process.destroyForcibly();
    }
}
