package dev.freeagent.vtuber.output.delivery;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client output socket. Any thread may write to it: the result delivery now, the TTS relay later.
 * A group of frames passed to one {@link #send(List)} goes out back to back, so an {@code audio_chunk}
 * header and its binary frame are never split by another writer. After {@link #close} (or a failed
 * write) everything sent is dropped.
 */
public final class ClientSocket {
    /** Normal closure. */
    public static final int NORMAL = 1000;
    /** The server is going away. */
    public static final int GOING_AWAY = 1001;

    private static final System.Logger LOG = System.getLogger(ClientSocket.class.getName());

    private final FrameSink sink;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean open = true;

    /**
     * Creates the socket.
     *
     * @param sink the wire end
     */
    public ClientSocket(FrameSink sink) {
        this.sink = sink;
    }

    /**
     * Sends one text frame.
     *
     * @param text text
     * @return false when the socket is closed or the write failed
     */
    public boolean send(String text) {
        return send(List.of(new Frame.Text(text)));
    }

    /**
     * Sends frames in order, with no other writer's frames between them.
     *
     * @param frames the frames
     * @return false when the socket is closed or a write failed
     */
    public boolean send(List<Frame> frames) {
        lock.lock();
        try {
            if (!open) {
                return false;
            }
            for (Frame frame : frames) {
                switch (frame) {
                case Frame.Text text -> sink.text(text.text());
                case Frame.Binary binary -> sink.binary(binary.bytes());
                }
            }
            return true;
        } catch (RuntimeException e) {
            // the client is gone; the wait is released by whoever notices the disconnect
            open = false;
            LOG.log(Level.DEBUG, "write to a client socket failed: " + e.getMessage());
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the socket once; later calls do nothing.
     *
     * @param code close code
     * @param reason close reason
     */
    public void close(int code, String reason) {
        lock.lock();
        try {
            if (!open) {
                return;
            }
            open = false;
            sink.close(code, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "close of a client socket failed: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether frames are still accepted.
     *
     * @return true until closed
     */
    public boolean isOpen() {
        lock.lock();
        try {
            return open;
        } finally {
            lock.unlock();
        }
    }
}
