package dev.freeagent.vtuber.dialog.llm;

/**
 * Drops what a continuation attempt repeats of the text already delivered, so the client never gets the same
 * text twice. While the new output could still be a repetition (it occurs inside the delivered text), it is held
 * back; as soon as it cannot, the longest prefix of it that the delivered text ends with (at least
 * {@value #MIN_OVERLAP} characters, or the whole delivered text when the model started over) is removed and the
 * rest passes through. Used by one attempt's thread only.
 */
final class RepeatFilter {
    /** Shorter overlaps are more likely coincidence ("Hm" + "m...") than repetition. */
    static final int MIN_OVERLAP = 2;

    private final String delivered;
    private final StringBuilder pending = new StringBuilder();
    private boolean passing;

    /**
     * Creates the filter.
     *
     * @param delivered what the client already has; empty means nothing to filter
     */
    RepeatFilter(String delivered) {
        this.delivered = delivered;
        this.passing = delivered.isEmpty();
    }

    /**
     * Filters the next chunk of the new output.
     *
     * @param chunk a delta
     * @return what may be delivered now, possibly empty
     */
    String accept(String chunk) {
        if (passing) {
            return chunk;
        }
        pending.append(chunk);
        if (delivered.contains(pending)) {
            return "";
        }
        return release();
    }

    /**
     * The new output ended.
     *
     * @return what is still held back and new
     */
    String finish() {
        return passing ? "" : release();
    }

    private String release() {
        passing = true;
        String text = pending.toString();
        pending.setLength(0);
        return text.substring(overlap(delivered, text));
    }

    static int overlap(String delivered, String text) {
        for (int k = Math.min(delivered.length(), text.length()); k >= MIN_OVERLAP; k--) {
            if (delivered.regionMatches(delivered.length() - k, text, 0, k)) {
                return k;
            }
        }
        return 0;
    }
}
