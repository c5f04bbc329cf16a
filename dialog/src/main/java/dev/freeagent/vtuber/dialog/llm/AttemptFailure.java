package dev.freeagent.vtuber.dialog.llm;

import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.turn.ModelTimeoutException;
import dev.freeagent.vtuber.dialog.turn.ModelUnavailableException;

/**
 * Why one attempt failed, and whether another attempt may help. Checked on purpose: everything else thrown while
 * streaming (the listener's failures, cancellation) must pass the retry loop untouched.
 */
final class AttemptFailure extends Exception {
    private final boolean retryable;
    private final boolean timeout;

    private AttemptFailure(String sentence, boolean retryable, boolean timeout, Throwable cause) {
        super(sentence, cause, false, false);
        this.retryable = retryable;
        this.timeout = timeout;
    }

    static AttemptFailure unreachable(String host, Throwable cause) {
        return new AttemptFailure("The language model at " + host + " could not be reached.", true, false, cause);
    }

    static AttemptFailure status(String host, int status) {
        // a request the server rejects as such will be rejected again; overload and server errors may pass
        boolean retryable = status >= 500 || status == 408 || status == 409 || status == 429;
        String hint = status == 401 || status == 403 ? " (check the API key)" : "";
        return new AttemptFailure("The language model at " + host + " answered HTTP " + status + hint + ".",
                retryable, false, null);
    }

    static AttemptFailure brokenOff(String host, Throwable cause) {
        return new AttemptFailure("The language model at " + host + " stopped in the middle of its reply.",
                true, false, cause);
    }

    static AttemptFailure reportedError(String host) {
        return new AttemptFailure("The language model at " + host + " reported an error.", true, false, null);
    }

    static AttemptFailure empty() {
        return new AttemptFailure("The language model returned an empty reply.", true, false, null);
    }

    static AttemptFailure timeout(double seconds) {
        String shown = seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
        // not retried: the user would wait (retries + 1) times the timeout for a model that does not answer
        return new AttemptFailure("The language model did not answer within " + shown + " s.", false, true, null);
    }

    boolean retryable() {
        return retryable;
    }

    DialogException toException() {
        return timeout ? new ModelTimeoutException(getMessage()) : new ModelUnavailableException(getMessage(), this);
    }
}
